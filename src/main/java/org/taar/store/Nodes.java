package org.taar.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The serving nodes that share this store (migration V19), and the claims that make a CDN purge
 * go out once. A node writes its row every second with how far it has applied the event table; a
 * row not written for {@link #ALIVE} is a node that stopped or died, and no longer counts.
 */
public final class Nodes {
    /** A node whose row is older than this is taken for gone: a purge no longer waits for it. */
    public static final Duration ALIVE = Duration.ofSeconds(5);
    /**
     * A node not seen for this long has stopped for good, as far as work it had taken is concerned:
     * another node takes over the files it had claimed. Much longer than {@link #ALIVE}, so that a
     * node that only lost the store for a moment does not find its work taken from under it.
     */
    public static final Duration GONE = Duration.ofMinutes(1);

    /** One node as its last heartbeat left it. */
    public record Node(String name, Instant startedAt, Instant seenAt, long appliedSeq) {}

    private final Store store;

    public Nodes(Store store) {
        this.store = store;
    }

    /** Says that {@code name} is alive at {@code now} and has applied every event up to {@code appliedSeq}. */
    public void beat(String name, Instant startedAt, long appliedSeq, Instant now) {
        store.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO nodes (name, started_at, seen_at, applied_seq) VALUES (:name, :started, :now, :seq)
                        ON CONFLICT (name) DO UPDATE SET started_at = excluded.started_at, seen_at = excluded.seen_at,
                                                         applied_seq = excluded.applied_seq""")
                .bind("name", name).bind("started", startedAt.toEpochMilli()).bind("now", now.toEpochMilli())
                .bind("seq", appliedSeq).execute());
    }

    /** A node stopping cleanly leaves at once, so that nobody waits for it until its row grows old. */
    public void leave(String name) {
        store.jdbi().useHandle(h -> h.createUpdate("DELETE FROM nodes WHERE name = :name").bind("name", name).execute());
    }

    /** The nodes seen within {@link #ALIVE} of {@code now}, by name. */
    public List<Node> alive(Instant now) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT name, started_at, seen_at, applied_seq FROM nodes WHERE seen_at >= :since ORDER BY name""")
                .bind("since", now.minus(ALIVE).toEpochMilli())
                .map((rs, ctx) -> new Node(rs.getString("name"), Instant.ofEpochMilli(rs.getLong("started_at")),
                        Instant.ofEpochMilli(rs.getLong("seen_at")), rs.getLong("applied_seq")))
                .list());
    }

    /** True when {@code name} left, or was last seen more than {@link #GONE} before {@code now}. */
    public boolean gone(String name, Instant now) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT seen_at FROM nodes WHERE name = :name")
                .bind("name", name).mapTo(Long.class).findOne())
                .map(seen -> seen < now.minus(GONE).toEpochMilli()).orElse(true);
    }

    /**
     * Claims the purge of event {@code seq} for {@code node}; true for exactly one caller however
     * many nodes try, so the CDN hears of each change once.
     */
    public boolean claimPurge(long seq, String node, Instant now) {
        return store.jdbi().withHandle(h -> h.createUpdate(
                        "INSERT INTO purge_claims (seq, node, at) VALUES (:seq, :node, :at) ON CONFLICT (seq) DO NOTHING")
                .bind("seq", seq).bind("node", node).bind("at", now.toEpochMilli()).execute()) == 1;
    }

    /** Forgets claims older than {@code before}: their events are long applied everywhere. */
    public int forgetPurgesBefore(Instant before) {
        return store.jdbi().withHandle(h -> h.createUpdate("DELETE FROM purge_claims WHERE at < :before")
                .bind("before", before.toEpochMilli()).execute());
    }
}
