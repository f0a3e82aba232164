package org.taar.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KillSignalTest {
    @Test
    void describesTheAdvisoryAsTheParsersWarningsAlwaysSaidIt() {
        assertThat(KillSignal.slug("KILL", "ELECTION-RESULTS").describe())
                .isEqualTo("kill advisory (KILL) for ELECTION-RESULTS");
        assertThat(KillSignal.message("ELIMINATE", "456").describe()).isEqualTo("kill advisory (ELIMINATE) for message 456");
        assertThat(KillSignal.unnamed("WITHDRAWAL").describe())
                .isEqualTo("kill advisory (WITHDRAWAL) without a resolvable story reference");
        assertThat(KillSignal.uri("KILL", "urn:ians:42").describe()).isEqualTo("kill advisory (KILL) for urn:ians:42");
        assertThat(KillSignal.headline("किल", "दिल्ली में बारिश").describe()).isEqualTo("kill advisory (किल) for \"दिल्ली में बारिश\"");
    }

    @Test
    void anAdvisoryHasItsWordAndNamesExactlyWhatItSaysItNames() {
        assertThatThrownBy(() -> KillSignal.slug(" ", "X")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KillSignal.slug("KILL", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KillSignal.message("KILL", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KillSignal("KILL", KillSignal.Names.NONE, "X"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KillSignal("KILL", null, null)).isInstanceOf(NullPointerException.class);
        assertThat(new KillSignal("KILL", KillSignal.Names.NONE, " ").target()).isNull();
    }

    @Test
    void theItemCarriesItsKillThroughItsBuilder() {
        NewsItem.Builder b = NewsItem.builder();
        b.headline = "KILL";
        assertThat(b.build().kill()).isNull();
        b.kill = KillSignal.slug("KILL", "BC-US-Storm");
        NewsItem item = b.build();
        assertThat(item.kill()).isEqualTo(KillSignal.slug("KILL", "BC-US-Storm"));
        assertThat(item.toBuilder().build()).isEqualTo(item);
    }
}
