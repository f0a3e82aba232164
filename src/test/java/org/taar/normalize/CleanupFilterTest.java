package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;
import org.taar.text.UnicodeCleaner;

class CleanupFilterTest {
    private final CleanupFilter filter = new CleanupFilter(new UnicodeCleaner());

    @Test
    void cleansEveryTextFieldAndTheBodyButLeavesMarkupToTheSanitizer() {
        NewsItem.Builder b = NewsItem.builder();
        b.headline = "  रूस\u200B के  शीर्ष ";
        b.agency = " PTI\uFEFF";
        b.bodyHtml = "<p onclick=\"x\">पा\u200Bठ</p>";
        b.tags = List.of(" रूस ", "रूस", "\u200B", "राजनय");
        NewsItem out = filter.apply(b.build());
        assertThat(out.headline()).isEqualTo("रूस के शीर्ष");
        assertThat(out.agency()).isEqualTo("PTI");
        assertThat(out.bodyHtml()).isEqualTo("<p onclick=\"x\">पाठ</p>");
        assertThat(out.tags()).containsExactly("रूस", "राजनय");
    }

    @Test
    void warnsOncePerKindAcrossFields() {
        NewsItem.Builder b = NewsItem.builder();
        b.headline = "शीर्ष\u0007क\uFFFD";
        b.summary = "सा\u001Bर";
        b.bodyHtml = "<p>पा\u0001ठ</p>";
        NewsItem out = filter.apply(b.build());
        assertThat(out.warnings()).containsExactly("removed 3 control characters",
                "text has 1 replacement character (U+FFFD); the source was probably decoded with the wrong charset");
    }
}
