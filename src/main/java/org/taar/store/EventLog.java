package org.taar.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.taar.story.EventKind;
import org.taar.story.Story;

/**
 * The append-only event table: each row says a story's public state changed, with a growing
 * sequence number that the page cache, the search index and live readers on every node follow.
 * Rows are appended only by the writes they announce (StoryWrites, EmbargoQueue, TagStore), in the same
 * transaction, so no follower sees an event without its change or a change without its event.
 */
public final class EventLog {
    private final Store store;

    public EventLog(Store store) {
        this.store = store;
    }

    static void append(Handle h, long storyId, EventKind kind, Instant now) {
        h.createUpdate("INSERT INTO events (story_id, kind, at) VALUES (:id, :kind, :at)")
                .bind("id", storyId).bind("kind", kind.label()).bind("at", now.toEpochMilli()).execute();
    }

    /** Up to {@code limit} events with a sequence number above {@code seq}, oldest first. */
    public List<Event> eventsAfter(long seq, int limit) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT seq, story_id, kind, at FROM events WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .bind("seq", seq).bind("limit", limit)
                .map((rs, ctx) -> new Event(rs.getLong("seq"), rs.getLong("story_id"), EventKind.of(rs.getString("kind")),
                        Instant.ofEpochMilli(rs.getLong("at"))))
                .list());
    }

    public long lastEventSeq() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM events")
                .mapTo(Long.class).one());
    }

    /**
     * What a reader's live feed says of one event: the event, and the story as it stands now.
     *
     * @param at when the event was written (null where unknown): how long its page took is measured from it
     */
    public record Change(long seq, EventKind kind, long storyId, String status, String section, String slug,
                         String headline, Instant at) {
        public Change(long seq, EventKind kind, long storyId, String status, String section, String slug,
                      String headline) {
            this(seq, kind, storyId, status, section, slug, headline, null);
        }

        public String path() {
            return Story.path(section, slug, storyId);
        }
    }

    /**
     * The newest {@code limit} events with {@code after < seq <= upTo}, oldest first, each with its
     * story: what a reader who reconnects to /events missed.
     */
    public List<Change> changesBetween(long after, long upTo, int limit) {
        List<Change> newestFirst = store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT e.seq, e.kind, e.at, s.id, s.status, s.section, s.slug, s.headline
                          FROM events e JOIN stories s ON s.id = e.story_id
                         WHERE e.seq > :after AND e.seq <= :upTo
                        ORDER BY e.seq DESC LIMIT :limit""")
                .bind("after", after).bind("upTo", upTo).bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getLong("seq"), EventKind.of(rs.getString("kind")), rs.getLong("id"),
                        rs.getString("status"), rs.getString("section"), rs.getString("slug"), rs.getString("headline"),
                        Instant.ofEpochMilli(rs.getLong("at"))))
                .list());
        List<Change> out = new ArrayList<>(newestFirst);
        Collections.reverse(out);
        return out;
    }
}
