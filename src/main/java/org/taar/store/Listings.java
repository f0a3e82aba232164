package org.taar.store;

import static org.taar.store.StoryRows.COLUMNS;
import static org.taar.store.StoryRows.instant;
import static org.taar.store.StoryRows.story;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.taar.story.Story;
import org.taar.story.Tag;

/**
 * The lists of stories that pages, feeds, sitemaps and the stories API show: published stories
 * newest first by (published_at, id), by section, tag or time, and the neighbours an article
 * links to. Plain SQL that SQLite and PostgreSQL read alike; stories come without their tags.
 */
public final class Listings {
    private final Store store;

    public Listings(Store store) {
        this.store = store;
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

    /**
     * A page of a tag's stories, newest first: a backward walk of the tag's own index
     * {@code story_tags_latest} (tag, published_at, story_id), however many stories the tag or the
     * site has. {@code CROSS JOIN} keeps SQLite to that order; PostgreSQL plans by its statistics.
     */
    public List<Story> withTag(String tag, int limit, int offset) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM story_tags t CROSS JOIN stories s
                        WHERE t.tag = :tag AND t.published_at IS NOT NULL AND s.id = t.story_id AND s.status = 'published'
                        ORDER BY t.published_at DESC, t.story_id DESC LIMIT :limit OFFSET :offset""")
                .bind("tag", tag).bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> story(rs, List.of())).list());
    }

    /**
     * The stories API: published stories oldest first by (published_at, id), from {@code since}
     * (inclusive), strictly after the keyset position (afterAt, afterId) when one is given.
     * Tags come from the item.
     */
    public List<Story> publishedAfter(Instant since, Instant afterAt, long afterId, int limit) {
        String sql = "SELECT " + COLUMNS + """
                 FROM stories s WHERE s.status = 'published' AND s.published_at >= :since
                   AND s.published_at >= :at AND (s.published_at > :at OR (s.published_at = :at AND s.id > :id))
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
                .map((rs, ctx) -> listed(rs)).list());
    }

    /**
     * Published stories of {@code [from, to)}, oldest first, after the story published at
     * {@code afterAt} with id {@code afterId} (null: from the start): a month's sitemap read a part
     * at a time, so that a month longer than one sitemap file is never held whole.
     */
    public List<Listed> publishedAfter(Instant from, Instant to, Instant afterAt, long afterId, int limit) {
        long at = afterAt == null ? Long.MIN_VALUE : afterAt.toEpochMilli();
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, section, slug, headline, published_at, updated_at
                          FROM stories
                         WHERE status = 'published' AND published_at >= :from AND published_at < :to
                           AND published_at >= :at AND (published_at > :at OR (published_at = :at AND id > :id))
                        ORDER BY published_at, id LIMIT :limit""")
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli()).bind("at", at).bind("id", afterId)
                .bind("limit", limit)
                .map((rs, ctx) -> listed(rs)).list());
    }

    /** How many stories published in {@code [from, to)} stand published: a month's sitemap size (index stories_latest). */
    public int countPublishedBetween(Instant from, Instant to) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM stories
                         WHERE status = 'published' AND published_at >= :from AND published_at < :to""")
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli()).mapTo(Integer.class).one());
    }

    /** When the oldest published story appeared, if any: where the monthly sitemaps begin. */
    public Optional<Instant> firstPublishedAt() {
        return store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT MIN(published_at) FROM stories WHERE status = 'published'")
                .map((rs, ctx) -> Optional.ofNullable(instant(rs, 1))).one());
    }

    public int countInSection(String section) {
        return countInSection(section, Integer.MAX_VALUE);
    }

    /**
     * The section's published stories, counted up to {@code cap}: a listing needs to know how
     * many pages it has up to the one asked for, not the size of a decade's archive, which costs
     * a read of every story in it (a quarter of a million in a large section).
     */
    public int countInSection(String section, int cap) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM (SELECT 1 FROM stories WHERE section = :section AND status = 'published'
                                               LIMIT :cap) c""")
                .bind("section", section).bind("cap", cap).mapTo(Integer.class).one());
    }

    public int countWithTag(String tag) {
        return countWithTag(tag, Integer.MAX_VALUE);
    }

    /** The tag's published stories, counted up to {@code cap} (as {@link #countInSection(String, int)}), through the tag's index. */
    public int countWithTag(String tag, int cap) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM (SELECT 1 FROM story_tags t CROSS JOIN stories s
                                               WHERE t.tag = :tag AND s.id = t.story_id AND s.status = 'published'
                                               LIMIT :cap) c""")
                .bind("tag", tag).bind("cap", cap).mapTo(Integer.class).one());
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
                // The plain bound, implied by the OR below, lets either engine seek its index to it:
                // PostgreSQL takes no range from the OR alone (SQLite's planner already does).
                + " AND s.published_at " + cmp + "= :at"
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
                .map((rs, ctx) -> listed(rs)).list());
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

    private static Listed listed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Listed(rs.getLong("id"), rs.getString("section"), rs.getString("slug"),
                rs.getString("headline"), instant(rs, "published_at"), instant(rs, "updated_at"));
    }
}
