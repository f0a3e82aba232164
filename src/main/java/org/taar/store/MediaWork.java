package org.taar.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.taar.item.Media;

/**
 * The media worker's side of the media table: the pending rows that are due, a claim on one with
 * a lease, and how an attempt ends (ready with its renditions, tried again later, or failed), each
 * writing only while its claim still holds, with the events and audit entries it causes.
 */
public final class MediaWork {
    private final Store store;

    public MediaWork(Store store) {
        this.store = store;
    }

    /** A worker's hold on one pending row, at its version and attempt: only that holder may finish it. */
    public record Claim(long id, int version, int attempt) {}

    /**
     * Pending rows whose time has come and whose bytes are known (an address or an archived
     * original; an empty row waits for the item sent alone), the longest waiting first.
     */
    public List<MediaStore.Entry> due(Instant now, int limit) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + MediaStore.COLUMNS + """
                         FROM media
                        WHERE status = 'pending' AND next_try_at <= :now
                          AND (href IS NOT NULL OR original_sha256 IS NOT NULL)
                        ORDER BY next_try_at, id LIMIT :limit""")
                .bind("now", now.toEpochMilli()).bind("limit", limit).map(MediaStore::entry).list());
    }

    /**
     * Takes a due row until {@code leaseUntil}, counting the attempt; empty when another worker (or
     * node) took it first or it changed since it was read. A worker that dies holding it leaves it
     * to be taken again once the lease runs out: restart-safe, and never two holders at once.
     */
    public Optional<Claim> claim(MediaStore.Entry e, Instant now, Instant leaseUntil) {
        int taken = store.jdbi().withHandle(h -> h.createUpdate("""
                        UPDATE media SET attempts = attempts + 1, next_try_at = :lease
                         WHERE id = :id AND version = :version AND attempts = :attempts AND status = 'pending'
                           AND next_try_at <= :now""")
                .bind("id", e.id()).bind("version", e.version()).bind("attempts", e.attempts())
                .bind("now", now.toEpochMilli()).bind("lease", leaseUntil.toEpochMilli()).execute());
        return taken == 1 ? Optional.of(new Claim(e.id(), e.version(), e.attempts() + 1)) : Optional.empty();
    }

    /**
     * The renditions are made: the row is ready with them (replacing an older version's), and every
     * published story showing it is told, all in one transaction. False when the claim no longer
     * holds (a newer version came, or the lease ran out and another took it): then nothing is written,
     * so a version is never made ready twice.
     */
    public boolean ready(Claim c, Media.Kind kind, String originalSha256, String contentType, Integer width,
                         Integer height, String warning, List<MediaStore.StoredRendition> renditions, Instant now) {
        return store.jdbi().inTransaction(h -> {
            int done = h.createUpdate("""
                            UPDATE media SET status = 'ready', kind = :kind, original_sha256 = :sha,
                                   content_type = :type, width = :width, height = :height, warning = :warning,
                                   next_try_at = 0, updated_at = :now
                             WHERE id = :id AND version = :version AND attempts = :attempt AND status = 'pending'""")
                    .bindMethods(c).bind("kind", kind.label()).bind("sha", originalSha256).bind("type", contentType)
                    .bind("width", width).bind("height", height).bind("warning", warning)
                    .bind("now", now.toEpochMilli()).execute();
            if (done != 1) return false;
            h.createUpdate("DELETE FROM media_renditions WHERE media_id = :id").bind("id", c.id()).execute();
            for (MediaStore.StoredRendition r : renditions) {
                h.createUpdate("""
                                INSERT INTO media_renditions (media_id, name, format, sha256, content_type, width,
                                                              height, size)
                                VALUES (:media, :name, :format, :sha256, :contentType, :width, :height, :size)""")
                        .bindMethods(r).bind("media", c.id()).execute();
            }
            MediaStore.announce(h, c.id(), now);
            return true;
        });
    }

    /** The attempt failed and may be tried again at {@code next}; false when the claim no longer holds. */
    public boolean retry(Claim c, String reason, Instant next, Instant now) {
        return store.jdbi().withHandle(h -> h.createUpdate("""
                        UPDATE media SET next_try_at = :next, warning = :reason, updated_at = :now
                         WHERE id = :id AND version = :version AND attempts = :attempt AND status = 'pending'""")
                .bindMethods(c).bind("next", next.toEpochMilli()).bind("reason", reason)
                .bind("now", now.toEpochMilli()).execute()) == 1;
    }

    /**
     * The media cannot be shown (unreachable after its tries, or refused): failed with its reason,
     * an audit entry on every story that shows it so the desk sees why, and readers told where an
     * older version had been showing. {@code originalSha256} is the archived original, if it was read.
     */
    public boolean failed(Claim c, String reason, String originalSha256, Instant now) {
        return store.jdbi().inTransaction(h -> {
            int done = h.createUpdate("""
                            UPDATE media SET status = 'failed', warning = :reason, next_try_at = 0, updated_at = :now,
                                   original_sha256 = COALESCE(:sha, original_sha256)
                             WHERE id = :id AND version = :version AND attempts = :attempt AND status = 'pending'""")
                    .bindMethods(c).bind("reason", reason).bind("sha", originalSha256)
                    .bind("now", now.toEpochMilli()).execute();
            if (done != 1) return false;
            MediaStore.Entry m = h.createQuery("SELECT " + MediaStore.COLUMNS + " FROM media WHERE id = :id")
                    .bind("id", c.id()).map(MediaStore::entry).one();
            for (long story : MediaStore.showing(h, c.id(), false)) {
                AuditLog.append(h, story, "media-failed", MediaStore.ACTOR, MediaStore.describe(m) + ": " + reason, now);
            }
            boolean wasShown = h.createQuery("SELECT COUNT(*) FROM media_renditions WHERE media_id = :id")
                    .bind("id", c.id()).mapTo(Integer.class).one() > 0;
            if (wasShown) MediaStore.announce(h, c.id(), now);
            return true;
        });
    }
}
