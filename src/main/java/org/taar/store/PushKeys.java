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
 * Bearer keys for push delivery. Only a key's SHA-256 is stored, so a copy of the database does
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

    /** Creates a key for the source and returns it; this is the only time the key exists in clear. */
    public String create(String source) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String key = "taar_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        store.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO push_keys (key_hash, source, created_at) VALUES (:hash, :source, :at)")
                .bind("hash", hash(key)).bind("source", source).bind("at", clock.millis()).execute());
        return key;
    }

    /** The source a key belongs to, if the key is known. */
    public Optional<String> sourceFor(String key) {
        if (key == null || key.isBlank()) return Optional.empty();
        return store.jdbi().withHandle(h -> h.createQuery("SELECT source FROM push_keys WHERE key_hash = :hash")
                .bind("hash", hash(key.strip())).mapTo(String.class).findOne());
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
