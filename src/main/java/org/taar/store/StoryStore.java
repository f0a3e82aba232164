package org.taar.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.taar.item.NewsItem;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Tag;

/**
 * The SQL for stories, their versions, tags and the event table. Methods that take a Handle
 * run inside the caller's transaction; the others open their own.
 */
public final class StoryStore {
    private static final String COLUMNS = """
            s.id, s.source, s.uri, s.version, s.status, s.reason, s.section, s.slug, s.item,
            s.created_at, s.published_at, s.updated_at, s.embargo_until""";

    private final Store store;

    public StoryStore(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    // ---- identify and decide: inside the pipeline's transaction ----

    public Optional<Story> find(Handle h, String source, String uri) {
        return h.createQuery("SELECT " + COLUMNS + " FROM stories s WHERE s.source = :source AND s.uri = :uri")
                .bind("source", source).bind("uri", uri)
                .map((rs, ctx) -> story(rs, List.of()))
                .findOne();
    }

    public long insert(Handle h, String source, NewsItem item, Status status, String reason, String section,
                       String slug, Instant now, Instant publishedAt, Instant embargoUntil) {
        return h.createUpdate("""
                        INSERT INTO stories (source, uri, version, status, reason, section, slug, headline, urgency,
                                             item, created_at, published_at, embargo_until)
                        VALUES (:source, :uri, :version, :status, :reason, :section, :slug, :headline, :urgency,
                                :item, :now, :published, :embargo)""")
                .bind("source", source).bind("uri", item.uri()).bind("version", item.version())
                .bind("status", status.label()).bind("reason", reason).bind("section", section).bind("slug", slug)
                .bind("headline", item.headline()).bind("urgency", item.urgency()).bind("item", ItemJson.write(item))
                .bind("now", now.toEpochMilli()).bind("published", millis(publishedAt))
                .bind("embargo", millis(embargoUntil))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Applies a newer version; a changed slug is StoryHistory.move's business, in the same transaction. */
    public void update(Handle h, long id, NewsItem item, Status status, String reason, String section,
                       Instant publishedAt, Instant updatedAt, Instant embargoUntil) {
        h.createUpdate("""
                        UPDATE stories SET version = :version, status = :status, reason = :reason, section = :section,
                               headline = :headline, urgency = :urgency, item = :item, published_at = :published,
                               updated_at = :updated, embargo_until = :embargo
                        WHERE id = :id""")
                .bind("id", id).bind("version", item.version()).bind("status", status.label()).bind("reason", reason)
                .bind("section", section).bind("headline", item.headline()).bind("urgency", item.urgency())
                .bind("item", ItemJson.write(item)).bind("published", millis(publishedAt))
                .bind("updated", millis(updatedAt)).bind("embargo", millis(embargoUntil))
                .execute();
    }

    public void kill(Handle h, long id, String reason) {
        h.createUpdate("UPDATE stories SET status = 'killed', reason = :reason WHERE id = :id")
                .bind("id", id).bind("reason", reason).execute();
    }

    /** A story by id, read in the caller's transaction (an editor's action). */
    public Optional<Story> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM stories s WHERE s.id = :id").bind("id", id)
                .map((rs, ctx) -> story(rs, List.of())).findOne();
    }

    /**
     * An editor's release or hold: moves the story to {@code to} only while it is still
     * {@code from}, so a kill arriving meanwhile is never undone; a release keeps the first
     * publication time. False when the story was no longer {@code from}.
     */
    public boolean changeStatus(Handle h, long id, Status from, Status to, String reason, Instant now) {
        return h.createUpdate("""
                        UPDATE stories SET status = :to, reason = :reason,
                               published_at = CASE WHEN :to = 'published' THEN COALESCE(published_at, :now)
                                                   ELSE published_at END
                        WHERE id = :id AND status = :from""")
                .bind("id", id).bind("from", from.label()).bind("to", to.label()).bind("reason", reason)
                .bind("now", now.toEpochMilli()).execute() == 1;
    }

    public void addVersion(Handle h, long storyId, NewsItem item, Long deliveryId, String outcome, String reason,
                           Instant now) {
        h.createUpdate("""
                        INSERT INTO versions (story_id, version, delivery_id, outcome, reason, item, received_at)
                        VALUES (:story, :version, :delivery, :outcome, :reason, :item, :now)""")
                .bind("story", storyId).bind("version", item.version()).bind("delivery", deliveryId)
                .bind("outcome", outcome).bind("reason", reason).bind("item", ItemJson.write(item))
                .bind("now", now.toEpochMilli())
                .execute();
    }

    /**
     * Whether this delivery already brought this version of the story: the same bytes received
     * again (a re-poll, a retried push) are not a new version and leave no second row.
     */
    public boolean versionSeen(Handle h, long storyId, int version, long deliveryId) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM versions
                         WHERE story_id = :story AND version = :version AND delivery_id = :delivery""")
                .bind("story", storyId).bind("version", version).bind("delivery", deliveryId)
                .mapTo(Integer.class).one() > 0;
    }

    /** One received version of a story with the delivery that brought it (delivery fields null for none). */
    public record VersionEntry(int version, String outcome, String reason, Instant receivedAt, NewsItem item,
                               Long deliveryId, String sha256, String channel, String name) {}

    /** Every version of a story as received, oldest first: what explains its published state. */
    public List<VersionEntry> versionHistory(long storyId) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT v.version, v.outcome, v.reason, v.received_at, v.item, v.delivery_id,
                               d.sha256, d.channel, d.name
                          FROM versions v LEFT JOIN deliveries d ON d.id = v.delivery_id
                         WHERE v.story_id = :story ORDER BY v.id""")
                .bind("story", storyId)
                .map((rs, ctx) -> {
                    long delivery = rs.getLong("delivery_id");
                    Long deliveryId = rs.wasNull() ? null : delivery;
                    return new VersionEntry(rs.getInt("version"), rs.getString("outcome"), rs.getString("reason"),
                            instant(rs, "received_at"), ItemJson.read(rs.getString("item")), deliveryId,
                            rs.getString("sha256"), rs.getString("channel"), rs.getString("name"));
                })
                .list());
    }

    public void setTags(Handle h, long storyId, List<Tag> tags) {
        h.createUpdate("DELETE FROM story_tags WHERE story_id = :id").bind("id", storyId).execute();
        int position = 0;
        for (Tag tag : tags) {
            // A slug an editor merged away is an alias: the story gets the canonical tag (TagStore).
            String slug = TagStore.aliasTarget(h, tag.slug()).orElse(tag.slug());
            h.createUpdate("INSERT INTO tags (slug, name) VALUES (:slug, :name) ON CONFLICT (slug) DO NOTHING")
                    .bind("slug", slug).bind("name", tag.name()).execute();
            h.createUpdate("""
                            INSERT INTO story_tags (story_id, tag, position) VALUES (:id, :tag, :pos)
                            ON CONFLICT (story_id, tag) DO NOTHING""")
                    .bind("id", storyId).bind("tag", slug).bind("pos", position++).execute();
        }
    }

    /** One entry of a story's audit trail, oldest first. */
    public record AuditEntry(long storyId, String action, String actor, String reason, Instant at) {}

    /**
     * Records who or what changed a story's public state, in the same transaction as the change.
     *
     * @param actor {@code agency:SOURCE}, {@code rule:NAME} or {@code editor:NAME}
     */
    public void audit(Handle h, long storyId, String action, String actor, String reason, Instant now) {
        h.createUpdate("INSERT INTO audit (story_id, action, actor, reason, at) VALUES (:story, :action, :actor, :reason, :at)")
                .bind("story", storyId).bind("action", action).bind("actor", actor).bind("reason", reason)
                .bind("at", now.toEpochMilli()).execute();
    }

    public List<AuditEntry> auditTrail(long storyId) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT story_id, action, actor, reason, at FROM audit WHERE story_id = :story ORDER BY id")
                .bind("story", storyId)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("story_id"), rs.getString("action"), rs.getString("actor"),
                        rs.getString("reason"), instant(rs, "at")))
                .list());
    }

    public void appendEvent(Handle h, long storyId, String kind, Instant now) {
        h.createUpdate("INSERT INTO events (story_id, kind, at) VALUES (:id, :kind, :at)")
                .bind("id", storyId).bind("kind", kind).bind("at", now.toEpochMilli()).execute();
    }

    // ---- embargoes ----

    public List<Long> embargoesDue(Instant now) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id FROM stories WHERE status = 'embargoed' AND embargo_until <= :now ORDER BY embargo_until")
                .bind("now", now.toEpochMilli()).mapTo(Long.class).list());
    }

    /**
     * Publishes one embargoed story if it is still embargoed; the conditional UPDATE makes the
     * release happen once even when several nodes try at the same moment.
     */
    public boolean releaseEmbargo(long id, Instant now) {
        return store.jdbi().inTransaction(h -> {
            int changed = h.createUpdate("""
                            UPDATE stories SET status = 'published', reason = 'embargo lifted',
                                   published_at = COALESCE(published_at, :now)
                            WHERE id = :id AND status = 'embargoed' AND embargo_until <= :now""")
                    .bind("id", id).bind("now", now.toEpochMilli()).execute();
            if (changed == 1) {
                appendEvent(h, id, "published", now);
                audit(h, id, "published", "rule:embargo", "embargo lifted", now);
            }
            return changed == 1;
        });
    }

    // ---- reading, for pages and the API ----

    public Optional<Story> byId(long id) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM stories s WHERE s.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> story(rs, tagsOf(h, rs.getLong("id"))))
                .findOne());
    }

    public List<Story> latest(int limit, int offset) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM stories s WHERE s.status = 'published'
                        ORDER BY s.published_at DESC, s.id DESC LIMIT :limit OFFSET :offset""")
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> story(rs, List.of())).list());
    }

    public List<Story> inSection(String section, int limit, int offset) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM stories s WHERE s.section = :section AND s.status = 'published'
                        ORDER BY s.published_at DESC, s.id DESC LIMIT :limit OFFSET :offset""")
                .bind("section", section).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> story(rs, List.of())).list());
    }

    public List<Story> withTag(String tag, int limit, int offset) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM stories s JOIN story_tags t ON t.story_id = s.id
                        WHERE t.tag = :tag AND s.status = 'published'
                        ORDER BY s.published_at DESC, s.id DESC LIMIT :limit OFFSET :offset""")
                .bind("tag", tag).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> story(rs, List.of())).list());
    }

    /**
     * The stories API: published stories oldest first by (published_at, id), from {@code since}
     * (inclusive), strictly after the keyset position (afterAt, afterId) when one is given.
     * Plain SQL that SQLite and PostgreSQL read alike; tags come from the item.
     */
    public List<Story> publishedAfter(Instant since, Instant afterAt, long afterId, int limit) {
        String sql = "SELECT " + COLUMNS + """
                 FROM stories s WHERE s.status = 'published' AND s.published_at >= :since
                   AND (s.published_at > :at OR (s.published_at = :at AND s.id > :id))
                ORDER BY s.published_at ASC, s.id ASC LIMIT :limit""";
        return store.jdbi().withHandle(h -> h.createQuery(sql)
                .bind("since", since == null ? Long.MIN_VALUE : since.toEpochMilli())
                .bind("at", afterAt == null ? Long.MIN_VALUE : afterAt.toEpochMilli())
                .bind("id", afterId).bind("limit", limit)
                .map((rs, ctx) -> story(rs, List.of())).list());
    }

    /**
     * Published stories with any of these agency uris, from any source: the candidates for the
     * same story in another language ({@code LanguageEditions}); index {@code stories_by_uri}.
     */
    public List<Story> publishedWithUris(List<String> uris) {
        if (uris.isEmpty()) return List.of();
        // Status is filtered here, not in SQL: with "AND status = 'published'" SQLite's planner
        // prefers the status index and reads every published story (seconds at 100,000).
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM stories s WHERE s.uri IN (<uris>) ORDER BY s.id")
                .bindList("uris", uris)
                .map((rs, ctx) -> story(rs, List.of())).list())
                .stream().filter(Story::isPublished).toList();
    }

    /** What a sitemap needs of a story, read without its item. */
    public record Listed(long id, String section, String slug, String headline, Instant publishedAt,
                         Instant updatedAt) {
        public String path() {
            return Story.path(section, slug, id);
        }
    }

    /**
     * Published stories with {@code from <= published_at < to}, newest first: the news sitemap
     * and the monthly sitemaps.
     */
    public List<Listed> publishedBetween(Instant from, Instant to, int limit) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, section, slug, headline, published_at, updated_at
                          FROM stories WHERE status = 'published' AND published_at >= :from AND published_at < :to
                        ORDER BY published_at DESC, id DESC LIMIT :limit""")
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> new Listed(rs.getLong("id"), rs.getString("section"), rs.getString("slug"),
                        rs.getString("headline"), instant(rs, "published_at"), instant(rs, "updated_at")))
                .list());
    }

    /** When the oldest published story appeared, if any: where the monthly sitemaps begin. */
    public Optional<Instant> firstPublishedAt() {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT MIN(published_at) FROM stories WHERE status = 'published'")
                .map((rs, ctx) -> Optional.ofNullable(instant(rs, 1))).one());
    }

    public int countInSection(String section) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM stories WHERE section = :section AND status = 'published'")
                .bind("section", section).mapTo(Integer.class).one());
    }

    public int countWithTag(String tag) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM stories s JOIN story_tags t ON t.story_id = s.id
                        WHERE t.tag = :tag AND s.status = 'published'""")
                .bind("tag", tag).mapTo(Integer.class).one());
    }

    /** A tag with its own listing: not one merged into another (that slug is an alias). */
    public Optional<Tag> tag(String slug) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT slug, name FROM tags WHERE slug = :slug AND merged_into IS NULL")
                .bind("slug", slug).map((rs, ctx) -> new Tag(rs.getString("slug"), rs.getString("name"))).findOne());
    }

    /**
     * The article's "next story": the published story just before this one in its section, or,
     * for the oldest story of a section, the one just before it on the whole site.
     */
    public Optional<Story> next(Story s) {
        return neighbour(s, "<", "DESC", true).or(() -> neighbour(s, "<", "DESC", false));
    }

    /** The published story just after this one in its section: its "next" link points here. */
    public Optional<Story> newerInSection(Story s) {
        return neighbour(s, ">", "ASC", true);
    }

    /** The oldest published story of a section, whose "next" link leaves the section. */
    public Optional<Story> oldestInSection(String section) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM stories s WHERE s.section = :section AND s.status = 'published'
                        ORDER BY s.published_at ASC, s.id ASC LIMIT 1""")
                .bind("section", section).map((rs, ctx) -> story(rs, List.of())).findOne());
    }

    private Optional<Story> neighbour(Story s, String cmp, String order, boolean sameSection) {
        if (s.publishedAt() == null) return Optional.empty();
        String sql = "SELECT " + COLUMNS + " FROM stories s WHERE s.status = 'published'"
                + (sameSection ? " AND s.section = :section" : "")
                + " AND (s.published_at " + cmp + " :at OR (s.published_at = :at AND s.id " + cmp + " :id))"
                + " ORDER BY s.published_at " + order + ", s.id " + order + " LIMIT 1";
        return store.jdbi().withHandle(h -> {
            var q = h.createQuery(sql).bind("at", s.publishedAt().toEpochMilli()).bind("id", s.id());
            if (sameSection) q.bind("section", s.section());
            return q.map((rs, ctx) -> story(rs, List.of())).findOne();
        });
    }

    /** Ids of every story readers can reach (published) or must be told is gone (killed). */
    public List<Long> visibleOrKilledIds() {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id FROM stories WHERE status IN ('published', 'killed') ORDER BY id")
                .mapTo(Long.class).list());
    }

    /** Ids of the newest published stories, newest first: the articles rendered at start. */
    public List<Long> latestIds(int limit) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id FROM stories WHERE status = 'published'
                        ORDER BY published_at DESC, id DESC LIMIT :limit""")
                .bind("limit", limit).mapTo(Long.class).list());
    }

    /** Where killed stories were: each path answers 410 Gone. */
    public List<Listed> killed() {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, section, slug, headline, published_at, updated_at FROM stories WHERE status = 'killed'""")
                .map((rs, ctx) -> new Listed(rs.getLong("id"), rs.getString("section"), rs.getString("slug"),
                        rs.getString("headline"), instant(rs, "published_at"), instant(rs, "updated_at")))
                .list());
    }

    public List<Event> eventsAfter(long seq, int limit) {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT seq, story_id, kind, at FROM events WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .bind("seq", seq).bind("limit", limit)
                .map((rs, ctx) -> new Event(rs.getLong("seq"), rs.getLong("story_id"), rs.getString("kind"),
                        Instant.ofEpochMilli(rs.getLong("at"))))
                .list());
    }

    /** What a reader's live feed says of one event: the event, and the story as it stands now. */
    public record Change(long seq, String kind, long storyId, String status, String section, String slug,
                         String headline) {
        public String path() {
            return Story.path(section, slug, storyId);
        }
    }

    /**
     * The newest {@code limit} events with {@code after < seq <= upTo}, oldest first, each with its
     * story: what a reader who reconnects to /events missed. Plain SQL for both engines.
     */
    public List<Change> changesBetween(long after, long upTo, int limit) {
        List<Change> newestFirst = store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT e.seq, e.kind, s.id, s.status, s.section, s.slug, s.headline
                          FROM events e JOIN stories s ON s.id = e.story_id
                         WHERE e.seq > :after AND e.seq <= :upTo
                        ORDER BY e.seq DESC LIMIT :limit""")
                .bind("after", after).bind("upTo", upTo).bind("limit", limit)
                .map((rs, ctx) -> new Change(rs.getLong("seq"), rs.getString("kind"), rs.getLong("id"),
                        rs.getString("status"), rs.getString("section"), rs.getString("slug"), rs.getString("headline")))
                .list());
        List<Change> out = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    /**
     * Breaking news: published stories of urgency {@code maxUrgency} or more urgent (IPTC: 1 is
     * the most urgent) that appeared after {@code since}, newest first.
     */
    public List<Story> breaking(int maxUrgency, Instant since, int limit) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM stories s WHERE s.status = 'published' AND s.urgency IS NOT NULL
                          AND s.urgency <= :urgency AND s.published_at > :since
                        ORDER BY s.published_at DESC, s.id DESC LIMIT :limit""")
                .bind("urgency", maxUrgency).bind("since", since.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> story(rs, List.of())).list());
    }

    public long lastEventSeq() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(seq), 0) FROM events")
                .mapTo(Long.class).one());
    }

    private static List<Tag> tagsOf(Handle h, long storyId) {
        return h.createQuery("""
                        SELECT g.slug, g.name FROM story_tags t JOIN tags g ON g.slug = t.tag
                        WHERE t.story_id = :id ORDER BY t.position""")
                .bind("id", storyId)
                .map((rs, ctx) -> new Tag(rs.getString("slug"), rs.getString("name"))).list();
    }

    private static Story story(ResultSet rs, List<Tag> tags) throws SQLException {
        NewsItem item = ItemJson.read(rs.getString("item"));
        return new Story(rs.getLong("id"), rs.getString("source"), rs.getString("uri"), rs.getInt("version"),
                Status.of(rs.getString("status")), rs.getString("reason"), rs.getString("section"),
                rs.getString("slug"), item, tags, instant(rs, "created_at"), instant(rs, "published_at"),
                instant(rs, "updated_at"), instant(rs, "embargo_until"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Long millis(Instant i) {
        return i == null ? null : i.toEpochMilli();
    }
}
