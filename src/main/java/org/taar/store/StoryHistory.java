package org.taar.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.taar.story.Story;

/**
 * What a story went through beyond its current row (migration V8): the addresses it had before a
 * newer version's headline gave it a new slug, and when the agency last corrected it. An old
 * address answers 301 to the current one (the id in it finds the story, see site/OnDemand); the
 * publisher reads the former paths to drop pages cached under them.
 */
public final class StoryHistory {
    private StoryHistory() {}

    /** Notes, inside the caller's transaction, that the agency corrected the story now. */
    public static void corrected(Handle h, long storyId, Instant now) {
        h.createUpdate("UPDATE stories SET corrected_at = :at WHERE id = :id")
                .bind("at", now.toEpochMilli()).bind("id", storyId).execute();
    }

    /** When the agency last corrected the story, if it ever did: the article's notice shows it. */
    public static Optional<Instant> correctedAt(Store store, long storyId) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT corrected_at FROM stories WHERE id = :id")
                .bind("id", storyId).mapTo(Long.class).list()).stream()
                .filter(java.util.Objects::nonNull).findFirst().map(Instant::ofEpochMilli);
    }

    /**
     * Gives the story a new slug inside the caller's transaction, keeping its current path as a
     * former one. A headline that goes back to an earlier wording takes that address back, so the
     * current path is never also listed as a former one.
     */
    public static void move(Handle h, Story story, String newSlug, Instant now) {
        move(h, story, story.section(), newSlug, now);
    }

    /** As {@link #move(Handle, Story, String, Instant)}, also into another section (an editor's edit). */
    public static void move(Handle h, Story story, String newSection, String newSlug, Instant now) {
        String newPath = Story.path(newSection, newSlug, story.id());
        if (newPath.equals(story.path())) return;
        h.createUpdate("UPDATE stories SET section = :section, slug = :slug WHERE id = :id")
                .bind("section", newSection).bind("slug", newSlug).bind("id", story.id()).execute();
        h.createUpdate("""
                        INSERT INTO story_paths (path, story_id, moved_at) VALUES (:path, :id, :at)
                        ON CONFLICT (path) DO NOTHING""")
                .bind("path", story.path()).bind("id", story.id()).bind("at", now.toEpochMilli()).execute();
        h.createUpdate("DELETE FROM story_paths WHERE path = :path").bind("path", newPath).execute();
    }

    /** The story that once had this exact path (a former slug, an imported site's permalink), if any. */
    public static Optional<Long> storyAt(Store store, String path) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT story_id FROM story_paths WHERE path = :path")
                .bind("path", path).mapTo(Long.class).findOne());
    }

    /** Every former path of the story, oldest move first. */
    public static List<String> former(Handle h, long storyId) {
        return h.createQuery("SELECT path FROM story_paths WHERE story_id = :id ORDER BY moved_at, path")
                .bind("id", storyId).mapTo(String.class).list();
    }

    public static List<String> former(Store store, long storyId) {
        return store.jdbi().withHandle(h -> former(h, storyId));
    }
}
