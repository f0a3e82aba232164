package org.taar.story;

import java.util.Optional;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;

/**
 * The identify stage's rule for versions of one story: what an incoming version means given
 * the stored one. A pure function, so the rule can be read and tested without a database.
 */
public final class Versions {
    /** What an incoming version is to the stored story. */
    public enum Change {
        /** first time this source + uri is seen */
        NEW,
        /** a higher version of a live story */
        NEWER,
        /** a version at or below the stored one: recorded, changes nothing */
        STALE,
        /** the agency cancelled the story */
        KILL,
        /** the story was killed before; later versions never bring it back */
        AFTER_KILL
    }

    private Versions() {}

    public static Change classify(Optional<Story> current, NewsItem incoming) {
        // A kill is acted on whatever its version: leaving a withdrawn story up because the
        // agency reused a version number is the failure Taar exists to prevent.
        if (incoming.pubstatus() == PubStatus.CANCELED) {
            return current.map(s -> s.status() == Status.KILLED ? Change.STALE : Change.KILL).orElse(Change.KILL);
        }
        if (current.isEmpty()) return Change.NEW;
        Story story = current.get();
        if (story.status() == Status.KILLED) return Change.AFTER_KILL;
        return incoming.version() > story.version() ? Change.NEWER : Change.STALE;
    }
}
