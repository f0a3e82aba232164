package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;
import org.taar.text.HtmlSanitizer;

class SanitizeFilterTest {
    private final SanitizeFilter filter = new SanitizeFilter(new HtmlSanitizer());

    private static NewsItem body(String html) {
        NewsItem.Builder b = NewsItem.builder();
        b.headline = "शीर्षक";
        b.bodyHtml = html;
        return b.build();
    }

    @Test
    void sanitizesTheBodyByTheAllowlist() {
        NewsItem out = filter.apply(body("पाठ<script>x()</script><p onclick=\"y\">दूसरा <a href=\"javascript:z()\">लिंक</a></p>"));
        assertThat(out.bodyHtml()).isEqualTo("<p>पाठ</p><p>दूसरा लिंक</p>");
        assertThat(out.headline()).isEqualTo("शीर्षक");
    }

    @Test
    void dropsRelativeLinksSinceParsersResolvedWhatTheyCould() {
        assertThat(filter.apply(body("<p><a href=\"/x\">x</a></p>")).bodyHtml()).isEqualTo("<p>x</p>");
    }

    @Test
    void leavesAnItemWithoutBodyAsItIs() {
        NewsItem none = body(null);
        assertThat(filter.apply(none)).isSameAs(none);
        assertThat(filter.apply(body("")).bodyHtml()).isEmpty();
    }
}
