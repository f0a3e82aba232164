package org.taar.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taar.item.KillSignal;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;

class KillSignalFilterTest {
    private final KillSignalFilter filter = new KillSignalFilter();

    private static NewsItem item(String headline, String body) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:test:advisory";
        b.headline = headline;
        b.bodyHtml = "<p>" + body + "</p>";
        b.language = "hi";
        return b.build();
    }

    @Test
    void aHindiAdvisorySentAsAStoryBecomesAKillNamingItsStoryByHeadline() {
        NewsItem out = filter.apply(item("संपादकों के लिए सूचना",
                "कृपया \"मुंबई में भारी बारिश से जनजीवन अस्त-व्यस्त\" शीर्षक वाली खबर का उपयोग न करें।"));
        assertThat(out.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(out.kill()).isNotNull();
        assertThat(out.kill().names()).isEqualTo(KillSignal.Names.HEADLINE);
        assertThat(out.kill().target()).isEqualTo("मुंबई में भारी बारिश से जनजीवन अस्त-व्यस्त");
    }

    @Test
    void aStoryThatMentionsCancellingIsLeftAlone() {
        NewsItem story = item("उड़ानें रद्द", "कोहरे के कारण दिल्ली से बीस उड़ानें रद्द कर दी गईं।");
        assertThat(filter.apply(story)).isSameAs(story);
    }

    @Test
    void anItemAlreadyCanceledKeepsTheParsersSignal() {
        NewsItem.Builder b = item("KILL", "Please kill urn:ians:1 sent at 10:00.").toBuilder();
        b.pubstatus = PubStatus.CANCELED;
        b.kill = KillSignal.slug("KILL", "BC-X");
        NewsItem canceled = b.build();
        assertThat(filter.apply(canceled)).isSameAs(canceled);
    }
}
