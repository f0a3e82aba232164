package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

class LanguageFilterTest {
    private final LanguageFilter filter = new LanguageFilter();

    private static NewsItem item(String language, String headline, String bodyHtml) {
        NewsItem.Builder b = NewsItem.builder();
        b.language = language;
        b.headline = headline;
        b.bodyHtml = bodyHtml;
        return b.build();
    }

    @Test
    void readsHindiAndEnglishFromTheScript() {
        assertThat(filter.apply(item(null, "भारत ने मैच जीता", "<p>भारत ने IPL में जीत दर्ज की।</p>")).language()).isEqualTo("hi");
        assertThat(filter.apply(item("", "India wins", "<p>India won the match in Mumbai.</p>")).language()).isEqualTo("en");
        assertThat(filter.apply(item(null, "भारत ने मैच जीता", null)).language()).isEqualTo("hi");
    }

    @Test
    void leavesLanguageUnsetWhenNoScriptDominates() {
        assertThat(filter.apply(item(null, "भारत Россия", "<p>१२३ 456</p>")).language()).isNull();
        assertThat(filter.apply(item(null, null, null)).language()).isNull();
    }

    @Test
    void keepsTheItemsOwnLanguage() {
        NewsItem mr = item("mr", "India wins", "<p>India won.</p>");
        assertThat(filter.apply(mr)).isSameAs(mr);
    }

    @Test
    void countsTheBodysTextNotItsMarkupOrReferences() {
        assertThat(LanguageFilter.letters("<p class=\"x\">भारत&amp;<a href=\"https://example.com/abc\">पाक</a></p>"))
                .isEqualTo(" भारत  पाक  ");
        assertThat(LanguageFilter.language(LanguageFilter.letters(
                "<p><a href=\"https://example.com/a-very-long-latin-address\">मैच</a> &nbsp;&nbsp;&nbsp; जीता</p>")))
                .isEqualTo("hi");
    }

    @Test
    void urduIsNamedByTheLettersOnlyUrduWritesAndArabicOrPersianAreNotGuessed() {
        // Written for this test: "Pakistan's election results came out on Sunday" in Urdu (ں and ے).
        assertThat(filter.apply(item(null, "پاکستان میں انتخابی نتائج اتوار کو سامنے آئے",
                "<p>لاہور میں ووٹوں کی گنتی مکمل ہوئی۔</p>")).language()).isEqualTo("ur");
        // Arabic ("the election results were announced") and Persian have none of them: left unnamed.
        assertThat(filter.apply(item(null, "أعلنت نتائج الانتخابات", "<p>في القاهرة يوم الأحد</p>")).language()).isNull();
        assertThat(filter.apply(item(null, "نتایج انتخابات اعلام شد", "<p>در تهران روز یکشنبه</p>")).language()).isNull();
    }
}
