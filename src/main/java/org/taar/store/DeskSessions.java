package org.taar.store;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Signed-in desk sessions (migration V11), kept in the store so that every node knows them. A
 * session is found by the SHA-256 of its cookie; the desk decides expiry (DeskSessions only stores times).
 */
public final class DeskSessions {
    private final Store store;

    public DeskSessions(Store store) {
        this.store = store;
    }

    /** A live session row with its user. */
    public record Session(String tokenHash, DeskUsers.User user, String csrf, long createdAt, long lastSeenAt) {}

    public void start(String tokenHash, long userId, String csrf, long now) {
        store.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO desk_sessions (token_hash, user_id, csrf, created_at, last_seen_at)
                        VALUES (:hash, :user, :csrf, :now, :now)""")
                .bind("hash", tokenHash).bind("user", userId).bind("csrf", csrf).bind("now", now).execute());
    }

    public Optional<Session> find(String tokenHash) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT s.token_hash, s.csrf, s.created_at, s.last_seen_at, u.*
                        FROM desk_sessions s JOIN desk_users u ON u.id = s.user_id
                        WHERE s.token_hash = :hash""")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Session(rs.getString("token_hash"), DeskUsers.user(rs, ctx), rs.getString("csrf"),
                        rs.getLong("created_at"), rs.getLong("last_seen_at")))
                .findOne());
    }

    /** Marks the session used now, so its idle time starts again. */
    public void touch(String tokenHash, long now) {
        store.jdbi().useHandle(h -> h.createUpdate("UPDATE desk_sessions SET last_seen_at = :now WHERE token_hash = :hash")
                .bind("now", now).bind("hash", tokenHash).execute());
    }

    public void end(String tokenHash) {
        store.jdbi().useHandle(h -> h.createUpdate("DELETE FROM desk_sessions WHERE token_hash = :hash")
                .bind("hash", tokenHash).execute());
    }

    /** Ends sessions idle since {@code idleBefore} or begun before {@code startedBefore}; returns how many. */
    public int endExpired(long idleBefore, long startedBefore) {
        return store.jdbi().withHandle(h -> h.createUpdate(
                        "DELETE FROM desk_sessions WHERE last_seen_at < :idle OR created_at < :started")
                .bind("idle", idleBefore).bind("started", startedBefore).execute());
    }

    static void endAll(Handle h, long userId) {
        h.createUpdate("DELETE FROM desk_sessions WHERE user_id = :user").bind("user", userId).execute();
    }
}
