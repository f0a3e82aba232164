package org.taar;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.taar.media.MediaFiles;
import org.taar.store.Store;

/**
 * Media rows, renditions and story links written with SQL, as the media stage writes them (the
 * V16 tables are the contract), with rendition files under DATA/media/: JPEGs made with ImageIO at
 * the sizes the renderer makes. The JDK writes no WebP, so a "WebP" rendition here is a few bytes
 * labelled image/webp: enough for the route and the markup, not for a browser to draw.
 */
public final class MediaFixture {
    /** The widths of every picture (media_renditions.name w320 ...), as the renderer makes them. */
    public static final int[] WIDTHS = {320, 640, 1024, 1600};

    private final Store store;
    private final MediaFiles files;

    public MediaFixture(Store store, Path dataDir) {
        this.store = store;
        this.files = new MediaFiles(dataDir.resolve("media"));
    }

    public MediaFixture(App app) {
        this(app.store, app.config.dataDir());
    }

    /** One made rendition: its name, format and digest. */
    public record Made(String name, String format, String sha256, int width, int height, int size) {}

    /**
     * A ready picture of this shape (width:height), with JPEG renditions at every width, og and the
     * three crops, and WebP at every width when {@code webp}; returns the media id. {@code seed}
     * makes the pixels (and so the digests) differ between pictures.
     */
    public long picture(String uri, int width, int height, String caption, String credit, String alt, boolean webp,
                        int seed) {
        long id = media(uri, "picture", caption, credit, alt, width, height);
        renditions(id, width, height, webp, seed);
        return id;
    }

    /** A picture's renditions, replacing any it had (a re-sent picture's new renditions). */
    public void renditions(long mediaId, int width, int height, boolean webp, int seed) {
        store.jdbi().useHandle(h -> h.createUpdate("DELETE FROM media_renditions WHERE media_id = :id")
                .bind("id", mediaId).execute());
        for (int w : WIDTHS) {
            int ht = Math.round((float) height * w / width);
            rendition(mediaId, "w" + w, "jpeg", "image/jpeg", w, ht, jpeg(w, ht, seed));
            if (webp) rendition(mediaId, "w" + w, "webp", "image/webp", w, ht, fakeWebp(w, seed));
        }
        rendition(mediaId, "og", "jpeg", "image/jpeg", 1200, Math.round(1200f * height / width), jpeg(1200,
                Math.round(1200f * height / width), seed));
        rendition(mediaId, "r16x9", "jpeg", "image/jpeg", 1200, 675, jpeg(1200, 675, seed));
        rendition(mediaId, "r4x3", "jpeg", "image/jpeg", 1200, 900, jpeg(1200, 900, seed));
        rendition(mediaId, "r1x1", "jpeg", "image/jpeg", 1200, 1200, jpeg(1200, 1200, seed));
    }

    /** A ready video with its original (these bytes) and a JPEG poster. */
    public long video(String uri, byte[] original, String caption, String credit) {
        long id = media(uri, "video", caption, credit, null, 640, 360);
        rendition(id, "original", "mp4", "video/mp4", 640, 360, original);
        rendition(id, "poster", "jpeg", "image/jpeg", 640, 360, jpeg(640, 360, uri.hashCode()));
        return id;
    }

    /** A ready audio item with its original. */
    public long audio(String uri, byte[] original, String caption, String credit) {
        long id = media(uri, "audio", caption, credit, null, null, null);
        rendition(id, "original", "mp3", "audio/mpeg", null, null, original);
        return id;
    }

