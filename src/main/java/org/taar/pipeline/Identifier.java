package org.taar.pipeline;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.taar.config.Config;
import org.taar.dedupe.Duplicates;
import org.taar.item.NewsItem;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Versions;
import org.taar.store.StoryReads;

/**
 * The identify step: what an incoming version is to the stored story (story/Versions), whether
 * this very delivery brought it before, and whether a new story repeats an earlier one
 * (dedupe/Duplicates). Reads only, inside the pipeline's transaction.
 */
final class Identifier {
    private final Config config;
    private final StoryReads stories;
    private final Duplicates duplicates;

    Identifier(Config config, StoryReads stories, Duplicates duplicates) {
        this.config = config;
        this.stories = stories;
        this.duplicates = duplicates;
    }

    Duplicates duplicates() {
        return duplicates;
    }

    Identified identify(Handle h, String source, NewsItem item, Long deliveryId, Instant now) {
        return identify(h, source, item, deliveryId, now, null);
    }

    /** @param print the item's fingerprint when it was made beforehand (an import's); null makes it here if needed */
    Identified identify(Handle h, String source, NewsItem item, Long deliveryId, Instant now, Duplicates.Print print) {
        Optional<Story> current = stories.find(h, source, item.uri());
        return switch (Versions.classify(current, item)) {
            case STALE -> {
                Story s = current.orElseThrow();
                boolean repeat = deliveryId != null && stories.versionSeen(h, s.id(), item.version(), deliveryId);
                yield repeat ? new Identified.Repeat(s) : new Identified.Stale(s);
            }
            case AFTER_KILL -> new Identified.AfterKill(current.orElseThrow());
            case KILL -> new Identified.Kill(current);
            case NEWER -> current.orElseThrow().status() == Status.DUPLICATE
                    ? new Identified.DuplicateAgain(current.get())
                    : new Identified.Update(current.get(), stories.showsEdit(h, current.get().id()));
            case NEW -> {
                String agency = item.agency() != null ? item.agency() : config.source(source).agency();
                Duplicates.Check check = duplicates.check(h, source, agency,
                        print != null ? print : duplicates.print(item), now);
                if (check.match().isPresent() && !config.source(source).publishDuplicates()) {
                    Duplicates.Match m = check.match().get();
                    yield new Identified.Duplicate(m, duplicates.pathOf(h, m.originalId()).orElse(null));
                }
                yield new Identified.New(agency, check);
            }
        };
    }
}
