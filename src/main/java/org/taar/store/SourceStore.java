package org.taar.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The SQL for polled sources and their health. Times are epoch milliseconds as everywhere else.
 * {@code next_poll_at} is also the claim: a node polls a source only after moving it forward
 * with a conditional UPDATE, so several nodes sharing a database never poll it twice.
 * {@code origin} says who owns a row (migration V14): taar.yml ('config'), the desk ('desk'), or
 * nobody any more ('removed': dropped from taar.yml).
 */
public final class SourceStore {
    private static final String COLUMNS = """
            s.name, s.url, s.format, s.interval_ms, s.enabled, s.last_success_at, s.last_error_at, s.last_error,
            s.consecutive_failures, s.etag, s.last_modified, s.next_poll_at, s.origin""";
    // Versions recorded as "duplicate" are a feed repeating what it said before: not new items.
    private static final String ITEMS_24H = """
            (SELECT COUNT(*) FROM versions v JOIN stories t ON t.id = v.story_id
              WHERE t.source = s.name AND v.received_at >= :since AND v.outcome <> 'duplicate') AS items_24h""";

    private final Store store;

    public SourceStore(Store store) {
        this.store = store;
    }

    /**
     * Brings the table in line with the configuration: new sources are due at once, known ones
     * keep their health, schedule and pause (a restart does not reset a backoff or resume a source an
     * admin paused), a changed URL forgets the old validators and polls at once, and sources no
     * longer configured are disabled. Sources added at the desk are left alone.
     */
    public void sync(Collection<Entry> configured) {
        store.jdbi().useTransaction(h -> {
            for (Entry e : configured) {
                h.createUpdate("""
                                INSERT INTO sources (name, url, format, interval_ms, enabled, next_poll_at, origin)
                                VALUES (:name, :url, :format, :interval, 1, 0, 'config')
                                ON CONFLICT (name) DO UPDATE SET
                                    etag = CASE WHEN sources.url = excluded.url THEN sources.etag END,
                                    last_modified = CASE WHEN sources.url = excluded.url THEN sources.last_modified END,
                                    next_poll_at = CASE WHEN sources.url = excluded.url THEN sources.next_poll_at ELSE 0 END,
                                    url = excluded.url, format = excluded.format, interval_ms = excluded.interval_ms,
                                    enabled = CASE WHEN sources.origin = 'removed' THEN 1 ELSE sources.enabled END,
                                    origin = 'config'""")
                        .bind("name", e.name()).bind("url", e.url()).bind("format", e.format())
                        .bind("interval", e.interval().toMillis()).execute();
            }
            var disable = h.createUpdate("UPDATE sources SET enabled = 0, origin = 'removed' WHERE origin = 'config'"
                    + (configured.isEmpty() ? "" : " AND name NOT IN (<names>)"));
            if (!configured.isEmpty()) disable.bindList("names", configured.stream().map(Entry::name).toList());
            disable.execute();
        });
    }

    /** A source added at the desk, due at once; false when a source of that name exists. */
    public boolean addFromDesk(Entry e) {
        return store.jdbi().withHandle(h -> h.createUpdate("""
                        INSERT INTO sources (name, url, format, interval_ms, enabled, next_poll_at, origin)
                        VALUES (:name, :url, :format, :interval, 1, 0, 'desk')
                        ON CONFLICT (name) DO NOTHING""")
                .bind("name", e.name()).bind("url", e.url()).bind("format", e.format())
                .bind("interval", e.interval().toMillis()).execute()) == 1;
    }

    /**
     * Changes a source added at the desk (one from taar.yml is changed there); a new URL forgets the
     * old validators and is polled at once. False when there is no desk source of that name.
     */
    public boolean editFromDesk(Entry e) {
        return store.jdbi().withHandle(h -> h.createUpdate("""
                        UPDATE sources SET
                            etag = CASE WHEN url = :url THEN etag END,
                            last_modified = CASE WHEN url = :url THEN last_modified END,
                            next_poll_at = CASE WHEN url = :url THEN next_poll_at ELSE 0 END,
                            url = :url, format = :format, interval_ms = :interval
                        WHERE name = :name AND origin = 'desk'""")
                .bind("name", e.name()).bind("url", e.url()).bind("format", e.format())
                .bind("interval", e.interval().toMillis()).execute()) == 1;
    }

    /**
     * Pauses ({@code false}) or resumes a configured or desk source; false when there is none (or
     * it was dropped from taar.yml). A pause outlives restarts; a resumed source is due at its time.
     */
    public boolean setEnabled(String name, boolean enabled) {
        return store.jdbi().withHandle(h -> h.createUpdate("""
                        UPDATE sources SET enabled = :enabled WHERE name = :name AND origin IN ('config', 'desk')""")
                .bind("name", name).bind("enabled", enabled ? 1 : 0).execute()) == 1;
    }

