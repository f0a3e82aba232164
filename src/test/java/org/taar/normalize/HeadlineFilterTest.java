package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

class HeadlineFilterTest {
    private final HeadlineFilter filter = new HeadlineFilter();

    private static NewsItem.Builder item() {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:t:1";
        return b;
    }

    @Test
    void aHeadlineOfItsOwnIsLeftAlone() {
        NewsItem.Builder b = item();
        b.headline = "केरल में बारिश";
        b.summary = "Something else.";
        NewsItem in = b.build();
        assertThat(filter.apply(in)).isSameAs(in);
    }

    @Test
    void theSummarysFirstSentenceComesFirst() {
        NewsItem.Builder b = item();
        b.summary = "केरल में भारी बारिश से जनजीवन ठप। स्कूल बंद।";
        b.bodyHtml = "<p>Body text here, long enough.</p>";
        NewsItem out = filter.apply(b.build());
        assertThat(out.headline()).isEqualTo("केरल में भारी बारिश से जनजीवन ठप।");
        assertThat(out.warnings()).containsExactly("no headline; built from the summary's first sentence");
    }

    @Test
    void theBodysFirstSentenceAfterItsDateline() {
        NewsItem.Builder b = item();
        b.bodyHtml = "<figure><img src=\"https://c.example/a.jpg\"><figcaption>Caption</figcaption></figure>"
                + "<p>तिरुवनंतपुरम, 29 मई (आईएएनएस)। केरल में मानसून ने दस्तक दी। आगे पढ़ें।</p>";
        assertThat(filter.apply(b.build()).headline()).isEqualTo("केरल में मानसून ने दस्तक दी।");
        b.bodyHtml = "<p>WASHINGTON: Talks between the two countries began on Saturday. More follows.</p>";
        assertThat(filter.apply(b.build()).headline()).isEqualTo("Talks between the two countries began on Saturday");
    }

    @Test
    void aLongSentenceIsCutAtAWord() {
        NewsItem.Builder b = item();
        b.summary = "एक दो तीन चार पांच छह सात आठ नौ दस ग्यारह बारह तेरह चौदह पंद्रह सोलह";
        String h = filter.apply(b.build()).headline();
        assertThat(h).endsWith("…").startsWith("एक दो");
        assertThat(h.split(" ")).hasSizeLessThanOrEqualTo(HeadlineFilter.MAX_WORDS);
    }

    @Test
    void theLinksWordsWhenThereIsNoText() {
        NewsItem.Builder b = item();
        b.link = "https://agency.example/2025/07/india-us-trade-talks-begin-123456.html?ref=rss";
        NewsItem out = filter.apply(b.build());
        assertThat(out.headline()).isEqualTo("India us trade talks begin");
        assertThat(out.warnings()).containsExactly("no headline; built from the words of its link");
        b.link = "https://agency.example/desh/%E0%A4%AD%E0%A4%BE%E0%A4%B0%E0%A4%A4-%E0%A4%95%E0%A5%80-%E0%A4%9C%E0%A5%80%E0%A4%A4";
        assertThat(filter.apply(b.build()).headline()).isEqualTo("भारत की जीत");
    }

    @Test
    void aLinkOfIdsAloneIsNoHeadlineButAPicturesCaptionIs() {
        NewsItem.Builder b = item();
        b.link = "https://agency.example/story/2025/07/12/123456";
        b.bodyHtml = "<figure><img src=\"https://c.example/a.jpg\" alt=\"बाढ़ में डूबा कोच्चि\"></figure>";
        NewsItem out = filter.apply(b.build());
        assertThat(out.headline()).isEqualTo("बाढ़ में डूबा कोच्चि");
        assertThat(out.warnings()).containsExactly("no headline; built from its picture's caption");
    }

    @Test
    void nothingUsableLeavesNoHeadlineAndSaysSo() {
        NewsItem.Builder b = item();
        b.headline = " \u00a0 ";
        b.bodyHtml = "<p>— । 12:30</p>";
        b.link = "https://agency.example/p/12345";
        NewsItem out = filter.apply(b.build());
        assertThat(out.headline()).isNull();
        assertThat(out.warnings()).containsExactly("no headline and nothing to build one from");
    }
}
