package org.taar.site;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.store.StoryHistory;
import org.taar.store.StoryReads;
import org.taar.store.TagStore;
import org.taar.story.Status;
import org.taar.story.Story;

/**
 * Answers requests the page cache could not: an article evicted from the bounded tier or never
 * rendered since start, a listing page deeper than the publisher keeps, a monthly sitemap not
 * rendered since start or let go ({@link Feeds#monthOnRequest}), an old tag address.
 * Each is read from the store and rendered once, then kept in the cache like any page.
 */
public final class OnDemand {
    /** An article's address: /{section}/{slug}-{id}; slugs are lowercase ASCII (see Slugger). */
    private static final Pattern ARTICLE = Pattern.compile("/([a-z0-9-]+)/([a-z0-9-]*)-([0-9]{1,18})");
    /** A listing's cache key: /{section}/ or /tag/{slug}/, with ?page=N past the first page. */
    private static final Pattern LISTING = Pattern.compile("(/(?:tag/)?[^/?]+/)(?:\\?page=([0-9]{1,9}))?");

    /** A page to serve, or a permanent redirect to another address. */
    public record Answer(Page page, String location) {
        static Answer of(Page page) {
            return new Answer(page, null);
        }

        static Answer movedTo(String location) {
            return new Answer(null, location);
        }
    }

    private final StoryReads stories;
    private final TagStore tags;
    private final ArticlePages articles;
    private final ListingPages listings;
    private final PageCache cache;
    private final Feeds feeds;

    public OnDemand(StoryReads stories, TagStore tags, ArticlePages articles, ListingPages listings, PageCache cache,
                    Feeds feeds) {
        this.feeds = feeds;
        this.stories = stories;
        this.tags = tags;
        this.articles = articles;
        this.listings = listings;
        this.cache = cache;
    }

    /** The answer for a cache key the cache missed; empty for the 404 page. */
    public Optional<Answer> find(String key) {
        if (key.startsWith("/sitemap-")) {
            Optional<Page> month = feeds.monthOnRequest(key);
            if (month.isPresent()) return Optional.of(Answer.of(month.get()));
        }
        Matcher a = ARTICLE.matcher(key);
        if (a.matches() && !a.group(1).equals("tag")) return article(key, Long.parseLong(a.group(3)));
        Matcher l = LISTING.matcher(key);
        Optional<Answer> listing = l.matches() ? listing(l.group(1), l.group(2) == null ? 1 : Integer.parseInt(l.group(2)))
                : Optional.empty();
        return listing.isPresent() ? listing : formerAddress(key);
    }

    /**
     * An address a story had before it came here: a WordPress permalink that `taar import` kept
     * ("/2019/05/12/slug/", "/slug/"). One indexed read, only for what is no page of this site.
     */
    private Optional<Answer> formerAddress(String key) {
        return StoryHistory.storyAt(stories.store(), key).flatMap(stories::byId)
                .filter(s -> s.isPublished() || s.status() == Status.KILLED)
                .map(s -> Answer.movedTo(s.path()));
    }

    private Optional<Answer> article(String path, long id) {
        String[] movedTo = new String[1];
        // The store is read inside the cache's computation for this path: a publisher's write of
        // the same path waits for it and then replaces it, so an older state read here never
        // outlives a newer one the publisher rendered; a kill is pinned, and pinned pages are
        // read first, so a 410 cannot be hidden by a 200 rendered here from before the kill.
        Optional<Page> page = cache.load(path, k -> {
            Optional<Story> story = stories.byId(id);
            if (story.isEmpty()) return null;
            if (!story.get().path().equals(path)) {
                // Only a story readers may see, or must be told is gone, redirects to where it is now.
                Story s = story.get();
                if (s.isPublished() || s.status() == Status.KILLED) movedTo[0] = s.path();
                return null;
            }
            return articles.page(story.get());
        });
        if (page.isEmpty() && movedTo[0] != null) return Optional.of(Answer.movedTo(movedTo[0]));
        return page.map(Answer::of);
    }

    private Optional<Answer> listing(String path, int page) {
        // "/tag/" alone matches the listing pattern as a section called "tag": there is no such page.
        if (page < 1 || path.equals("/tag/")) return Optional.empty();
        if (path.startsWith("/tag/")) {
            String slug = path.substring("/tag/".length(), path.length() - 1);
            Optional<String> canonical = tags.aliasTarget(slug);
            if (canonical.isPresent() && !canonical.get().equals(slug)) {
                return Optional.of(Answer.movedTo(ListingPages.listingKey("/tag/" + canonical.get() + "/", page)));
            }
        }
        return cache.loadListing(path, page, () -> listings.page(path, page)).map(Answer::of);
    }
}
