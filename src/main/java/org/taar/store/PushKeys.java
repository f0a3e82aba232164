package org.taar.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Bearer keys for push delivery and for editors' actions (a role per key, migration V6). Only a key's SHA-256 is stored, so a copy of the database does
 * not let anyone push stories.
 */
public final class PushKeys {
    private final Store store;
    private final Clock clock;
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

    /** Who holds a key, if it is known. */
    public Optional<Holder> holder(String key) {
        if (key == null || key.isBlank()) return Optional.empty();
        return store.jdbi().withHandle(h -> h.createQuery("SELECT source, role FROM push_keys WHERE key_hash = :hash")
                .bind("hash", hash(key.strip()))
                .map((rs, ctx) -> new Holder(Role.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("source")))
                .findOne());
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
