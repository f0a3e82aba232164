package org.taar.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The words on the wire, in the database and in the API must stay exactly these. */
class StatusLabelsTest {
    @Test
    void outcomeLabelsAreTheWordsOfTheIngestAnswer() {
        assertThat(Arrays.stream(OutcomeStatus.values()).map(OutcomeStatus::label))
                .containsExactly("published", "updated", "held", "embargoed", "killed", "duplicate", "rejected", "edited",
                        "media");
        for (OutcomeStatus o : OutcomeStatus.values()) assertThat(OutcomeStatus.of(o.label())).isEqualTo(o);
        assertThat(Outcome.rejected("f", "why").status().label()).isEqualTo("rejected");
        assertThat(Outcome.rejected("f", "why").isRejected()).isTrue();
    }

    @Test
    void eventKindsAreTheWordsOfTheEventTable() {
        assertThat(Arrays.stream(EventKind.values()).map(EventKind::label))
                .containsExactly("published", "updated", "held", "embargoed", "killed", "reported", "media");
        for (EventKind k : EventKind.values()) assertThat(EventKind.of(k.label())).isEqualTo(k);
    }

    @Test
    void aStoryStatusNamesTheOutcomeAndTheEventOfTheSameWord() {
        for (Status s : Status.values()) assertThat(OutcomeStatus.of(s).label()).isEqualTo(s.label());
        assertThat(EventKind.of(OutcomeStatus.UPDATED)).isEqualTo(EventKind.UPDATED);
        assertThat(EventKind.of(OutcomeStatus.HELD)).isEqualTo(EventKind.HELD);
    }
}
