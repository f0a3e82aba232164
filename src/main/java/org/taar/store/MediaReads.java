package org.taar.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.taar.item.Media;

/**
 * What readers are shown of the media tables (V16): a story's ready media with their renditions,
 * the lead pictures of a page of stories in one query, and, for the /media/ route, whether the
 * rendition a digest names may be served, is gone, or was never ours to serve.
 */
public final class MediaReads {
    /** The rendition columns every read selects, aliased so a join can hold them beside others. */
    private static final String RENDITION = """
            r.name AS r_name, r.format AS r_format, r.sha256 AS r_sha, r.content_type AS r_type,
            r.width AS r_width, r.height AS r_height, r.size AS r_size""";
    private static final String MEDIA = "m.id AS m_id, m.kind AS m_kind, m.caption, m.credit, m.alt";

    private final Store store;

    public MediaReads(Store store) {
        this.store = store;
    }

    /**
     * One media item a story shows, with every rendition made of it.
     *
     * @param alt the agency's alternative text; null when it gave none
     */
    public record Shown(long id, Media.Kind kind, String caption, String credit, String alt, List<Served> renditions) {
        public Shown {
            renditions = List.copyOf(renditions);
        }

        /** The rendition of that name and format (w640 and webp), if it was made. */
        public Optional<Served> rendition(String name, String format) {
            for (Served r : renditions) if (r.name().equals(name) && r.format().equals(format)) return Optional.of(r);
            return Optional.empty();
        }
    }

    /** One made rendition as the media_renditions table holds it; its bytes are DATA/media/ by sha256. */
    public record Served(String name, String format, String sha256, String contentType, Integer width, Integer height,
                         long size) {}

    /** What the /media/ route does with a digest. */
    public enum Verdict {
        /** a published story shows it */
        SERVE,
        /** it was shown once: withdrawn, unlicensed, or every story that showed it is killed */
        GONE,
        /** never ours to show: unknown, or only on stories readers cannot see yet (held, embargoed) */
        MISSING
    }

    /**
     * The answer for one digest.
     *
     * @param rendition the rendition with that digest (null when MISSING)
     * @param mediaId the media item it belongs to (0 when MISSING)
     * @param surrogateKeys {@code media-ID} and {@code story-ID} of every story linked to it, so that the
     *     purge of a kill or a withdrawal (by the story's keys) reaches the rendition's answers too
     */
    public record Lookup(Verdict verdict, Served rendition, long mediaId, String surrogateKeys) {
        static final Lookup MISSING = new Lookup(Verdict.MISSING, null, 0, "");
    }

    /** The story's ready media in the story's order (position 0 first), each with its renditions. */
    public List<Shown> shown(long storyId) {
        return store.jdbi().withHandle(h -> group(h.createQuery("SELECT sm.story_id, " + MEDIA + ", " + RENDITION + """
                         FROM story_media sm JOIN media m ON m.id = sm.media_id
                         JOIN media_renditions r ON r.media_id = m.id
                        WHERE sm.story_id = :story AND m.status = 'ready'
                        ORDER BY sm.position, m.id, r.name, r.format""")
                .bind("story", storyId).map((rs, ctx) -> row(rs)).list()).getOrDefault(storyId, List.of()));
    }

    /** Stories per read of lead pictures: SQLite and PostgreSQL both cap the values one statement binds. */
    static final int BATCH = 500;

    /**
     * The lead picture (the first ready picture) of each of these stories that has one, with every
     * rendition, in one query per {@value #BATCH} stories (a listing page is one); stories without
     * one are absent from the map.
     */
    public Map<Long, Shown> leadPictures(Collection<Long> storyIds) {
        return leadPictures(storyIds, List.of());
    }

