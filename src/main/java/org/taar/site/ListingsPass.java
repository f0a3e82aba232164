package org.taar.site;

import java.time.Duration;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of the publisher's listings thread: from what changed since the last pass ({@link
 * Dirty}), the home page first, then the feeds and sitemaps, deeper section pages when due, and
 * the first page of every changed section; a changed tag's pages are forgotten, to be rendered on
 * request. When an article is published during a pass (the publisher's count of applied batches
 * moves), the home page is rendered again between its steps, so it never waits for the rest of a
 * pass (up to a second on a 100,000-story site). Called from one thread at a time (the publisher
 * holds its listings lock).
 */
final class ListingsPass {
    private static final Logger log = LoggerFactory.getLogger(ListingsPass.class);
    /** How many listings a routine deep refresh renders in one pass. */
    static final int DEEP_LISTINGS_PER_PASS = 4;
    /**
     * Pages 2 and later of a listing only shift when a new story arrives, so they are refreshed
     * this often; a kill, update or hold refreshes them at once.
     */
    static final Duration DEEP_PAGES_EVERY = Duration.ofSeconds(5);

    private final ListingPages listings;
    private final Feeds feeds;
    private final LongSupplier batchesApplied;
    /** Sections whose first page is fresh but whose deeper pages wait for the next deep refresh. */
    private final Set<String> staleSections = new LinkedHashSet<>();
    private long deepPagesNanos = System.nanoTime();
    /** The count of applied batches the home page last showed. */
    private long homeShows;

    ListingsPass(ListingPages listings, Feeds feeds, LongSupplier batchesApplied) {
        this.listings = listings;
        this.feeds = feeds;
        this.batchesApplied = batchesApplied;
    }

    /** Listings that changed since they were last rendered. */
    static final class Dirty {
        boolean home;
        /** a kill, update or hold: deeper pages must be refreshed now, not at the next deep refresh */
        boolean deep;
        final Set<String> sections = new LinkedHashSet<>();
        final Set<String> tags = new LinkedHashSet<>();
        /** months (in the site's zone) of the changed stories' publication: their sitemaps */
        final Set<YearMonth> months = new LinkedHashSet<>();
        /** articles rendered without their related stories */
        final Set<Long> related = new LinkedHashSet<>();

        void add(Dirty o) {
            home |= o.home;
            deep |= o.deep;
            sections.addAll(o.sections);
            tags.addAll(o.tags);
            months.addAll(o.months);
            related.addAll(o.related);
        }
    }

    /** One pass; with {@code now}, feeds that wait for their turn are rendered as well. */
    void render(Dirty d, boolean now) {
        staleSections.addAll(d.sections);
        // A changed tag's pages are forgotten, not rendered: a request renders them (ListingPages.forgetTag).
        d.tags.forEach(listings::forgetTag);
        long t0 = System.nanoTime();
        if (d.home || listings.breakingExpired()) {
            homeShows = batchesApplied.getAsLong();
            listings.renderHome();
        }
        long t1 = System.nanoTime();
        feeds.refresh(d.home, d.deep, now, d.sections, d.months);
        homeIfNewer();
        long t2 = System.nanoTime();
        if (d.deep) {
            // A kill or update must leave every page now, whatever it costs.
            renderDeep(Integer.MAX_VALUE);
        } else if (System.nanoTime() - deepPagesNanos >= DEEP_PAGES_EVERY.toNanos()) {
            // Spread routine refreshes over passes, so a burst of rendering never starves articles.
            renderDeep(DEEP_LISTINGS_PER_PASS);
        }
        long t3 = System.nanoTime();
        // Whatever changed and was not just rendered in full gets a fresh first page.
        d.sections.stream().filter(staleSections::contains).forEach(s -> {
            listings.renderSection(s, false);
            homeIfNewer();
        });
        if (log.isDebugEnabled() && (d.home || d.deep)) {
            log.debug("listings pass ms home={} feeds={} deep={} first_pages={} sections={} tags={}", ms(t1 - t0),
                    ms(t2 - t1), ms(t3 - t2), ms(System.nanoTime() - t3), d.sections.size(), d.tags.size());
        }
    }

    /** Between the steps of a pass: the home page again when an article was published since it was rendered. */
    private void homeIfNewer() {
        long applied = batchesApplied.getAsLong();
        if (applied == homeShows) return;
        homeShows = applied;
        listings.renderHome();
    }

    private void renderDeep(int limit) {
        int done = 0;
        for (var it = staleSections.iterator(); it.hasNext() && done < limit; done++) {
            listings.renderSection(it.next(), true);
            it.remove();
            homeIfNewer();
        }
        if (staleSections.isEmpty()) deepPagesNanos = System.nanoTime();
    }

    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
