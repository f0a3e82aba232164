package org.taar.story;

import java.time.Instant;
import java.util.List;
import org.taar.item.NewsItem;

/**
 * A story as the store holds it: the agency's identity (source + uri), its current version
 * and where it stands on the site. The section is fixed when the story is first stored; the slug
 * follows the newest version's headline, and every former address answers 301 (store/StoryHistory).
 *
 * @param publishedAt when it first appeared on the site; null while held or embargoed
 * @param updatedAt when a later version last changed the published story; null before
 */
public record Story(
        long id,
        String source,
        String uri,
        int version,
        Status status,
        String reason,
        String section,
        String slug,
        NewsItem item,
        List<Tag> tags,
        Instant createdAt,
        Instant publishedAt,
        Instant updatedAt,
        Instant embargoUntil) {

    public Story {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public String path() {
        return path(section, slug, id);
    }

    public static String path(String section, String slug, long id) {
        return "/" + section + "/" + slug + "-" + id;
    }

    public String headline() {
        return item.headline();
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }
}
