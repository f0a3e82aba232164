package org.taar.store;

import static org.taar.store.StoryRows.instant;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The audit trail: who or what changed a story's public state, and why. Entries are written only
 * with the change they explain (StoryWrites, EmbargoQueue), in the same transaction.
 */
public final class AuditLog {
    private final Store store;

    public AuditLog(Store store) {
        this.store = store;
    }

    /**
     * One entry of a story's audit trail.
     *
     * @param actor {@code agency:SOURCE}, {@code rule:NAME} or {@code editor:NAME}
     */
    public record AuditEntry(long storyId, String action, String actor, String reason, Instant at) {}

    static void append(Handle h, long storyId, String action, String actor, String reason, Instant now) {
        h.createUpdate("INSERT INTO audit (story_id, action, actor, reason, at) VALUES (:story, :action, :actor, :reason, :at)")
                .bind("story", storyId).bind("action", action).bind("actor", actor).bind("reason", reason)
                .bind("at", now.toEpochMilli()).execute();
    }

    /** Every entry for a story, oldest first. */
    public List<AuditEntry> auditTrail(long storyId) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT story_id, action, actor, reason, at FROM audit WHERE story_id = :story ORDER BY id")
                .bind("story", storyId)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("story_id"), rs.getString("action"), rs.getString("actor"),
                        rs.getString("reason"), instant(rs, "at")))
                .list());
    }
}
