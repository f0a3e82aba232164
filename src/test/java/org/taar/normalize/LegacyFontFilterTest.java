package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;
import org.taar.text.legacy.LegacyFontDetector;

class LegacyFontFilterTest {
    private final LegacyFontFilter filter = new LegacyFontFilter(new LegacyFontDetector());

    private static NewsItem item(String language, String headline, String bodyHtml) {
        NewsItem.Builder b = NewsItem.builder();
        b.language = language;
        b.headline = headline;
        b.bodyHtml = bodyHtml;
        return b.build();
    }

    @Test
    void convertsKrutiDevTextNodesAndKeepsTheMarkup() {
        NewsItem out = filter.apply(item(null, "ekSle foHkkx dh psrkouh",
                "<p>fnYyh esa <b>ckfj'k</b> gqbZA <a href=\"https://imd.gov.in/x\">vf/kd tkudkjh</a></p>"));
        assertThat(out.headline()).isEqualTo("मौसम विभाग की चेतावनी");
        assertThat(out.bodyHtml()).contains("दिल्ली में <b>बारिश</b> हुई।", "href=\"https://imd.gov.in/x\"");
        assertThat(out.warnings()).containsExactly("legacy font Kruti Dev 010 converted");
    }

    @Test
    void leavesItemsInOtherLanguagesAndUnicodeItemsAlone() {
        NewsItem en = item("en", "ekSle foHkkx dh psrkouh", "<p>fnYyh esa ckfj'k gqbZA</p>");
        assertThat(filter.apply(en)).isEqualTo(en);
        NewsItem hi = item("hi", "मौसम विभाग की चेतावनी", "<p>दिल्ली में बारिश हुई।</p>");
        assertThat(filter.apply(hi)).isEqualTo(hi);
    }
}
