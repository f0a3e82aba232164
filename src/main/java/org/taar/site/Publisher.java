package org.taar.site;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.store.StoreOutage;
import org.taar.config.Config;
import org.taar.store.Event;
import org.taar.store.EventGaps;
import org.taar.store.StoryHistory;
import org.taar.store.EventLog;
import org.taar.store.Listings;
import org.taar.store.Listings.Listed;
import org.taar.store.StoryReads;
import org.taar.story.EventKind;
import org.taar.story.Story;

/**
 * The publish stage: follows the store's event table and has every page a changed story touches
 * re-rendered into the page cache: its article ({@link ArticlePages}), the home page and its
 * section and tag listings ({@link ListingPages}), the feeds and sitemaps ({@link Feeds}), and
 * later its related stories ({@link RelatedBackfill}). Because it reads the event table rather
 * than being called by the pipeline, a server also picks up what a `taar ingest` beside it, or
 * another node, stored.
 *
 * <p>Articles, listings and related stories are rendered on three threads, so that under a
 * burst an article never waits behind the listings of the stories before it, nor a listing behind
 * the related stories (a more-like-this search per article: 0.5-0.7 s of a 1.2 s pass at 100,000
 * stories). A new article wakes the listings at once when idle; after a pass that rendered news
 * the next waits twice as long as that pass took, at most {@link #LISTINGS_EVERY}, so a burst is
 * coalesced into few passes, and without news the listings look that often for what is due.
 */
