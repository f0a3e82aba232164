package org.taar.store;

import java.time.Instant;
import java.util.List;
import org.taar.story.EventKind;
import org.taar.story.OutcomeStatus;

/** Embargoed stories waiting for their time, and their release: the SQL behind rules/EmbargoClock. */
public final class EmbargoQueue {
    private final Store store;

    public EmbargoQueue(Store store) {
        this.store = store;
    }

    /** Ids of embargoed stories whose time has come, earliest embargo first. */
    public List<Long> embargoesDue(Instant now) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id FROM stories WHERE status = 'embargoed' AND embargo_until <= :now ORDER BY embargo_until")
                .bind("now", now.toEpochMilli()).mapTo(Long.class).list());
    }

    /**
     * Publishes one embargoed story if it is still embargoed; the conditional UPDATE makes the
     * release happen once even when several nodes try at the same moment.
     */
    public boolean releaseEmbargo(long id, Instant now) {
        return store.jdbi().inTransaction(h -> {
            int changed = h.createUpdate("""
                            UPDATE stories SET status = 'published', reason = 'embargo lifted',
                                   published_at = COALESCE(published_at, :now)
                            WHERE id = :id AND status = 'embargoed' AND embargo_until <= :now""")
                    .bind("id", id).bind("now", now.toEpochMilli()).execute();
            if (changed == 1) {
                EventLog.append(h, id, EventKind.PUBLISHED, now);
                AuditLog.append(h, id, OutcomeStatus.PUBLISHED.label(), "rule:embargo", "embargo lifted", now);
            }
            return changed == 1;
        });
    }
}
