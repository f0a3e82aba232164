package org.taar.store;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.taar.story.EventKind;

/**
 * Tags as editors manage them. Merging A into B moves A's stories to B and keeps A's slug as an
 * alias of B; renaming gives a tag a new name (and, when the slug changes, a new slug) and keeps
 * the old slug as an alias. Aliases always point at a canonical tag, never at another alias.
 * Either appends an "updated" event for every published story whose tag changed, in the same
 * transaction, so their articles are rendered again (and re-indexed) like any other change.
 */
public final class TagStore {
    /** A row of the tags table; mergedInto is the canonical tag's slug for a merged tag, else null. */
    public record TagRow(String slug, String name, String mergedInto) {
        public String canonicalSlug() {
            return mergedInto == null ? slug : mergedInto;
        }
    }

    /** A canonical tag with how many stories carry it, for the desk's list. */
    public record Counted(String slug, String name, long stories) {}

    /** A name the archive uses for a tag, and the canonical tag (slug, name) it stands for. */
    public record Spelling(String alias, String slug, String name) {}

    private final Store store;
    private final Clock clock;

    public TagStore(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Every tag, merged ones too: the tagger learns their names as spellings of the canonical tag. */
    public List<TagRow> all() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT slug, name, merged_into FROM tags ORDER BY slug")
                .map((rs, ctx) -> new TagRow(rs.getString("slug"), rs.getString("name"), rs.getString("merged_into")))
                .list());
    }

    /** Every tag name with its canonical tag, merged names included: what the tagger learns from the archive. */
    public List<Spelling> spellings() {
        return store.jdbi().withHandle(h -> h.createQuery("""
                        SELECT t.name AS alias, COALESCE(c.slug, t.slug) AS slug, COALESCE(c.name, t.name) AS name
                          FROM tags t LEFT JOIN tags c ON c.slug = t.merged_into
                         ORDER BY t.slug""")
                .map((rs, ctx) -> new Spelling(rs.getString("alias"), rs.getString("slug"), rs.getString("name")))
                .list());
    }

    /**
     * Canonical tags whose name or slug contains {@code search} (every tag when null), the most used
     * first, at most {@code limit}.
     */
    public List<Counted> counted(String search, int limit) {
        String where = search == null ? "" : " AND (LOWER(t.name) LIKE :q ESCAPE '!' OR t.slug LIKE :q ESCAPE '!')";
        return store.jdbi().withHandle(h -> {
            var q = h.createQuery("""
                    SELECT t.slug, t.name, (SELECT COUNT(*) FROM story_tags st WHERE st.tag = t.slug) AS stories
                      FROM tags t WHERE t.merged_into IS NULL""" + where + " ORDER BY stories DESC, t.slug LIMIT :limit")
                    .bind("limit", limit);
            if (search != null) {
                String like = search.toLowerCase(java.util.Locale.ROOT).replaceAll("([!%_])", "!$1");
                q.bind("q", "%" + like + "%");
            }
            return q.map((rs, ctx) -> new Counted(rs.getString("slug"), rs.getString("name"), rs.getLong("stories")))
                    .list();
        });
    }

    /** How many canonical tags there are. */
    public long canonicalCount() {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM tags WHERE merged_into IS NULL")
                .mapTo(Long.class).one());
    }

    public Optional<TagRow> find(String slug) {
        return store.jdbi().withHandle(h -> find(h, slug));
    }

    /** The canonical slug an alias slug points to; empty for a slug that is no alias. For a later redirect. */
    public Optional<String> aliasTarget(String slug) {
        return store.jdbi().withHandle(h -> aliasTarget(h, slug));
    }

    /** Stories tagged {@code slug}, in tag order; for tests and the desk. */
    public List<Long> storyIds(String slug) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT story_id FROM story_tags WHERE tag = :tag ORDER BY story_id")
                .bind("tag", slug).mapTo(Long.class).list());
    }

    /**
     * Merges tag {@code from} into {@code into} (or into the tag {@code into} was itself merged
     * into). Stories carrying both keep one link; aliases of {@code from} move along. Returns the
     * canonical slug.
     */
    public String merge(String from, String into) {
        return store.jdbi().inTransaction(h -> merge(h, from, into));
    }

    /**
     * Renames a tag. With the same slug only the name changes; with a new slug (unused so far)
     * a tag is made under it and the old one is merged into it, so the old slug stays an alias.
     */
    public void rename(String slug, String newName, String newSlug) {
        store.jdbi().useTransaction(h -> {
            TagRow row = find(h, slug).orElseThrow(() -> new IllegalArgumentException("no tag " + slug));
            if (row.mergedInto() != null) throw new IllegalArgumentException(slug + " was merged into " + row.mergedInto());
            if (newSlug == null || newSlug.equals(slug)) {
                h.createUpdate("UPDATE tags SET name = :name WHERE slug = :slug").bind("name", newName).bind("slug", slug)
                        .execute();
                announce(h, slug);
                return;
            }
            if (find(h, newSlug).isPresent()) throw new IllegalArgumentException("tag " + newSlug + " exists; merge instead");
            h.createUpdate("INSERT INTO tags (slug, name) VALUES (:slug, :name)").bind("slug", newSlug)
                    .bind("name", newName).execute();
            merge(h, slug, newSlug);
        });
    }

    private String merge(Handle h, String from, String into) {
        TagRow source = find(h, from).orElseThrow(() -> new IllegalArgumentException("no tag " + from));
        TagRow target = find(h, into).orElseThrow(() -> new IllegalArgumentException("no tag " + into));
        String canonical = target.canonicalSlug();
        if (source.mergedInto() != null || canonical.equals(from)) {
            throw new IllegalArgumentException("cannot merge " + from + " into " + into);
        }
        announce(h, from);
        // Stories with both tags keep the canonical link only.
        h.createUpdate("""
                        DELETE FROM story_tags WHERE tag = :from
                           AND story_id IN (SELECT story_id FROM story_tags WHERE tag = :into)""")
                .bind("from", from).bind("into", canonical).execute();
        h.createUpdate("UPDATE story_tags SET tag = :into WHERE tag = :from").bind("from", from)
                .bind("into", canonical).execute();
        h.createUpdate("UPDATE tag_aliases SET tag = :into WHERE tag = :from").bind("from", from)
                .bind("into", canonical).execute();
        h.createUpdate("""
                        INSERT INTO tag_aliases (alias_slug, tag, created_at) VALUES (:from, :into, :now)
                        ON CONFLICT (alias_slug) DO UPDATE SET tag = excluded.tag""")
                .bind("from", from).bind("into", canonical).bind("now", clock.millis()).execute();
        h.createUpdate("UPDATE tags SET merged_into = :into WHERE slug = :from OR merged_into = :from")
                .bind("from", from).bind("into", canonical).execute();
        return canonical;
    }

    /** An "updated" event for each published story tagged {@code slug}: its article shows the tag. */
    private void announce(Handle h, String slug) {
        h.createUpdate("""
                        INSERT INTO events (story_id, kind, at)
                        SELECT s.id, :kind, :at FROM stories s JOIN story_tags t ON t.story_id = s.id
                         WHERE t.tag = :tag AND s.status = 'published' ORDER BY s.id""")
                .bind("kind", EventKind.UPDATED.label()).bind("at", clock.millis()).bind("tag", slug).execute();
    }

    static Optional<String> aliasTarget(Handle h, String slug) {
        return h.createQuery("SELECT tag FROM tag_aliases WHERE alias_slug = :slug").bind("slug", slug)
                .mapTo(String.class).findOne();
    }

    private static Optional<TagRow> find(Handle h, String slug) {
        return h.createQuery("SELECT slug, name, merged_into FROM tags WHERE slug = :slug").bind("slug", slug)
                .map((rs, ctx) -> new TagRow(rs.getString("slug"), rs.getString("name"), rs.getString("merged_into")))
                .findOne();
    }
}
