package org.taar.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which events a follower of the event table may apply now. On PostgreSQL a later sequence
 * number can commit before an earlier one, so a follower stops at a hole until it fills, or
 * until that same hole has stayed open for the patience, when it is a rolled-back insert. The
 * clock restarts for every new hole: a hole that filled must not lend its age to the next one,
 * or a follower under steady load skips events still being committed and never sees them.
 */
public final class EventGaps {
    private final Clock clock;
    private final Duration patience;
    private long holeAt = -1;
    private Instant holeSeenAt;

    public EventGaps(Clock clock, Duration patience) {
        this.clock = clock;
        this.patience = patience;
    }

    /** How many of {@code events} (ordered by seq, all after {@code lastSeq}) may be applied. */
    public synchronized int usable(long lastSeq, List<Event> events) {
        long expect = lastSeq + 1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).seq() != expect) {
                Instant now = clock.instant();
                if (holeAt != expect) {
                    holeAt = expect;
                    holeSeenAt = now;
                }
                if (Duration.between(holeSeenAt, now).compareTo(patience) < 0) return i;
                // Old enough to be a rollback: step over this hole only; a later one waits its own turn.
                holeAt = -1;
                expect = events.get(i).seq();
            }
            expect++;
        }
        return events.size();
    }
}
