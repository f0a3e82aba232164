package org.taar.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.taar.store.EventLog;
import org.taar.story.EventKind;
import org.taar.story.Meters;

/**
 * How long a story's change took to reach its page: the publisher tells this listener once a
 * batch's articles are in the page cache, so "now" is when the page (or a kill's 410) answers.
 * Measured from the event's write, which follows the delivery's receipt by the pipeline's work.
 */
public final class PageLatency implements Publisher.Listener {
    private final Meters meters;
    private final Clock clock;

    public PageLatency(Meters meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void applied(List<EventLog.Change> changes) {
        Instant now = clock.instant();
        for (EventLog.Change c : changes) {
            if (c.at() == null || !showsOnPage(c)) continue;
            // Another node wrote the event by its own clock, which may run a little ahead of ours.
            Duration took = Duration.between(c.at(), now);
            meters.onPage(c.kind(), took.isNegative() ? Duration.ZERO : took);
        }
    }

    /** A publish or update that left the story up, or a kill that left it down (not one overtaken in the same batch). */
    private static boolean showsOnPage(EventLog.Change c) {
        return switch (c.kind()) {
            case PUBLISHED, UPDATED -> "published".equals(c.status());
            case KILLED -> "killed".equals(c.status());
            default -> false;
        };
    }
}
