package org.taar.desk;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.site.Publisher;
import org.taar.store.TagStore;

/**
 * An editor's merge or rename of a tag. The store moves the stories, keeps the old slug as an
 * alias and announces each published story it touched; the publisher is then told of both tags,
 * so the old tag's pages leave the cache (their address answers 301) and the new one's are
 * rendered again. Each method answers null when done or the reason it was refused.
 */
public final class TagEdits {
    private static final Logger log = LoggerFactory.getLogger(TagEdits.class);
    /** A tag's address: what Slugger makes, lowercase ASCII words joined by hyphens. */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    public static final int MAX_NAME = 100;
    public static final int MAX_SLUG = 80;

    private final TagStore tags;
    private final Publisher publisher;
    private final Runnable nudge;

    public TagEdits(TagStore tags, Publisher publisher, Runnable nudge) {
        this.tags = tags;
        this.publisher = publisher;
        this.nudge = nudge;
    }

    /** Merges tag {@code from} into {@code into}: every story of {@code from} gets {@code into}. */
    public String merge(String from, String into, String editor) {
        Optional<TagStore.TagRow> a = canonical(from);
        Optional<TagStore.TagRow> b = canonical(into);
        if (a.isEmpty()) return "no tag " + from;
        if (b.isEmpty()) return "no tag " + into;
        if (from.equals(into)) return "a tag cannot be merged into itself";
        try {
            tags.merge(from, into);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        changed(List.of(from, into));
        log.info("tag {} merged into {} by {}", from, into, editor);
        return null;
    }

    /**
     * Renames a tag; with a new slug, the tag moves there and the old address answers 301.
     * {@code newSlug} null keeps the address.
     */
    public String rename(String slug, String newName, String newSlug, String editor) {
        if (canonical(slug).isEmpty()) return "no tag " + slug;
        String bad = badName(newName);
        if (bad != null) return bad;
        if (newSlug != null && (newSlug.length() > MAX_SLUG || !SLUG.matcher(newSlug).matches())) {
            return "a tag's address is lowercase letters a-z, digits and single hyphens, at most " + MAX_SLUG
                    + " characters";
        }
        try {
            tags.rename(slug, newName.strip(), newSlug);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        changed(newSlug == null ? List.of(slug) : List.of(slug, newSlug));
        log.info("tag {} renamed to {} ({}) by {}", slug, newName.strip(), newSlug == null ? slug : newSlug, editor);
        return null;
    }

    private Optional<TagStore.TagRow> canonical(String slug) {
        if (slug == null || slug.length() > MAX_SLUG) return Optional.empty();
        return tags.find(slug).filter(t -> t.mergedInto() == null);
    }

    private void changed(List<String> slugs) {
        publisher.tagsChanged(slugs);
        nudge.run();
    }

    static String badName(String name) {
        if (name == null || name.isBlank()) return "a tag needs a name";
        if (name.strip().codePointCount(0, name.strip().length()) > MAX_NAME) {
            return "a tag's name may have at most " + MAX_NAME + " characters";
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return "a tag's name is one line of text";
        return null;
    }
}
