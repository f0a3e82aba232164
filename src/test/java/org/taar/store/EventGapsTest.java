package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.taar.MutableClock;
import org.taar.story.EventKind;

class EventGapsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-07-12T06:00:00Z"));
    private final EventGaps gaps = new EventGaps(clock, Duration.ofSeconds(2));

    private static List<Event> events(long... seqs) {
        return LongStream.of(seqs).mapToObj(s -> new Event(s, s, EventKind.PUBLISHED, Instant.EPOCH)).toList();
    }

    @Test
    void stopsAtAHoleUntilItFillsOrGrowsOld() {
        assertThat(gaps.usable(0, events(1, 2, 4))).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(gaps.usable(2, events(4))).isZero();
        clock.advance(Duration.ofMillis(1_500));
        assertThat(gaps.usable(2, events(4, 5))).as("a rollback: stepped over").isEqualTo(2);
    }

    @Test
    void aNewHoleWaitsItsOwnPatienceThoughAnOlderOneFilled() {
        assertThat(gaps.usable(0, events(1, 3))).isEqualTo(1);
        clock.advance(Duration.ofSeconds(3));
        // Hole 2 filled; hole 5 (a transaction still committing) was first seen just now.
        assertThat(gaps.usable(1, events(2, 3, 4, 6))).isEqualTo(3);
        assertThat(gaps.usable(4, events(6))).isZero();
    }

    @Test
    void anOldHoleIsSteppedOverButALaterOneInTheSameBatchWaits() {
        assertThat(gaps.usable(0, events(2))).isZero();
        clock.advance(Duration.ofSeconds(3));
        assertThat(gaps.usable(0, events(2, 3, 5))).isEqualTo(2);
    }
}
