package org.taar.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.taar.store.Store;
import org.taar.text.Digest;

/**
 * The verbatim archive: every delivery's bytes, content-addressed by SHA-256 under
 * DATA/archive/, made durable (file and directory fsynced, row committed) before anyone
 * acknowledges the delivery. The same bytes received twice are stored once.
 */
public final class Archive {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final Store store;
    private final Clock clock;

    public Archive(Path dataDir, Store store, Clock clock) {
        this.root = dataDir.resolve("archive");
        this.store = store;
        this.clock = clock;
    }

    public Delivery store(String source, String channel, String name, byte[] content) {
        String sha = sha256(content);
        Path file = pathOf(sha);
        try {
            // Only a regular file of our own counts as stored; anything else at that path (a link
            // someone planted) is replaced by the rename below, which never follows a link.
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) DurableFile.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the archive at " + file, e);
        }
        Instant now = clock.instant();
        // ON CONFLICT makes two simultaneous deliveries of the same bytes agree on one row.
        return store.jdbi().withHandle(h -> {
            int inserted = h.createUpdate("""
                            INSERT INTO deliveries (sha256, source, channel, name, size, received_at)
                            VALUES (:sha, :source, :channel, :name, :size, :at)
                            ON CONFLICT (sha256) DO NOTHING""")
                    .bind("sha", sha).bind("source", source).bind("channel", channel).bind("name", name)
                    .bind("size", (long) content.length).bind("at", now.toEpochMilli())
                    .execute();
            return h.createQuery(
                            "SELECT id, source, channel, name, size, received_at FROM deliveries WHERE sha256 = :sha")
                    .bind("sha", sha)
                    .map((rs, ctx) -> new Delivery(rs.getLong("id"), sha, rs.getString("source"),
                            rs.getString("channel"), rs.getString("name"), rs.getLong("size"),
                            Instant.ofEpochMilli(rs.getLong("received_at")), inserted == 1))
                    .one();
        });
    }

    /** The archived bytes of a delivery, for replay. */
    public byte[] read(String sha256) throws IOException {
        try (InputStream in = Files.newInputStream(pathOf(sha256), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return in.readAllBytes();
        }
    }

    public Path pathOf(String sha256) {
        // A digest from the store or a request must never become "../" in a path.
        if (!SHA256.matcher(sha256).matches()) throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    static String sha256(byte[] content) {
        return Digest.sha256Hex(content);
    }
}
