package org.taar.store;

import java.util.Optional;

/**
 * Failed sign-ins counted per subject ({@code account:NAME}, {@code address:IP}) in the store,
 * so that a flood spread over several nodes is slowed as one.
 */
public final class LoginFailures {
    private final Store store;

    public LoginFailures(Store store) {
        this.store = store;
    }

    /** How many failures in a row and when the last was. */
    public record Count(int failures, long lastAt) {}

    public Optional<Count> of(String subject) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT failures, last_at FROM login_failures WHERE subject = :s")
                .bind("s", subject).map((rs, ctx) -> new Count(rs.getInt("failures"), rs.getLong("last_at"))).findOne());
    }

    /**
     * One more failure. A count whose last failure is older than {@code forgetBefore} starts again
     * at one, so an old flood does not slow today's typo.
     */
    public void fail(String subject, long now, long forgetBefore) {
        store.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO login_failures (subject, failures, last_at) VALUES (:s, 1, :now)
                        ON CONFLICT (subject) DO UPDATE SET
                            failures = CASE WHEN login_failures.last_at < :forget THEN 1
                                            ELSE login_failures.failures + 1 END,
                            last_at = :now""")
                .bind("s", subject).bind("now", now).bind("forget", forgetBefore).execute());
    }

    /** Forgets failures older than {@code before}; returns how many subjects were forgotten. */
    public int forgetBefore(long before) {
        return store.jdbi().withHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE last_at < :before")
                .bind("before", before).execute());
    }

    public void clear(String subject) {
        store.jdbi().useHandle(h -> h.createUpdate("DELETE FROM login_failures WHERE subject = :s").bind("s", subject).execute());
    }
}
