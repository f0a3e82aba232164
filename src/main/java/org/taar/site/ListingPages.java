package org.taar.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.taar.config.Config;
import org.taar.store.Listings;
import org.taar.store.MediaReads;
import org.taar.story.Story;
import org.taar.story.Tag;

/**
 * The listing pages: the home page, and each section's and tag's pages (newest first, paged with
 * {@code ?page=N}). The first {@link #LISTING_PAGES} pages of a listing are kept materialized;
 * deeper ones are rendered on request ({@link OnDemand}) by the same routine, {@link #render}.
 */
public final class ListingPages {
    /** Listing pages kept materialized per section and tag. */
    public static final int LISTING_PAGES = 10;
    /** At most this many stories in the home page's breaking block. */
    static final int BREAKING_STORIES = 5;
    /** Stories per section in the home page's blocks. */
    static final int HOME_BLOCK_STORIES = 5;

    private final Listings stories;
    private final MediaReads media;
    private final Renderer renderer;
    private final PageCache cache;
    private final Config.Site site;
    private final Clock clock;
    /** When the oldest story of the home page's breaking block leaves its window; null when the block is empty. */
    private volatile Instant breakingExpiresAt;

    /**
     * One listing: where it lives, what a CDN purges it by, its heading, the section it belongs
     * to ("" for a tag), how many stories it has counted up to a cap (a listing needs to know its
     * pages up to the one it shows, never its whole size: counting a decade's section or tag reads
     * every story in it), and how to fetch a page of them.
     */
    private record Listing(String path, String keys, String heading, String section, IntUnaryOperator countUpTo,
                           IntFunction<List<Story>> fetch) {
        /** Whether page {@code page} has stories (page 1 always exists, empty or not). */
        boolean has(int page, int per) {
            if (page <= 1) return true;
            long before = (page - 1L) * per;
            // A page past any store's size (?page=999999999) is not counted for.
            return before < Integer.MAX_VALUE && countUpTo.applyAsInt((int) before + 1) > before;
        }
    }

    public ListingPages(Listings stories, MediaReads media, Renderer renderer, PageCache cache, Config.Site site,
                        Clock clock) {
        this.stories = stories;
        this.media = media;
        this.renderer = renderer;
        this.cache = cache;
        this.site = site;
        this.clock = clock;
    }

    /** The cache key of page {@code page} of the listing at {@code path}. */
    public static String listingKey(String path, int page) {
        return page <= 1 ? path : path + "?page=" + page;
    }

    /** The home page: the breaking block (urgent stories of the last hours), the latest, each section's newest. */
    void renderHome() {
        Map<Config.Section, List<Story>> blocks = new LinkedHashMap<>();
        for (Config.Section s : site.sections()) blocks.put(s, stories.inSection(s.slug(), HOME_BLOCK_STORIES, 0));
        Duration window = site.breakingWindow();
        List<Story> breaking = stories.breaking(site.breakingUrgency(), clock.instant().minus(window), BREAKING_STORIES);
        List<Story> latest = stories.latest(site.homeStories(), 0);
        // Every picture of the page in one read, not one per card.
        List<Long> ids = new ArrayList<>();
        latest.forEach(s -> ids.add(s.id()));
        blocks.values().forEach(l -> l.forEach(s -> ids.add(s.id())));
        cache.put("/", Page.html(200, renderer.home(latest, breaking, blocks, media.leadPictures(ids)))
                .withSurrogateKeys("home"));
        breakingExpiresAt = breaking.isEmpty() ? null : breaking.get(breaking.size() - 1).publishedAt().plus(window);
    }

    /** Whether a story of the breaking block has left its window, which changes the home page though no event says so. */
    boolean breakingExpired() {
        Instant ends = breakingExpiresAt;
        return ends != null && !clock.instant().isBefore(ends);
    }

    /** A section's first page, or with {@code deep} every page kept. */
    void renderSection(String slug, boolean deep) {
        materialize(section(slug), deep);
    }

    /**
     * Forgets a tag's pages after a change: the next request renders them from the store (through
     * {@link OnDemand}), so a tag page nobody reads costs nothing. Rendering every changed tag's
     * first page was a third of the publisher's work in a burst (five tags a story, most read
     * rarely; bench/RESULTS.md, "burst"). A tag merged into another (or gone) loses its pages the
     * same way, and its address then redirects.
     */
    void forgetTag(String slug) {
        String path = "/tag/" + slug + "/";
        for (int page = 1; page <= LISTING_PAGES; page++) cache.remove(listingKey(path, page));
        cache.dropOnDemandPages(path);
    }

    /**
     * Page {@code page} of the listing at {@code path} ("/sports/" or "/tag/kerala/"), rendered
     * from the store for a request the cache could not answer; null when there is no such listing
     * or page (beyond the last page). Page 1 of an empty listing exists.
     */
    public Page page(String path, int page) {
        Optional<Listing> listing;
        if (path.startsWith("/tag/")) {
            listing = tag(path.substring("/tag/".length(), path.length() - 1));
        } else {
            String slug = path.substring(1, path.length() - 1);
            listing = site.section(slug).isPresent() ? Optional.of(section(slug)) : Optional.empty();
        }
        if (listing.isEmpty() || !listing.get().has(page, site.sectionStories())) return null;
        return render(listing.get(), page);
    }

    private void materialize(Listing l, boolean deep) {
        int per = site.sectionStories();
        int kept = Math.max(1, (l.countUpTo().applyAsInt(LISTING_PAGES * per) + per - 1) / per);
        for (int page = 1; page <= (deep ? kept : 1); page++) cache.put(listingKey(l.path(), page), render(l, page));
        if (deep) {
            // Pages that no longer have stories (after kills) must not linger, nor deeper pages rendered on demand.
            for (int page = kept + 1; page <= LISTING_PAGES; page++) cache.remove(listingKey(l.path(), page));
            cache.dropOnDemandPages(l.path());
        }
    }

    /** The one paging routine: page {@code page} of a listing, linking to the pages either side. */
    private Page render(Listing l, int page) {
        int per = site.sectionStories();
        List<Story> list = l.fetch().apply((page - 1) * per);
        var pictures = media.leadPictures(list.stream().map(Story::id).toList());
        return Page.html(200, renderer.listing(l.path(), l.heading(), l.section(), list, page, l.has(page + 1, per),
                pictures)).withSurrogateKeys(l.keys());
    }

    private Listing section(String slug) {
        int per = site.sectionStories();
        return new Listing("/" + slug + "/", "section-" + slug, renderer.sectionName(slug), slug,
                cap -> stories.countInSection(slug, cap), offset -> stories.inSection(slug, per, offset));
    }

    /**
     * A tag's listing. One capped count first says whether the tag has fewer stories than the
     * materialized pages hold; if so it answers every later count of the tag.
     */
    private Optional<Listing> tag(String slug) {
        int per = site.sectionStories();
        int cap = LISTING_PAGES * per + 1;
        return stories.tag(slug).map((Tag t) -> {
            int known = stories.countWithTag(slug, cap);
            IntUnaryOperator count = c -> c <= cap || known < cap ? Math.min(known, c) : stories.countWithTag(slug, c);
            return new Listing("/tag/" + slug + "/", "tag-" + slug, t.name(), "", count,
                    offset -> stories.withTag(slug, per, offset));
        });
    }
}
