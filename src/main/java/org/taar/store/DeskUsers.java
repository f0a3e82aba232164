package org.taar.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The desk's users (migration V11): a name, a role, a password hash (never the password), disabled or not. */
public final class DeskUsers {
    private final Store store;
    private final Clock clock;

    public DeskUsers(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** @param role {@code admin}, {@code editor} or {@code viewer} */
    public record User(long id, String name, String role, String passwordHash, boolean disabled, Instant created,
                       Instant changed) {}

    /** Adds a user; false when the name is taken. */
    public boolean add(String name, String role, String passwordHash) {
        long now = clock.millis();
        return store.jdbi().withHandle(h -> {
            if (find(h, name).isPresent()) return false;
            h.createUpdate("""
                            INSERT INTO desk_users (name, role, password_hash, disabled, created_at, changed_at)
                            VALUES (:name, :role, :hash, 0, :now, :now)""")
                    .bind("name", name).bind("role", role).bind("hash", passwordHash).bind("now", now).execute();
            return true;
        });
    }

    public Optional<User> find(String name) {
        return store.jdbi().withHandle(h -> find(h, name));
    }

    public Optional<User> byId(long id) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT * FROM desk_users WHERE id = :id")
                .bind("id", id).map(DeskUsers::user).findOne());
    }

    public List<User> all() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT * FROM desk_users ORDER BY name")
                .map(DeskUsers::user).list());
    }

    /**
     * A new password hash; every session of the user ends, so a password changed after a theft
     * locks the thief out everywhere.
     */
    public boolean setPassword(String name, String passwordHash) {
        return change(name, "UPDATE desk_users SET password_hash = :value, changed_at = :now WHERE name = :name",
                passwordHash);
    }

    public boolean setRole(String name, String role) {
        return change(name, "UPDATE desk_users SET role = :value, changed_at = :now WHERE name = :name", role);
    }

    /** Disables (or enables again) a user; disabling ends the user's sessions at once. */
    public boolean setDisabled(String name, boolean disabled) {
        return change(name, "UPDATE desk_users SET disabled = :value, changed_at = :now WHERE name = :name",
                disabled ? 1 : 0);
    }

    private boolean change(String name, String sql, Object value) {
        return store.jdbi().inTransaction(h -> {
            Optional<User> u = find(h, name);
            if (u.isEmpty()) return false;
            h.createUpdate(sql).bind("value", value).bind("now", clock.millis()).bind("name", name).execute();
            DeskSessions.endAll(h, u.get().id());
            return true;
        });
    }

    private static Optional<User> find(Handle h, String name) {
        return h.createQuery("SELECT * FROM desk_users WHERE name = :name").bind("name", name)
                .map(DeskUsers::user).findOne();
    }

    static User user(java.sql.ResultSet rs, StatementContext ctx) throws java.sql.SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), rs.getString("role"), rs.getString("password_hash"),
                rs.getInt("disabled") != 0, Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("changed_at")));
    }
}