    /** A media row of this kind, status ready. */
    public long media(String uri, String kind, String caption, String credit, String alt, Integer width, Integer height) {
        store.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO media (source, uri, version, kind, status, caption, credit, alt, width, height, updated_at)
                        VALUES ('ians', :uri, 1, :kind, 'ready', :caption, :credit, :alt, :width, :height, :now)""")
                .bind("uri", uri).bind("kind", kind).bind("caption", caption).bind("credit", credit).bind("alt", alt)
                .bind("width", width).bind("height", height).bind("now", Instant.now().toEpochMilli()).execute());
        return store.jdbi().withHandle(h -> h.createQuery("SELECT id FROM media WHERE source = 'ians' AND uri = :uri")
                .bind("uri", uri).mapTo(Long.class).one());
    }

    /** Shows the media on the story at that position (0 is the lead). */
    public void show(long storyId, long mediaId, int position) {
        store.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO story_media (story_id, media_id, position) VALUES (:story, :media, :position)")
                .bind("story", storyId).bind("media", mediaId).bind("position", position).execute());
    }

    /** Sets the media's status (withdrawn, unlicensed, failed, pending, ready). */
    public void status(long mediaId, String status) {
        store.jdbi().useHandle(h -> h.createUpdate("UPDATE media SET status = :status WHERE id = :id")
                .bind("status", status).bind("id", mediaId).execute());
    }

    /** Appends the MEDIA event the media stage appends when a published story's media changed. */
    public void changed(long storyId) {
        store.jdbi().useHandle(h -> h.createUpdate("INSERT INTO events (story_id, kind, at) VALUES (:id, 'media', :at)")
                .bind("id", storyId).bind("at", Instant.now().toEpochMilli()).execute());
    }

    /** Every rendition of the media, by name and format ("w640.webp"). */
    public Map<String, Made> renditionsOf(long mediaId) {
        List<Made> made = store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT name, format, sha256, width, height, size FROM media_renditions WHERE media_id = :id""")
                .bind("id", mediaId)
                .map((rs, ctx) -> new Made(rs.getString("name"), rs.getString("format"), rs.getString("sha256"),
                        rs.getInt("width"), rs.getInt("height"), rs.getInt("size"))).list());
        Map<String, Made> out = new LinkedHashMap<>();
        for (Made m : made) out.put(m.name() + "." + m.format(), m);
        return out;
    }

    private void rendition(long mediaId, String name, String format, String type, Integer width, Integer height,
                           byte[] bytes) {
        String sha = files.put(bytes);
        store.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO media_renditions (media_id, name, format, sha256, content_type, width, height, size)
                        VALUES (:media, :name, :format, :sha, :type, :width, :height, :size)""")
                .bind("media", mediaId).bind("name", name).bind("format", format).bind("sha", sha).bind("type", type)
                .bind("width", width).bind("height", height).bind("size", bytes.length).execute());
    }

    /** A JPEG of that size: a gradient with a band, coloured by {@code seed}, so its bytes are its own. */
    public static byte[] jpeg(int width, int height, int seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Color a = new Color(Color.HSBtoRGB((seed * 0.137f) % 1f, 0.6f, 0.8f));
        Color b = new Color(Color.HSBtoRGB((seed * 0.137f + 0.4f) % 1f, 0.7f, 0.4f));
        g.setPaint(new GradientPaint(0, 0, a, width, height, b));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(width / 10, height / 3, width * 8 / 10, height / 6);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] fakeWebp(int width, int seed) {
        return ("RIFF\0\0\0\0WEBPVP8 fixture " + width + " " + seed).getBytes(StandardCharsets.US_ASCII);
    }

    /** The story id in an article URL (/section/slug-ID). */
    public static long id(String url) {
        return Long.parseLong(url.replaceAll(".*-", ""));
    }

    /** Bytes that stand for a video or audio file: not playable, but of a known length and content. */
    public static byte[] bytes(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) b[i] = (byte) (i * 31 + 7);
        return b;
    }

    /** The paths of a page's media (src, srcset and source addresses), in order, for assertions. */
    public static List<String> mediaPaths(String html) {
        List<String> out = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("/media/[0-9a-f]{64}\\.[a-z0-9]+").matcher(html);
        while (m.find()) out.add(m.group());
        return out;
    }
}