    /**
     * As {@link #leadPictures(Collection)}, with only the renditions named (all when {@code names} is
     * empty): a sitemap of a month's stories needs one address per picture, not sixteen.
     */
    public Map<Long, Shown> leadPictures(Collection<Long> storyIds, List<String> names) {
        if (storyIds.isEmpty()) return Map.of();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(storyIds));
        Map<Long, Shown> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            String only = names.isEmpty() ? "" : " AND r.name IN (<names>)";
            List<Row> rows = store.jdbi().withHandle(h -> {
                var q = h.createQuery("SELECT sm.story_id, " + MEDIA + ", " + RENDITION + """
                                 FROM story_media sm JOIN media m ON m.id = sm.media_id
                                 JOIN media_renditions r ON r.media_id = m.id
                                WHERE sm.story_id IN (<ids>) AND m.status = 'ready' AND m.kind = 'picture'
                                  AND sm.position = (SELECT MIN(p.position) FROM story_media p
                                                       JOIN media pm ON pm.id = p.media_id
                                                      WHERE p.story_id = sm.story_id AND pm.status = 'ready'
                                                        AND pm.kind = 'picture')""" + only
                        + " ORDER BY sm.story_id, r.name, r.format")
                        .bindList("ids", batch);
                if (!names.isEmpty()) q.bindList("names", names);
                return q.map((rs, ctx) -> row(rs)).list();
            });
            group(rows).forEach((story, media) -> out.put(story, media.get(0)));
        }
        return out;
    }

    /** Another rendition of the same media item: the picture a negotiated URL (/media/{sha}/w640) stands for. */
    public Optional<Served> rendition(long mediaId, String name, String format) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + RENDITION
                        + " FROM media_renditions r WHERE r.media_id = :media AND r.name = :name AND r.format = :format")
                .bind("media", mediaId).bind("name", name).bind("format", format)
                .map((rs, ctx) -> served(rs)).findOne());
    }

    /**
     * Whether the rendition with this digest may be served. The same bytes can belong to more than
     * one media item (an agency sending one picture under two identities); it is served while any
     * of them is on a published story. A rendition row exists only while it is the media item's
     * current one, so a page rendered just before the item's status changed never shows a broken
     * picture: what pages show is decided by {@link #shown} (ready only), what is served by this.
     */
    public Lookup bySha256(String sha256) {
        return store.jdbi().withHandle(h -> {
            record Owner(long mediaId, String status, Served rendition) {}
            List<Owner> owners = h.createQuery("SELECT m.id AS m_id, m.status, " + RENDITION + """
                             FROM media_renditions r JOIN media m ON m.id = r.media_id
                            WHERE r.sha256 = :sha ORDER BY m.id, r.name, r.format""")
                    .bind("sha", sha256)
                    .map((rs, ctx) -> new Owner(rs.getLong("m_id"), rs.getString("status"), served(rs))).list();
            if (owners.isEmpty()) return Lookup.MISSING;
            Set<Long> mediaIds = new LinkedHashSet<>();
            owners.forEach(o -> mediaIds.add(o.mediaId()));
            Map<Long, List<Showing>> showing = showing(h, mediaIds);
            StringBuilder keys = new StringBuilder();
            Set<Long> stories = new LinkedHashSet<>();
            for (long id : mediaIds) {
                keys.append(keys.isEmpty() ? "" : " ").append("media-").append(id);
                showing.getOrDefault(id, List.of()).forEach(s -> stories.add(s.storyId()));
            }
            stories.forEach(id -> keys.append(" story-").append(id));
            Owner gone = null;
            for (Owner o : owners) {
                boolean withdrawn = o.status().equals("withdrawn") || o.status().equals("unlicensed");
                List<Showing> on = showing.getOrDefault(o.mediaId(), List.of());
                if (!withdrawn && on.stream().anyMatch(s -> s.status().equals("published"))) {
                    return new Lookup(Verdict.SERVE, o.rendition(), o.mediaId(), keys.toString());
                }
                if (gone == null && (withdrawn || on.stream().anyMatch(s -> s.status().equals("killed")))) gone = o;
            }
            return gone == null ? Lookup.MISSING : new Lookup(Verdict.GONE, gone.rendition(), gone.mediaId(), keys.toString());
        });
    }

    private record Showing(long storyId, String status) {}

    private static Map<Long, List<Showing>> showing(Handle h, Set<Long> mediaIds) {
        record Link(long mediaId, Showing story) {}
        List<Link> links = h.createQuery("""
                        SELECT sm.media_id, s.id, s.status FROM story_media sm JOIN stories s ON s.id = sm.story_id
                         WHERE sm.media_id IN (<ids>) ORDER BY s.id""")
                .bindList("ids", List.copyOf(mediaIds))
                .map((rs, ctx) -> new Link(rs.getLong("media_id"), new Showing(rs.getLong("id"), rs.getString("status"))))
                .list();
        Map<Long, List<Showing>> out = new LinkedHashMap<>();
        for (Link l : links) out.computeIfAbsent(l.mediaId(), k -> new ArrayList<>()).add(l.story());
        return out;
    }

    /** One row of a media-with-renditions read. */
    private record Row(long storyId, long mediaId, Media.Kind kind, String caption, String credit, String alt,
                       Served rendition) {}

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("story_id"), rs.getLong("m_id"), Media.Kind.of(rs.getString("m_kind")),
                rs.getString("caption"), rs.getString("credit"), rs.getString("alt"), served(rs));
    }

    /** Rows in story, media order into each story's media, each with its renditions. */
    private static Map<Long, List<Shown>> group(List<Row> rows) {
        Map<Long, Map<Long, List<Row>>> byStory = new LinkedHashMap<>();
        for (Row r : rows) {
            byStory.computeIfAbsent(r.storyId(), k -> new LinkedHashMap<>()).computeIfAbsent(r.mediaId(), k -> new ArrayList<>())
                    .add(r);
        }
        Map<Long, List<Shown>> out = new LinkedHashMap<>();
        byStory.forEach((story, media) -> {
            List<Shown> shown = new ArrayList<>();
            media.forEach((id, rs) -> {
                Row first = rs.get(0);
                shown.add(new Shown(id, first.kind(), first.caption(), first.credit(), first.alt(),
                        rs.stream().map(Row::rendition).toList()));
            });
            out.put(story, List.copyOf(shown));
        });
        return out;
    }

    private static Served served(ResultSet rs) throws SQLException {
        return new Served(rs.getString("r_name"), rs.getString("r_format"), rs.getString("r_sha"), rs.getString("r_type"),
                integer(rs, "r_width"), integer(rs, "r_height"), rs.getLong("r_size"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
