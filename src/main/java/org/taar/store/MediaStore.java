package org.taar.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.taar.item.Media;
import org.taar.story.EventKind;

/**
 * Pictures, video and audio: one row per agency media item (source + uri) whatever story shows it,
 * its renditions, the stories that show it and the lists packages give. A newer version replaces a
 * row (its renditions are made again); the same or an older one changes nothing. Every change
 * readers would see appends {@link EventKind#MEDIA} for the published stories showing it, in the
 * same transaction, as StoryWrites does for stories.
 */
public final class MediaStore {
    public static final String PENDING = "pending";
    public static final String READY = "ready";
    public static final String FAILED = "failed";
    public static final String WITHDRAWN = "withdrawn";
    public static final String UNLICENSED = "unlicensed";
    /** Who the audit trail says noticed a bad picture. */
    public static final String ACTOR = "media:worker";

    static final String COLUMNS = """
            id, source, uri, version, kind, status, caption, credit, alt, href, original_sha256, content_type,
            width, height, warning, attempts, next_try_at, updated_at""";

    private final Store store;

    public MediaStore(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    /** One media row as stored. */
    public record Entry(long id, String source, String uri, int version, Media.Kind kind, String status,
                        String caption, String credit, String alt, String href, String originalSha256,
                        String contentType, Integer width, Integer height, String warning, int attempts,
                        Instant nextTryAt, Instant updatedAt) {}

    /**
     * One version of a media item as an agency sent it, with where its bytes are.
     *
     * @param status pending (bytes to read), unlicensed (never fetched or shown) or failed (nothing to read)
     * @param href the address to fetch it from; null when the bytes came in the delivery
     * @param originalSha256 the archived bytes that came in the delivery; null when they are to be fetched
     * @param warning why it failed, or null
     */
    public record Incoming(String source, String uri, int version, Media.Kind kind, String status, String caption,
                           String credit, String alt, String href, String originalSha256, String warning) {}

    /** One made rendition as stored; its bytes are under DATA/media/ by sha256 (media/MediaFiles). */
    public record StoredRendition(String name, String format, String sha256, String contentType, Integer width,
                                  Integer height, long size) {}

    /** What a registration did: the row's id, and whether it changed. */
    public record Registered(long id, boolean changed) {}

    /** A recent delivery of a source, for pairing a late drop-folder picture with its story file. */
    public record RecentDelivery(long id, String name, Instant receivedAt) {}

    /**
     * Records a version of a media item: a new row, or a replacement of an older version (back to
     * pending; its old renditions stay until the new ones are made). The same or an older version,
     * and anything sent for a withdrawn item, change nothing.
     */
    public Registered register(Handle h, Incoming in, Instant now) {
        int inserted = h.createUpdate("""
                        INSERT INTO media (source, uri, version, kind, status, caption, credit, alt, href,
                                           original_sha256, warning, updated_at)
                        VALUES (:source, :uri, :version, :kind, :status, :caption, :credit, :alt, :href, :sha,
                                :warning, :now)
                        ON CONFLICT (source, uri) DO NOTHING""")
                .bindMethods(in).bind("kind", in.kind().label()).bind("sha", in.originalSha256())
                .bind("now", now.toEpochMilli()).execute();
        if (inserted == 1) return new Registered(id(h, in.source(), in.uri()), true);
        int replaced = h.createUpdate("""
                        UPDATE media SET version = :version, kind = :kind, status = :status, caption = :caption,
                               credit = :credit, alt = :alt, href = :href, original_sha256 = :sha, warning = :warning,
                               attempts = 0, next_try_at = 0, updated_at = :now
                         WHERE source = :source AND uri = :uri AND version < :version AND status <> 'withdrawn'""")
                .bindMethods(in).bind("kind", in.kind().label()).bind("sha", in.originalSha256())
                .bind("now", now.toEpochMilli()).execute();
        return new Registered(id(h, in.source(), in.uri()), replaced == 1);
    }

    /**
     * A media item named only by its uri (a package's itemRef): the row if there is one, else an
     * empty one (version 0, pending, no bytes) that the item sent alone later fills.
     */
    public long reference(Handle h, String source, String uri, Media.Kind kind, String caption, String credit,
                          String alt, Instant now) {
        h.createUpdate("""
                        INSERT INTO media (source, uri, version, kind, status, caption, credit, alt, updated_at)
                        VALUES (:source, :uri, 0, :kind, 'pending', :caption, :credit, :alt, :now)
                        ON CONFLICT (source, uri) DO NOTHING""")
                .bind("source", source).bind("uri", uri).bind("kind", kind.label()).bind("caption", caption)
                .bind("credit", credit).bind("alt", alt).bind("now", now.toEpochMilli()).execute();
        return id(h, source, uri);
    }

    /**
     * The agency withdrew the media item: it leaves every page that shows it, and stays down (a
     * withdrawal for an item never seen keeps a withdrawn row, so a late copy is never shown).
     */
    public Registered withdraw(Handle h, String source, String uri, int version, Media.Kind kind, Instant now) {
        int inserted = h.createUpdate("""
                        INSERT INTO media (source, uri, version, kind, status, updated_at)
                        VALUES (:source, :uri, :version, :kind, 'withdrawn', :now)
                        ON CONFLICT (source, uri) DO NOTHING""")
                .bind("source", source).bind("uri", uri).bind("version", version).bind("kind", kind.label())
                .bind("now", now.toEpochMilli()).execute();
        long id = id(h, source, uri);
        if (inserted == 1) return new Registered(id, true);
        int changed = h.createUpdate("""
                        UPDATE media SET status = 'withdrawn', warning = NULL, next_try_at = 0, updated_at = :now,
                               version = CASE WHEN version < :version THEN :version ELSE version END
                         WHERE id = :id AND status <> 'withdrawn'""")
                .bind("id", id).bind("version", version).bind("now", now.toEpochMilli()).execute();
        if (changed == 1) announce(h, id, now);
        return new Registered(id, changed == 1);
    }

    private static long id(Handle h, String source, String uri) {
        return h.createQuery("SELECT id FROM media WHERE source = :source AND uri = :uri")
                .bind("source", source).bind("uri", uri).mapTo(Long.class).one();
    }

    /**
     * Sets which media a story shows, in order (the first is its lead); false when that is what it
     * showed already. A bad picture newly linked gets its audit entry on the story, so the desk sees
     * why the story went out without it. Readers are told (an event) when the change shows: the
     * story is published and a picture it gains or loses is ready.
     */
    public boolean link(Handle h, long storyId, List<Long> mediaIds, Instant now) {
        List<Long> before = links(h, storyId);
        List<Long> after = List.copyOf(new LinkedHashSet<>(mediaIds));
        if (before.equals(after)) return false;
        h.createUpdate("DELETE FROM story_media WHERE story_id = :story").bind("story", storyId).execute();
        int position = 0;
        for (long id : after) {
            h.createUpdate("INSERT INTO story_media (story_id, media_id, position) VALUES (:story, :media, :pos)")
                    .bind("story", storyId).bind("media", id).bind("pos", position++).execute();
        }
        boolean shows = false;
        LinkedHashSet<Long> touched = new LinkedHashSet<>(before);
        touched.addAll(after);
        for (long id : touched) {
            Entry m = byId(h, id).orElseThrow();
            if (m.status().equals(READY)) shows = true;
            if (m.status().equals(FAILED) && !before.contains(id) && after.contains(id)) {
                AuditLog.append(h, storyId, "media-failed", ACTOR, describe(m) + ": " + m.warning(), now);
            }
        }
        if (shows && published(h, storyId)) EventLog.append(h, storyId, EventKind.MEDIA, now);
        return true;
    }

    /** The media a story shows, in order. */
    public List<Long> links(Handle h, long storyId) {
        return h.createQuery("SELECT media_id FROM story_media WHERE story_id = :story ORDER BY position")
                .bind("story", storyId).mapTo(Long.class).list();
    }

    /**
     * A package's list for its text story: replaced when this package is newer than the one stored;
     * false (nothing changed) for the same or an older package.
     */
    public boolean setPackage(Handle h, String source, String storyUri, int version, List<Long> mediaIds) {
        Optional<Integer> stored = h.createQuery(
                        "SELECT version FROM packages WHERE source = :source AND story_uri = :uri")
                .bind("source", source).bind("uri", storyUri).mapTo(Integer.class).findOne();
        if (stored.isPresent() && stored.get() >= version) return false;
        h.createUpdate("""
                        INSERT INTO packages (source, story_uri, version) VALUES (:source, :uri, :version)
                        ON CONFLICT (source, story_uri) DO UPDATE SET version = excluded.version""")
                .bind("source", source).bind("uri", storyUri).bind("version", version).execute();
        h.createUpdate("DELETE FROM package_media WHERE source = :source AND story_uri = :uri")
                .bind("source", source).bind("uri", storyUri).execute();
        int position = 0;
        for (long id : new LinkedHashSet<>(mediaIds)) {
            h.createUpdate("""
                            INSERT INTO package_media (source, story_uri, version, media_id, position)
                            VALUES (:source, :uri, :version, :media, :pos)""")
                    .bind("source", source).bind("uri", storyUri).bind("version", version).bind("media", id)
                    .bind("pos", position++).execute();
        }
        return true;
    }

    /** The media the source's package gives the story with this uri, in order; empty when none came. */
    public List<Long> packaged(Handle h, String source, String storyUri) {
        return h.createQuery("""
                        SELECT media_id FROM package_media WHERE source = :source AND story_uri = :uri
                        ORDER BY position""")
                .bind("source", source).bind("uri", storyUri).mapTo(Long.class).list();
    }

    /** Whether the source's story with this uri shows media or has a package's list waiting. */
    public boolean anyFor(String source, String storyUri) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM story_media sm JOIN stories s ON s.id = sm.story_id
                                 WHERE s.source = :source AND s.uri = :uri)
                             + (SELECT COUNT(*) FROM package_media WHERE source = :source AND story_uri = :uri)""")
                .bind("source", source).bind("uri", storyUri).mapTo(Long.class).one() > 0);
    }

    private static boolean published(Handle h, long storyId) {
        return h.createQuery("SELECT COUNT(*) FROM stories WHERE id = :id AND status = 'published'")
                .bind("id", storyId).mapTo(Integer.class).one() > 0;
    }

    // Every published story showing the media re-renders; held or killed ones show nothing anyway.
    static void announce(Handle h, long mediaId, Instant now) {
        for (long story : showing(h, mediaId, true)) EventLog.append(h, story, EventKind.MEDIA, now);
    }

    static List<Long> showing(Handle h, long mediaId, boolean publishedOnly) {
        return h.createQuery("""
                        SELECT sm.story_id FROM story_media sm JOIN stories s ON s.id = sm.story_id
                         WHERE sm.media_id = :media""" + (publishedOnly ? " AND s.status = 'published'" : "")
                        + " ORDER BY sm.story_id")
                .bind("media", mediaId).mapTo(Long.class).list();
    }

    /** The stories that show the media, whatever their status. */
    public List<Long> stories(long mediaId) {
        return store.jdbi().withHandle(h -> showing(h, mediaId, false));
    }

    public List<Long> showing(Handle h, long mediaId) {
        return showing(h, mediaId, false);
    }

    static String describe(Entry m) {
        return m.kind().label() + " " + m.uri();
    }

    // ---- reads ----

    public Optional<Entry> find(String source, String uri) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM media WHERE source = :source AND uri = :uri")
                .bind("source", source).bind("uri", uri).map(MediaStore::entry).findOne());
    }

    public Optional<Entry> byId(long id) {
        return store.jdbi().withHandle(h -> byId(h, id));
    }

    public Optional<Entry> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM media WHERE id = :id")
                .bind("id", id).map(MediaStore::entry).findOne();
    }

    /** The media a story shows, in its order, whatever their status (the site shows the ready ones). */
    public List<Entry> ofStory(long storyId) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + prefixed("m") + """
                         FROM story_media sm JOIN media m ON m.id = sm.media_id
                        WHERE sm.story_id = :story ORDER BY sm.position""")
                .bind("story", storyId).map(MediaStore::entry).list());
    }

    public List<StoredRendition> renditions(long mediaId) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT name, format, sha256, content_type, width, height, size FROM media_renditions
                         WHERE media_id = :id ORDER BY name, format""")
                .bind("id", mediaId)
                .map((rs, ctx) -> new StoredRendition(rs.getString("name"), rs.getString("format"),
                        rs.getString("sha256"), rs.getString("content_type"), integer(rs, "width"),
                        integer(rs, "height"), rs.getLong("size")))
                .list());
    }

    /** The source's latest deliveries on a channel, newest first. */
    public List<RecentDelivery> recentDeliveries(Handle h, String source, String channel, int limit) {
        return h.createQuery("""
                        SELECT id, name, received_at FROM deliveries
                         WHERE source = :source AND channel = :channel ORDER BY id DESC LIMIT :limit""")
                .bind("source", source).bind("channel", channel).bind("limit", limit)
                .map((rs, ctx) -> new RecentDelivery(rs.getLong("id"), rs.getString("name"),
                        Instant.ofEpochMilli(rs.getLong("received_at"))))
                .list();
    }

    /** The stories a delivery brought versions of, in the order it brought them. */
    public List<Long> storiesOf(Handle h, long deliveryId) {
        List<Long> ids = h.createQuery("SELECT story_id FROM versions WHERE delivery_id = :d ORDER BY id")
                .bind("d", deliveryId).mapTo(Long.class).list();
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }

    private static String prefixed(String alias) {
        StringBuilder b = new StringBuilder();
        for (String c : COLUMNS.split(",")) {
            if (b.length() > 0) b.append(", ");
            b.append(alias).append('.').append(c.strip());
        }
        return b.toString();
    }

    static Entry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Entry(rs.getLong("id"), rs.getString("source"), rs.getString("uri"), rs.getInt("version"),
                Media.Kind.of(rs.getString("kind")), rs.getString("status"), rs.getString("caption"),
                rs.getString("credit"), rs.getString("alt"), rs.getString("href"), rs.getString("original_sha256"),
                rs.getString("content_type"), integer(rs, "width"), integer(rs, "height"), rs.getString("warning"),
                rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_try_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
