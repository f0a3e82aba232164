package org.taar.store;

import static org.taar.store.StoryRows.COLUMNS;
import static org.taar.store.StoryRows.instant;
import static org.taar.store.StoryRows.story;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.taar.item.NewsItem;
import org.taar.story.OutcomeStatus;
import org.taar.story.Story;

/**
 * One story at a time: by id for pages and the API, by agency identity for the identify step,
 * and every version it was sent in. Methods that take a Handle read inside the caller's
 * transaction; the others open their own.
 */
public final class StoryReads {
    private final Store store;

    public StoryReads(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    /** A story with its tags, as its article shows it. */
    public Optional<Story> byId(long id) {
        return store.jdbi().withHandle(h -> withTags(h, id));
    }

    /**
     * Stories with their tags, as {@link #byId(long)} reads them, on one handle: the search index
     * reads a batch of changed stories at a time. Ids with no story are left out.
     */
    public Map<Long, Story> byIds(Collection<Long> ids) {
        return store.jdbi().withHandle(h -> {
            Map<Long, Story> found = new LinkedHashMap<>();
            for (long id : ids) withTags(h, id).ifPresent(st -> found.put(id, st));
            return found;
        });
    }

    /** A story by id, read in the caller's transaction (an editor's action); without its tags. */
    public Optional<Story> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM stories s WHERE s.id = :id").bind("id", id)
                .map((rs, ctx) -> story(rs, List.of())).findOne();
    }

    /** A story with its tags, read in the caller's transaction (a desk action compares it with what the editor saw). */
    public Optional<Story> withTags(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM stories s WHERE s.id = :id").bind("id", id)
                .map((rs, ctx) -> story(rs, StoryRows.tagsOf(h, rs.getLong("id")))).findOne();
    }

    /**
     * How many versions and audit entries a story has: both only grow, so together with the
     * story's row they tell whether anything happened to it since a desk page was rendered.
     */
    public record Stamp(int versions, int audits) {}

    public Stamp stamp(Handle h, long storyId) {
        return h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM versions WHERE story_id = :id) AS v,
                               (SELECT COUNT(*) FROM audit WHERE story_id = :id) AS a""")
                .bind("id", storyId).map((rs, ctx) -> new Stamp(rs.getInt("v"), rs.getInt("a"))).one();
    }

    /**
     * Whether the story's copy is an editor's edit: the newest version that changed the copy
     * (anything but a stale version, recorded as a duplicate, or one after a kill) is an edit.
     */
    public boolean showsEdit(Handle h, long storyId) {
        return h.createQuery("""
                        SELECT outcome FROM versions WHERE story_id = :id AND outcome NOT IN ('duplicate', 'killed')
                        ORDER BY id DESC LIMIT 1""")
                .bind("id", storyId).mapTo(String.class).findOne()
                .map(OutcomeStatus.EDITED.label()::equals).orElse(false);
    }

    /** The story this source sent under this agency uri, if any: what an incoming version is measured against. */
    public Optional<Story> find(Handle h, String source, String uri) {
        return h.createQuery("SELECT " + COLUMNS + " FROM stories s WHERE s.source = :source AND s.uri = :uri")
                .bind("source", source).bind("uri", uri)
                .map((rs, ctx) -> story(rs, List.of()))
                .findOne();
    }

    /**
     * Whether this delivery already brought this version of the story: the same bytes received
     * again (a re-poll, a retried push) are not a new version and leave no second row.
     */
    public boolean versionSeen(Handle h, long storyId, int version, long deliveryId) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM versions
                         WHERE story_id = :story AND version = :version AND delivery_id = :delivery""")
                .bind("story", storyId).bind("version", version).bind("delivery", deliveryId)
                .mapTo(Integer.class).one() > 0;
    }

    /** One received version of a story with the delivery that brought it (delivery fields null for none). */
    public record VersionEntry(int version, OutcomeStatus outcome, String reason, Instant receivedAt, NewsItem item,
                               Long deliveryId, String sha256, String channel, String name) {}

    /** Every version of a story as received, oldest first: what explains its published state. */
    public List<VersionEntry> versionHistory(long storyId) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT v.version, v.outcome, v.reason, v.received_at, v.item, v.delivery_id,
                               d.sha256, d.channel, d.name
                          FROM versions v LEFT JOIN deliveries d ON d.id = v.delivery_id
                         WHERE v.story_id = :story ORDER BY v.id""")
                .bind("story", storyId)
                .map((rs, ctx) -> {
                    long delivery = rs.getLong("delivery_id");
                    Long deliveryId = rs.wasNull() ? null : delivery;
                    return new VersionEntry(rs.getInt("version"), OutcomeStatus.of(rs.getString("outcome")),
                            rs.getString("reason"), instant(rs, "received_at"), ItemJson.read(rs.getString("item")),
                            deliveryId, rs.getString("sha256"), rs.getString("channel"), rs.getString("name"));
                })
                .list());
    }
}
