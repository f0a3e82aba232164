package org.taar.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.taar.text.Digest;

/**
 * Bearer keys for push delivery and for editors' actions (a role per key, migration V6). Only a key's SHA-256 is stored, so a copy of the database does
 * not let anyone push stories.
 */
public final class PushKeys {
    private final Store store;
    private final Clock clock;
    private static final long USE_RECORDED_EVERY_MS = 60_000;
    private final SecureRandom random = new SecureRandom();

    public PushKeys(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Whose a key is: a source's push key, or an editor's key for the desk's actions. */
    public enum Role { PUSH, EDITOR }

    /** A known key: its role, and the source (push) or editor name it belongs to. */
    public record Holder(Role role, String name) {}

    /** Creates a key for the source and returns it; this is the only time the key exists in clear. */
    public String create(String source) {
        return create(source, Role.PUSH);
    }

    /** Creates a key with a role; for an editor, {@code name} is the editor's name. */
    public String create(String name, Role role) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String key = "taar_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        store.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO push_keys (key_hash, source, role, created_at) VALUES (:hash, :source, :role, :at)")
                .bind("hash", hash(key)).bind("source", name).bind("role", role.name().toLowerCase(java.util.Locale.ROOT))
                .bind("at", clock.millis()).execute());
        return key;
    }

    /** The source a push key belongs to, if the key is known; an editor key pushes nothing. */
    public Optional<String> sourceFor(String key) {
        return holder(key).filter(k -> k.role() == Role.PUSH).map(Holder::name);
    }

    /**
     * Who holds a key, if it is known. Asked of the store on every request, so a key revoked on one
     * node is refused by every node at once. Its use is recorded at most once a minute, so that a
     * busy push does not write on every request.
     */
    public Optional<Holder> holder(String key) {
        if (key == null || key.isBlank()) return Optional.empty();
        String hash = hash(key.strip());
        long now = clock.millis();
        return store.jdbi().withHandle(h -> {
            Optional<Known> known = h.createQuery("SELECT source, role, last_used_at FROM push_keys WHERE key_hash = :hash")
                    .bind("hash", hash)
                    .map((rs, ctx) -> new Known(new Holder(Role.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT)),
                            rs.getString("source")), rs.getLong("last_used_at"))) // 0 when never used
                    .findOne();
            if (known.isPresent() && now - known.get().lastUsed() >= USE_RECORDED_EVERY_MS) {
                h.createUpdate("UPDATE push_keys SET last_used_at = :now WHERE key_hash = :hash")
                        .bind("now", now).bind("hash", hash).execute();
            }
            return known.map(Known::holder);
        });
    }

    private record Known(Holder holder, long lastUsed) {}

    /** A key as `taar key list` shows it: never the key, never its hash. */
    public record Listed(long id, String name, Role role, Instant created, Instant lastUsed) {}

    /** Every key, oldest first. */
    public List<Listed> list() {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id, source, role, created_at, last_used_at FROM push_keys ORDER BY created_at, id")
                .map((rs, ctx) -> {
                    long used = rs.getLong("last_used_at");
                    Instant lastUsed = rs.wasNull() ? null : Instant.ofEpochMilli(used);
                    return new Listed(rs.getLong("id"), rs.getString("source"),
                            Role.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT)),
                            Instant.ofEpochMilli(rs.getLong("created_at")), lastUsed);
                })
                .list());
    }

    /** Revokes every key of that name and role; returns how many there were. The row goes, so the key is unknown from now on. */
    public int revoke(String name, Role role) {
        return store.jdbi().withHandle(h -> h.createUpdate("DELETE FROM push_keys WHERE source = :name AND role = :role")
                .bind("name", name).bind("role", role.name().toLowerCase(java.util.Locale.ROOT)).execute());
    }

    /** Revokes the key with the number `taar key list` shows; false when there is none. */
    public boolean revoke(long id) {
        return store.jdbi().withHandle(h -> h.createUpdate("DELETE FROM push_keys WHERE id = :id").bind("id", id).execute()) == 1;
    }

    static String hash(String key) {
        return Digest.sha256Hex(key);
    }
}
