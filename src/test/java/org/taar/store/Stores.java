package org.taar.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.item.NewsItem;
import org.taar.story.EventKind;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Tag;

/** Small helpers for the store's own tests: a fresh store per engine, and stories written the one way. */
final class Stores {
    static final Instant NOW = Instant.parse("2025-07-12T05:49:00Z");

    private Stores() {}

    static Store open(String engine, Path dir) {
        Config config = TestEngines.config(engine, dir);
        return Store.open(config.jdbcUrl(), config.dataDir());
    }

    static NewsItem item(String uri, int version, String headline) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = uri;
        b.version = version;
        b.headline = headline;
        return b.build();
    }

    /** A new story as the pipeline records one: row, tags, version, event and audit entry. */
    static StoryVersion newStory(String uri, Status status, String section, Instant at, Tag... tags) {
        OutcomeStatus outcome = OutcomeStatus.of(status);
        NewsItem item = item(uri, 1, "ख़बर " + uri);
        return new StoryVersion(new StoryVersion.Row.Insert("test", status, section, uri.replace(':', '-'),
                status == Status.PUBLISHED ? at : null, status == Status.EMBARGOED ? at.plusSeconds(3600) : null),
                item, null, at, outcome, "rule default", List.of(tags), false, EventKind.of(outcome),
                List.of(new StoryVersion.Audit(outcome.label(), "rule:default", "rule default")), null);
    }

    static long record(StoryWrites writes, StoryVersion v) {
        return writes.store().jdbi().inTransaction(h -> writes.record(h, v));
    }
}
