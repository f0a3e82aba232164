package org.taar.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.item.NewsItem;
import org.taar.story.OutcomeStatus;

/**
 * The versions most recently received that the routing rules decided (published, updated, held,
 * embargoed; not duplicates, kills or rejections), newest first, for a rule dry run. Read only.
 */
public final class ReceivedItems {
    private static final Logger log = LoggerFactory.getLogger(ReceivedItems.class);

    /**
     * One received version: its story, the item as stored, and the story's section now (after
     * any rule's set_section), for a dry run that cannot run the enrich stage again.
     */
    public record Received(long versionId, long storyId, int version, String source, String uri, String section,
                           OutcomeStatus outcome, String reason, Instant receivedAt, NewsItem item) {}

    private final Store store;

    public ReceivedItems(Store store) {
        this.store = store;
    }

    /** The last {@code limit} decided versions, newest first; a stored item that cannot be read is left out. */
    public List<Received> latest(int limit) {
        if (limit <= 0) return List.of();
        List<Received> out = new ArrayList<>();
        store.jdbi().useHandle(h -> h.createQuery("""
                        SELECT v.id, v.story_id, v.version, v.outcome, v.reason, v.item, v.received_at,
                               s.source, s.uri, s.section
                        FROM versions v JOIN stories s ON s.id = v.story_id
                        WHERE v.outcome IN ('published', 'updated', 'held', 'embargoed')
                        ORDER BY v.id DESC
                        LIMIT :limit""")
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    NewsItem item;
                    try {
                        item = ItemJson.read(rs.getString("item"));
                    } catch (IllegalStateException e) {
                        log.warn("version {} left out of the dry run: {}", rs.getLong("id"), e.getMessage());
                        return null;
                    }
                    return new Received(rs.getLong("id"), rs.getLong("story_id"), rs.getInt("version"),
                            rs.getString("source"), rs.getString("uri"), rs.getString("section"),
                            OutcomeStatus.of(rs.getString("outcome")), rs.getString("reason"),
                            Instant.ofEpochMilli(rs.getLong("received_at")), item);
                })
                .forEach(r -> {
                    if (r != null) out.add(r);
                }));
        return out;
    }
}