    /** The sources added at the desk, paused ones too (the poller asks for due ones by name). */
    public List<Entry> addedAtDesk() {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT name, url, format, interval_ms FROM sources WHERE origin = 'desk' ORDER BY name")
                .map((rs, ctx) -> new Entry(rs.getString("name"), rs.getString("url"), rs.getString("format"),
                        Duration.ofMillis(rs.getLong("interval_ms"))))
                .list());
    }

    /** What the configuration says about a source, without its secrets. */
    public record Entry(String name, String url, String format, Duration interval) {}

    /** Sources among {@code names} that are due at {@code now}, the longest-waiting first. */
    public List<String> due(Instant now, Collection<String> names) {
        if (names.isEmpty()) return List.of();
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT name FROM sources
                        WHERE enabled = 1 AND next_poll_at <= :now AND name IN (<names>)
                        ORDER BY next_poll_at, name""")
                .bind("now", now.toEpochMilli()).bindList("names", List.copyOf(names))
                .mapTo(String.class).list());
    }

    /**
     * Claims a due source for one poll by moving its next poll to {@code leaseUntil}; false when
     * another node (or an earlier tick) got there first. A node that dies mid-poll loses the claim
     * when the lease runs out.
     */
    public boolean claim(String name, Instant now, Instant leaseUntil) {
        return store.jdbi().withHandle(h -> h.createUpdate("""
                        UPDATE sources SET next_poll_at = :lease
                        WHERE name = :name AND enabled = 1 AND next_poll_at <= :now""")
                .bind("name", name).bind("now", now.toEpochMilli()).bind("lease", leaseUntil.toEpochMilli())
                .execute()) == 1;
    }

    /** Gives a claimed source back (shutting down mid-poll): due again at {@code at}. */
    public void release(String name, Instant at) {
        store.jdbi().useHandle(h -> h.createUpdate("UPDATE sources SET next_poll_at = :at WHERE name = :name")
                .bind("name", name).bind("at", at.toEpochMilli()).execute());
    }

    /** A 200 whose body is durably archived: its validators are kept for the next conditional request. */
    public void recordFetched(String name, Instant now, String etag, String lastModified, Instant next) {
        store.jdbi().useHandle(h -> h.createUpdate("""
                        UPDATE sources SET last_success_at = :now, consecutive_failures = 0, etag = :etag,
                               last_modified = :lm, next_poll_at = :next
                        WHERE name = :name""")
                .bind("name", name).bind("now", now.toEpochMilli()).bind("etag", etag).bind("lm", lastModified)
                .bind("next", next.toEpochMilli()).execute());
    }

    /** A 304: nothing new, which is a success. */
    public void recordNotModified(String name, Instant now, Instant next) {
        store.jdbi().useHandle(h -> h.createUpdate("""
                        UPDATE sources SET last_success_at = :now, consecutive_failures = 0, next_poll_at = :next
                        WHERE name = :name""")
                .bind("name", name).bind("now", now.toEpochMilli()).bind("next", next.toEpochMilli()).execute());
    }

    /**
     * A failed poll: counts it and schedules the next one from the new count of consecutive
     * failures (the backoff); returns that count.
     */
    public int recordFailure(String name, Instant now, String error, IntFunction<Instant> nextAfterFailures) {
        return store.jdbi().inTransaction(h -> {
            int failures = h.createQuery("SELECT consecutive_failures FROM sources WHERE name = :name")
                    .bind("name", name).mapTo(Integer.class).findOne().orElse(0) + 1;
            h.createUpdate("""
                            UPDATE sources SET last_error_at = :now, last_error = :error,
                                   consecutive_failures = :failures, next_poll_at = :next
                            WHERE name = :name""")
                    .bind("name", name).bind("now", now.toEpochMilli()).bind("error", error)
                    .bind("failures", failures).bind("next", nextAfterFailures.apply(failures).toEpochMilli())
                    .execute();
            return failures;
        });
    }

    public Optional<SourceHealth> find(String name, Instant now) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", " + ITEMS_24H
                        + " FROM sources s WHERE s.name = :name")
                .bind("name", name).bind("since", now.minus(Duration.ofHours(24)).toEpochMilli())
                .map((rs, ctx) -> health(rs)).findOne());
    }

    /** Every source, by name, with its items of the last 24 hours before {@code now}. */
    /** Every source's name, in order: what a filter offers, without the health figures {@link #list} counts. */
    public List<String> names() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT name FROM sources ORDER BY name")
                .mapTo(String.class).list());
    }

    public List<SourceHealth> list(Instant now) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + ", " + ITEMS_24H
                        + " FROM sources s ORDER BY s.name")
                .bind("since", now.minus(Duration.ofHours(24)).toEpochMilli())
                .map((rs, ctx) -> health(rs)).list());
    }

    private static SourceHealth health(ResultSet rs) throws SQLException {
        return new SourceHealth(rs.getString("name"), rs.getString("url"), rs.getString("format"),
                Duration.ofMillis(rs.getLong("interval_ms")), rs.getInt("enabled") == 1,
                instant(rs, "last_success_at"), instant(rs, "last_error_at"), rs.getString("last_error"),
                rs.getInt("consecutive_failures"), rs.getString("etag"), rs.getString("last_modified"),
                Instant.ofEpochMilli(rs.getLong("next_poll_at")), rs.getLong("items_24h"), rs.getString("origin"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