public final class Publisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    /** How often to look for events written by other processes when nobody nudges. */
    static final Duration POLL = Duration.ofMillis(200);
    /** A hole in the event sequence older than this is a rolled-back insert, not a slow commit. */
    static final Duration GAP_PATIENCE = Duration.ofSeconds(2);
    /** After a pass that rendered news the next waits this long at most; without news the listings look this often. */
    static final Duration LISTINGS_EVERY = Duration.ofMillis(250);
    /** The related thread's longest rest after a long pass. */
    static final Duration RELATED_REST_MAX = Duration.ofSeconds(10);
    /** See {@link ListingsPass#DEEP_PAGES_EVERY}. */
    static final Duration DEEP_PAGES_EVERY = ListingsPass.DEEP_PAGES_EVERY;

    private final StoryReads stories;
    private final Listings lists;
    private final EventLog events;
    private final Renderer renderer;
    private final PageCache cache;
    private final ArticlePages articles;
    private final ListingPages listings;
    private final Feeds feeds;
    private final RelatedBackfill backfill;
    private final Config.Site site;
    private final Semaphore wake = new Semaphore(0);
    private final Semaphore listingsWake = new Semaphore(0);
    private final Semaphore relatedWake = new Semaphore(0);
    /** Articles published without their related stories, for the related thread. */
    private final Set<Long> relatedDue = new LinkedHashSet<>();
    /** Batches of articles applied so far: a listings pass shows the home page again when this moves. */
    private final AtomicLong batchesApplied = new AtomicLong();
    private final ListingsPass pass;
    private final Object listingsLock = new Object();
    private final Object dirtyLock = new Object();
    private final EventGaps gaps;
    private volatile long lastSeq;
    private ListingsPass.Dirty dirty = new ListingsPass.Dirty();
    private volatile boolean running;
    private Thread articleThread;
    private Thread listingThread;
    private Thread relatedThread;
    private volatile Listener listener = changes -> {};

    /**
     * Told of each batch of events once its articles are in the page cache, in event order, on
     * the publisher's thread (so it must hand slow work off). The live events feed listens here.
     */
    public interface Listener {
        void applied(List<EventLog.Change> changes);
    }

    public Publisher(StoryReads stories, Listings lists, EventLog events, Renderer renderer, PageCache cache, ArticlePages articles, ListingPages listings,
                     Feeds feeds, RelatedBackfill backfill, Config.Site site, Clock clock) {
        this.stories = stories;
        this.lists = lists;
        this.events = events;
        this.renderer = renderer;
        this.cache = cache;
        this.articles = articles;
        this.listings = listings;
        this.feeds = feeds;
        this.backfill = backfill;
        this.site = site;
        this.gaps = new EventGaps(clock, GAP_PATIENCE);
        this.pass = new ListingsPass(listings, feeds, batchesApplied::get);
        articles.relatedLater(backfill::soon);
        cache.put(Stylesheet.PATH, Stylesheet.page());
    }

    /** Where article pages get their related stories from (none unless set). */
    public void related(Related related) {
        articles.related(related);
    }

    /** Who is told of applied events (nobody unless set). */
    public void listener(Listener listener) {
        this.listener = listener;
    }

    /** Renders the site from the store, the newest articles and every monthly sitemap included; for commands and tests. */
    public void rebuildAll() {
        rebuildAll(true);
    }

    /**
     * Renders the site from the store; called once at start, before the port opens. Every kill's
     * 410 is pinned. With {@code eager} the newest {@code site.eager_articles} articles and every
     * monthly sitemap are rendered now (older articles render on their first request); without,
     * the related thread renders those articles, with their related stories, a few at a time once
     * the port is open, and each month renders on its first request (so does an article asked for
     * before its turn): a large site opens its port in seconds.
     */
    public void rebuildAll(boolean eager) {
        articles.exclusively(() -> {
            synchronized (listingsLock) {
                long seq = events.lastEventSeq();
                long started = System.nanoTime();
                List<Long> newest = lists.latestIds(site.eagerArticles());
                // Without related stories (a more-like-this query each, the slow part): the backfill adds them.
                if (eager) for (long id : newest) stories.byId(id).ifPresent(st -> articles.render(st, List.of()));
                synchronized (backfill) {
                    backfill.later(newest);
                }
                List<Listed> killed = lists.killed();
                for (Listed k : killed) articles.pinGone(k.id(), k.path());
                long articlesMs = (System.nanoTime() - started) / 1_000_000;
                listings.renderHome();
                for (Config.Section s : site.sections()) listings.renderSection(s.slug(), true);
                long listingsMs = (System.nanoTime() - started) / 1_000_000 - articlesMs;
                feeds.renderAll(eager);
                cache.put("/favicon.svg", Page.resource("image/svg+xml", "/site/favicon.svg"));
                cache.put("/404", Page.html(404, renderer.message(renderer.labels().notFoundTitle(),
                        renderer.labels().notFoundText())));
                lastSeq = seq;
                log.info("pages materialized count={} pinned={} events_up_to={} newest_articles={} ({}) killed={} ms: "
                                + "articles={} listings={} feeds_and_sitemaps={}", cache.size(), cache.pinnedSize(), seq,
                        newest.size(), eager ? "rendered" : "after start", killed.size(), articlesMs, listingsMs,
                        (System.nanoTime() - started) / 1_000_000 - articlesMs - listingsMs);
                return null;
            }
        });
    }

    public void start() {
        running = true;
        articleThread = daemon("publisher-articles", () -> {
            wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
            wake.drainPermits();
            applyArticles();
        });
        listingThread = daemon("publisher-listings", () -> {
            listingsWake.tryAcquire(LISTINGS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            listingsWake.drainPermits();
            long started = System.nanoTime();
            // After news, rest twice as long as the pass took (at most LISTINGS_EVERY): the listings
            // take at most a third of a core through a burst, and a story after a short pass waits little.
            if (renderListings(false)) {
                Thread.sleep(Math.min(LISTINGS_EVERY.toMillis(), 2 * (System.nanoTime() - started) / 1_000_000));
            }
        });
        relatedThread = daemon("publisher-related", () -> {
            // Fresh articles wake it; the backlog from start drains a few articles every LISTINGS_EVERY.
            relatedWake.tryAcquire(LISTINGS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
            relatedWake.drainPermits();
            long started = System.nanoTime();
            renderRelated();
            // A more-like-this search per article is publishing's costliest step: after a long pass (a
            // burst) it rests twice as long as it worked, so that intake, articles and listings go first.
            long worked = (System.nanoTime() - started) / 1_000_000;
            if (worked > LISTINGS_EVERY.toMillis()) Thread.sleep(Math.min(RELATED_REST_MAX.toMillis(), 2 * worked));
        });
    }

    private interface Step {
        void run() throws InterruptedException;
    }

    private Thread daemon(String name, Step step) {
        StoreOutage outage = new StoreOutage(log, name);
        Thread t = new Thread(() -> {
            while (running) {
                try {
                    step.run();
                    outage.worked();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // A bad story or a database hiccup must not stop publishing for every later story.
                    outage.failed(e);
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Tells the publisher that this process just wrote events, so it need not wait for its poll. */
    public void nudge() {
        wake.release();
    }

    public long lastSeq() {
        return lastSeq;
    }

    /**
     * Applies every event written since the last call, articles, listings and then related
     * stories, in the caller's thread; tests and commands use it where the server's threads are
     * not running.
     */
    public int catchUp() {
        int applied = 0;
        int n;
        while ((n = applyArticles()) > 0) applied += n;
        renderListings(true);
        renderRelated();
        return applied;
    }

    /** Renders the articles of the next batch of events; returns how many events it applied. */
    int applyArticles() {
        return articles.exclusively(() -> {
            List<Event> events = this.events.eventsAfter(lastSeq, 500);
            if (events.isEmpty()) return 0;
            int usable = gaps.usable(lastSeq, events);
            if (usable == 0) return 0;
            List<Event> batch = events.subList(0, usable);
            Set<Long> ids = new LinkedHashSet<>();
            batch.forEach(e -> ids.add(e.storyId()));
            ListingsPass.Dirty d = new ListingsPass.Dirty();
            Map<Long, Story> current = new HashMap<>();
            // Articles go out at once without related stories; the backfill adds them moments later.
            Consumer<Story> article = st -> {
                articles.render(st, List.of());
                if (st.isPublished()) d.related.add(st.id());
            };
            for (long id : ids) {
                Optional<Story> story = stories.byId(id);
                if (story.isEmpty()) continue;
                Story s = story.get();
                current.put(id, s);
                // A new headline moved the story: the page cached at an old address must go, so that
                // the address answers 301 to the new one (site/OnDemand) instead of the old page.
                for (String old : StoryHistory.former(stories.store(), id)) {
                    if (old.equals(s.path())) continue;
                    cache.remove(old);
                    // An editor moved it to another section: the listing it left must drop its card.
                    int end = old.indexOf('/', 1);
                    if (end > 1 && !old.substring(1, end).equals(s.section())) d.sections.add(old.substring(1, end));
                }
                article.accept(s);
                // The story published just after this one links to it as "next"; keep that link true.
                lists.newerInSection(s).flatMap(n -> stories.byId(n.id())).ifPresent(article);
                // Its editions in other languages link to it with hreflang (both ways); a kill drops the link.
                for (Story e : articles.editions(s)) stories.byId(e.id()).ifPresent(article);
                d.sections.add(s.section());
                if (s.publishedAt() != null) d.months.add(feeds.month(s.publishedAt()));
                s.tags().forEach(t -> d.tags.add(t.slug()));
            }
            // A brand-new story is the newest, so no "next" link can point at it; anything else
            // (update, kill, hold) may change where the oldest story of a section links to.
            // "reported" (a duplicate linked to the story) and "media" (its pictures) change only its
            // article and its cards on the listings' first pages.
            d.deep = batch.stream().anyMatch(e -> e.kind() != EventKind.PUBLISHED && e.kind() != EventKind.REPORTED
                    && e.kind() != EventKind.MEDIA);
            if (d.deep) {
                for (Config.Section section : site.sections()) {
                    lists.oldestInSection(section.slug()).flatMap(o -> stories.byId(o.id())).ifPresent(article);
                }
            }
            d.home = true;
            // Only the small dirty lock: waiting for a listing render here would stall articles.
            synchronized (dirtyLock) {
                dirty.add(d);
            }
            batchesApplied.incrementAndGet();
            listingsWake.release();
            lastSeq = batch.get(batch.size() - 1).seq();
            tell(batch, current);
            return batch.size();
        });
    }

    /** Tells the listener of the batch, each event with its story as it now stands (and as it was just rendered). */
    private void tell(List<Event> batch, Map<Long, Story> current) {
        List<EventLog.Change> changes = new ArrayList<>(batch.size());
        for (Event e : batch) {
            Story s = current.get(e.storyId());
            if (s != null) {
                changes.add(new EventLog.Change(e.seq(), e.kind(), s.id(), s.status().label(), s.section(), s.slug(),
                        s.headline(), e.at()));
            }
        }
        try {
            listener.applied(changes);
        } catch (RuntimeException ex) {
            // The live feed failing must never stop publishing.
            log.warn("publish listener failed: {}", ex.toString());
        }
    }

    /**
     * Renders the listings, feeds and sitemaps that changed since the last call (a {@link
     * ListingsPass}), and hands the articles just published to the related thread. True when
     * events had changed something. With {@code now}, feeds waiting for their turn come too.
     */
    boolean renderListings(boolean now) {
        synchronized (listingsLock) {
            ListingsPass.Dirty d;
            synchronized (dirtyLock) {
                d = dirty;
                dirty = new ListingsPass.Dirty();
            }
            pass.render(d, now);
            // Related stories on their own thread: readers see the listings first.
            if (!d.related.isEmpty()) {
                synchronized (relatedDue) {
                    relatedDue.addAll(d.related);
                }
                relatedWake.release();
            }
            return d.home || d.deep;
        }
    }

    /** Adds related stories to the articles published since the last call, and a few from start. */
    void renderRelated() {
        synchronized (backfill) {
            Set<Long> fresh;
            synchronized (relatedDue) {
                fresh = new LinkedHashSet<>(relatedDue);
                relatedDue.clear();
            }
            long t0 = System.nanoTime();
            backfill.pass(fresh);
            if (log.isDebugEnabled() && !fresh.isEmpty()) {
                log.debug("related pass ms={} fresh={} backlog_left={}", ListingsPass.ms(System.nanoTime() - t0), fresh.size(),
                        backfill.waiting());
            }
        }
    }

    /**
     * Tags an editor merged or renamed: their old listings are dropped with the next listings
     * pass, so their addresses answer with a redirect to the tag they went into.
     */
    public void tagsChanged(Collection<String> slugs) {
        synchronized (dirtyLock) {
            dirty.tags.addAll(slugs);
            dirty.deep = true;
        }
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : new Thread[] {articleThread, listingThread, relatedThread}) {
            if (t == null) continue;
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
