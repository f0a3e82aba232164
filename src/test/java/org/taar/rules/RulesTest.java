package org.taar.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;

class RulesTest {
    private final Rules rules = new Rules(Clock.fixed(Instant.parse("2025-07-12T06:00:00Z"), ZoneOffset.UTC));

    private static NewsItem.Builder item() {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:x";
        b.headline = "h";
        return b;
    }

    @Test
    void usableItemIsPublishedByTheDefaultRule() {
        Decision d = rules.decide(item().build());
        assertThat(d.action()).isEqualTo(Decision.Action.PUBLISH);
        assertThat(d.rule()).isEqualTo("default-publish");
    }

    @Test
    void withheldItemIsHeld() {
        NewsItem.Builder b = item();
        b.pubstatus = PubStatus.WITHHELD;
        assertThat(rules.decide(b.build()).action()).isEqualTo(Decision.Action.HOLD);
    }

    @Test
    void futureEmbargoWaitsAndPastEmbargoPublishes() {
        NewsItem.Builder future = item();
        future.embargoed = Instant.parse("2025-07-12T07:00:00Z");
        Decision d = rules.decide(future.build());
        assertThat(d.action()).isEqualTo(Decision.Action.EMBARGO);
        assertThat(d.embargoUntil()).isEqualTo(future.embargoed);
        NewsItem.Builder past = item();
        past.embargoed = Instant.parse("2025-07-12T05:00:00Z");
        assertThat(rules.decide(past.build()).action()).isEqualTo(Decision.Action.PUBLISH);
    }
}
