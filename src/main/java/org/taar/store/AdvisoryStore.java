package org.taar.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The SQL for kill advisories (migration V7) and for the stories an advisory may name. Kept out
 * of the story reads because only the kill stage reads it.
 */
public final class AdvisoryStore {
    /** An advisory as kept: pending (no story yet), ambiguous (several, for an editor) or applied. */
    public record Advisory(long id, String source, Long deliveryId, String text, List<Long> candidates, Long storyId,
                           String status, Instant createdAt) {}

    /** A recent story of one source, with what an advisory may name it by. */
    public record Candidate(long id, String uri, String headline, String slugline) {}

    private final Store store;

    public AdvisoryStore(Store store) {
        this.store = store;
    }

    public long add(Handle h, String source, Long deliveryId, String text, List<Long> candidates, Long storyId,
                    String status, Instant now) {
        return h.createUpdate("""
                        INSERT INTO advisories (source, delivery_id, text, candidates, story_id, status, created_at)
                        VALUES (:source, :delivery, :text, :candidates, :story, :status, :now)""")
                .bind("source", source).bind("delivery", deliveryId).bind("text", text)
                .bind("candidates", candidates.stream().map(String::valueOf).collect(Collectors.joining(" ")))
                .bind("story", storyId).bind("status", status).bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /**
     * Stories of the source first stored since {@code since} and not killed: what an advisory
     * naming a slug or headline can mean. The slug line lives in the item JSON, so it is read there.
     */
    public List<Candidate> recent(Handle h, String source, Instant since) {
        return h.createQuery("""
                        SELECT id, uri, headline, item FROM stories
                        WHERE source = :source AND created_at >= :since AND status <> 'killed'
                        ORDER BY id""")
                .bind("source", source).bind("since", since.toEpochMilli())
                .map((rs, ctx) -> new Candidate(rs.getLong("id"), rs.getString("uri"), rs.getString("headline"),
                        ItemJson.read(rs.getString("item")).slugline()))
                .list();
    }

    /**
     * Closes an open advisory as an editor decided: {@code applied} (with the story it killed) or
     * {@code dismissed}. False when it is not open (unknown, or already decided).
     */
    public boolean resolve(long id, String status, Long storyId) {
        return store.jdbi().withHandle(h -> h.createUpdate("""
                        UPDATE advisories SET status = :status, story_id = :story
                        WHERE id = :id AND status IN ('pending', 'ambiguous')""")
                .bind("id", id).bind("status", status).bind("story", storyId).execute()) == 1;
    }

    /** One advisory still waiting, if it is. */
    public java.util.Optional<Advisory> openOne(long id) {
        return open(null, Integer.MAX_VALUE).stream().filter(a -> a.id() == id).findFirst();
    }

    /** Advisories still waiting (pending or ambiguous) of one source, or of every source when null, newest first. */
    public List<Advisory> open(String source, int limit) {
        // Two statements rather than ":source IS NULL": PostgreSQL cannot type a null parameter there.
        String where = source == null ? "" : " AND source = :source";
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, source, delivery_id, text, candidates, story_id, status, created_at FROM advisories
                        WHERE status IN ('pending', 'ambiguous')""" + where + " ORDER BY id DESC LIMIT :limit")
                .bindMap(source == null ? java.util.Map.of() : java.util.Map.of("source", source))
                .bind("limit", limit)
                .map((rs, ctx) -> {
                    long delivery = rs.getLong("delivery_id");
                    Long deliveryId = rs.wasNull() ? null : delivery;
                    long story = rs.getLong("story_id");
                    Long storyId = rs.wasNull() ? null : story;
                    String c = rs.getString("candidates");
                    List<Long> candidates = c.isBlank() ? List.of()
                            : Arrays.stream(c.split(" ")).map(Long::valueOf).toList();
                    return new Advisory(rs.getLong("id"), rs.getString("source"), deliveryId, rs.getString("text"),
                            candidates, storyId, rs.getString("status"), Instant.ofEpochMilli(rs.getLong("created_at")));
                })
                .list());
    }
}
