package org.taar.store;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.taar.story.Story;

/**
 * The SQL of duplicate detection (migration V9): fingerprints and LSH band keys of recent
 * original stories, and the links from a duplicate to the story it repeats. Methods that take a
 * Handle run inside the pipeline's transaction.
 */
public final class FingerprintStore {
    private final Store store;

    public FingerprintStore(Store store) {
        this.store = store;
    }

    /** A stored original's fingerprint, as candidates are compared. */
    public record Stored(long storyId, String source, String agency, String contentHash, int shingles,
                         long[] signature) {}

    /** The first story of {@code [since, until]} with this normalized-content hash, if any. */
    public Optional<Stored> byContentHash(Handle h, String contentHash, Instant since, Instant until) {
        return h.createQuery("""
                        SELECT story_id, source, agency, content_hash, shingles, signature FROM story_fingerprints
                        WHERE content_hash = :hash AND at >= :since AND at <= :until ORDER BY story_id LIMIT 1""")
                .bind("hash", contentHash).bind("since", since.toEpochMilli()).bind("until", until.toEpochMilli())
                .map((rs, ctx) -> stored(rs)).findOne();
    }

    /** Stored fingerprints of {@code [since, until]} that share at least one band key: the near-duplicate candidates. */
    public List<Stored> sharingBands(Handle h, long[] bandKeys, Instant since, Instant until) {
        List<Long> keys = Arrays.stream(bandKeys).boxed().toList();
        return h.createQuery("""
                        SELECT f.story_id, f.source, f.agency, f.content_hash, f.shingles, f.signature
                          FROM story_fingerprints f
                         WHERE f.at >= :since AND f.at <= :until
                           AND f.story_id IN (SELECT b.story_id FROM story_bands b WHERE b.band_key IN (<keys>))
                        ORDER BY f.story_id""")
                .bindList("keys", keys).bind("since", since.toEpochMilli()).bind("until", until.toEpochMilli())
                .map((rs, ctx) -> stored(rs)).list();
    }

    public void remember(Handle h, long storyId, String source, String agency, String contentHash, int shingles,
                         long[] signature, long[] bandKeys, Instant now) {
        h.createUpdate("""
                        INSERT INTO story_fingerprints (story_id, source, agency, content_hash, shingles, signature, at)
                        VALUES (:id, :source, :agency, :hash, :shingles, :signature, :at)""")
                .bind("id", storyId).bind("source", source).bind("agency", agency).bind("hash", contentHash)
                .bind("shingles", shingles).bind("signature", bytes(signature)).bind("at", now.toEpochMilli())
                .execute();
        var batch = h.prepareBatch("INSERT INTO story_bands (band_key, story_id) VALUES (:key, :id)");
        for (long key : bandKeys) batch.bind("key", key).bind("id", storyId).add();
        batch.execute();
    }

    /** Forgets fingerprints older than {@code cutoff}, so the tables hold the window and no more. */
    public int forgetBefore(Handle h, Instant cutoff) {
        h.createUpdate("""
                        DELETE FROM story_bands WHERE story_id IN
                            (SELECT story_id FROM story_fingerprints WHERE at < :cutoff)""")
                .bind("cutoff", cutoff.toEpochMilli()).execute();
        return h.createUpdate("DELETE FROM story_fingerprints WHERE at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli()).execute();
    }

    /** Records that {@code storyId} repeats {@code originalId}; {@code kind} is {@code exact} or {@code near}. */
    public void link(Handle h, long storyId, long originalId, double similarity, String kind, Instant now) {
        h.createUpdate("""
                        INSERT INTO story_duplicates (story_id, original_id, similarity, kind, at)
                        VALUES (:id, :original, :similarity, :kind, :at)""")
                .bind("id", storyId).bind("original", originalId).bind("similarity", similarity).bind("kind", kind)
                .bind("at", now.toEpochMilli()).execute();
    }

    /** A duplicate of a story: who sent it and how alike it is. */
    public record Duplicate(long storyId, String source, String agency, double similarity, String kind) {}

    /** The duplicates linked to a story, first received first: its "also reported by". */
    public List<Duplicate> duplicatesOf(long originalId) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT d.story_id, s.source, s.item, d.similarity, d.kind
                          FROM story_duplicates d JOIN stories s ON s.id = d.story_id
                         WHERE d.original_id = :id ORDER BY d.at, d.story_id""")
                .bind("id", originalId)
                .map((rs, ctx) -> new Duplicate(rs.getLong("story_id"), rs.getString("source"),
                        ItemJson.read(rs.getString("item")).agency(), rs.getDouble("similarity"), rs.getString("kind")))
                .list());
    }

    /** The story a duplicate was linked to, if it is one. */
    public Optional<Long> originalOf(long storyId) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT original_id FROM story_duplicates WHERE story_id = :id")
                .bind("id", storyId).mapTo(Long.class).findOne());
    }

    public Optional<String> pathOf(Handle h, long storyId) {
        return h.createQuery("SELECT section, slug FROM stories WHERE id = :id").bind("id", storyId)
                .map((rs, ctx) -> Story.path(rs.getString("section"), rs.getString("slug"), storyId))
                .findOne();
    }

    public int fingerprintCount() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM story_fingerprints")
                .mapTo(Integer.class).one());
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getLong("story_id"), rs.getString("source"), rs.getString("agency"),
                rs.getString("content_hash"), rs.getInt("shingles"), longs(rs.getBytes("signature")));
    }

    static byte[] bytes(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES);
        for (long v : values) b.putLong(v);
        return b.array();
    }

    static long[] longs(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long[] out = new long[bytes.length / Long.BYTES];
        for (int i = 0; i < out.length; i++) out[i] = b.getLong();
        return out;
    }
}
