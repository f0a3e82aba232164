package org.taar.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private static final String SELECT =
            "SELECT id, source, delivery_id, text, candidates, story_id, status, created_at FROM advisories";

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
     * {@code dismissed}, recording who and when. A dismissal also goes into the audit trail of each
     * story the advisory named, so a story's history says why it stayed up. False when the
     * advisory is not open (unknown, or already decided): a second decision changes nothing.
     */
    public boolean resolve(long id, String status, Long storyId, String decidedBy, Instant at) {
        return store.jdbi().inTransaction(h -> {
            Optional<Advisory> open = open(h, id);
            int changed = h.createUpdate("""
                            UPDATE advisories SET status = :status, story_id = :story, decided_by = :by, decided_at = :at
                            WHERE id = :id AND status IN ('pending', 'ambiguous')""")
                    .bind("id", id).bind("status", status).bind("story", storyId).bind("by", decidedBy)
                    .bind("at", at.toEpochMilli()).execute();
            if (changed != 1 || open.isEmpty()) return false;
            if (status.equals("dismissed")) {
                String why = "advisory " + id + " dismissed: " + shortText(open.get().text());
                for (long candidate : open.get().candidates()) {
                    if (h.createQuery("SELECT COUNT(*) FROM stories WHERE id = :id").bind("id", candidate)
                            .mapTo(Integer.class).one() == 1) {
                        AuditLog.append(h, candidate, "advisory-dismissed", decidedBy, why, at);
                    }
                }
            }
            return true;
        });
    }

    /** An advisory's text as a reason quotes it: the first 300 characters. */
    public static String shortText(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** One advisory still waiting, if it is. */
    public Optional<Advisory> openOne(long id) {
        return store.jdbi().withHandle(h -> open(h, id));
    }

    private static Optional<Advisory> open(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE status IN ('pending', 'ambiguous') AND id = :id")
                .bind("id", id).map((rs, ctx) -> advisory(rs)).findOne();
    }

    /** Advisories still waiting (pending or ambiguous) of one source, or of every source when null, newest first. */
    public List<Advisory> open(String source, int limit) {
        // Two statements rather than ":source IS NULL": PostgreSQL cannot type a null parameter there.
        String where = source == null ? "" : " AND source = :source";
        return store.jdbi().withHandle(h -> h.createQuery(SELECT + " WHERE status IN ('pending', 'ambiguous')"
                        + where + " ORDER BY id DESC LIMIT :limit")
                .bindMap(source == null ? Map.of() : Map.of("source", source))
                .bind("limit", limit)
                .map((rs, ctx) -> advisory(rs))
                .list());
    }

    private static Advisory advisory(ResultSet rs) throws SQLException {
        long delivery = rs.getLong("delivery_id");
        Long deliveryId = rs.wasNull() ? null : delivery;
        long story = rs.getLong("story_id");
        Long storyId = rs.wasNull() ? null : story;
        String c = rs.getString("candidates");
        List<Long> candidates = c.isBlank() ? List.of() : Arrays.stream(c.split(" ")).map(Long::valueOf).toList();
        return new Advisory(rs.getLong("id"), rs.getString("source"), deliveryId, rs.getString("text"),
                candidates, storyId, rs.getString("status"), Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
