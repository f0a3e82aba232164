package org.taar.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.store.Event;
import org.taar.store.StoryHistory;
import org.taar.store.EventLog;
import org.taar.store.Listings;
import org.taar.store.Listings.Listed;
import org.taar.store.StoryReads;
import org.taar.story.EventKind;
import org.taar.story.LanguageEditions;
import org.taar.story.Story;
import org.taar.story.Tag;
import org.taar.store.EventGaps;
import org.taar.store.FingerprintStore;

/**
 * The publish stage: follows the store's event table and materializes every page a changed story
 * touches (its article, the home page, its section and tag listings) into the page cache.
 * Because it reads the event table rather than being called by the pipeline, a server also
 * picks up what a `taar ingest` beside it, or another node, stored.
 *
 * <p>Articles and listings are rendered on two threads, so that under a burst of stories an
 * article never waits behind the listings of the stories before it; listings are coalesced
 * and re-rendered at most every {@link #LISTINGS_EVERY}.
 */
public final class Publisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    /** Listing pages kept materialized per section and tag. */
    static final int LISTING_PAGES = 10;
    /** How often to look for events written by other processes when nobody nudges. */
    static final Duration POLL = Duration.ofMillis(200);
    /** A hole in the event sequence older than this is a rolled-back insert, not a slow commit. */
    static final Duration GAP_PATIENCE = Duration.ofSeconds(2);
    /** Listings that changed are re-rendered this often at most. */
    static final Duration LISTINGS_EVERY = Duration.ofMillis(250);
    /** How many listings a routine deep refresh renders in one pass. */
    static final int DEEP_LISTINGS_PER_PASS = 4;
    /**
     * Pages 2 and later of a listing only shift when a new story arrives, so they are refreshed
     * this often; a kill, update or hold refreshes them at once.
     */
    static final Duration DEEP_PAGES_EVERY = Duration.ofSeconds(5);
    /** How many articles rendered at start get their related stories in one listings pass. */
    static final int RELATED_PER_PASS = 32;

    private final StoryReads stories;
    private final Listings lists;
    private final EventLog events;
    private final FingerprintStore fingerprints;
    private final Renderer renderer;
    private final PageCache cache;
    private final Config.Site site;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private final Object articlesLock = new Object();
    private final Object listingsLock = new Object();
    private final Object dirtyLock = new Object();
    private volatile long lastSeq;
    private final EventGaps gaps;
    private Dirty dirty = new Dirty();
    /** Listings whose first page is fresh but whose deeper pages wait for the next deep refresh. */
    private final Set<String> staleSections = new LinkedHashSet<>();
    private final Set<String> staleTags = new LinkedHashSet<>();
    /** Articles rendered at start, still without their related stories (listings thread only). */
    private final java.util.Deque<Long> relatedBacklog = new java.util.ArrayDeque<>();
    private long deepPagesNanos = System.nanoTime();
    private volatile boolean running;
    private volatile Related related = Related.NONE;
    private final Feeds feeds;
    /** Months whose sitemap is materialized, i.e. that have published stories; newest first. */
    private final Set<YearMonth> sitemapMonths = new TreeSet<>(java.util.Comparator.reverseOrder());
    /** When the oldest story in the news sitemap leaves its 48-hour window; null when it is empty. */
    private Instant newsExpiresAt;
    /** Months whose sitemap waits for the next refresh: a new story is listed there within {@link #DEEP_PAGES_EVERY}. */
    private final Set<YearMonth> staleMonths = new LinkedHashSet<>();
    private long monthsNanos;
    private boolean monthsRendered;
    private Thread articles;
    private Thread listings;
    private volatile Listener listener = changes -> {};
    /** When the oldest story of the home page's breaking block leaves its window; null when the block is empty. */
    private volatile Instant breakingExpiresAt;
    /** At most this many stories in the home page's breaking block. */
    static final int BREAKING_STORIES = 5;
    private final Page gone;

    /**
     * Told of each batch of events once its articles are in the page cache, in event order, on
     * the publisher's thread (so it must hand slow work off). The live events feed listens here.
     */
    public interface Listener {
        void applied(List<EventLog.Change> changes);
    }

    public Publisher(StoryReads stories, Listings lists, EventLog events, Renderer renderer, PageCache cache, Config config,
                     Clock clock) {
        this.stories = stories;
        this.lists = lists;
        this.events = events;
        this.fingerprints = new FingerprintStore(stories.store());
        this.renderer = renderer;
        this.cache = cache;
        this.site = config.site();
        this.clock = clock;
        this.gaps = new EventGaps(clock, GAP_PATIENCE);
        this.feeds = new Feeds(config);
        // Every killed story answers with the same notice; its pinned 410 pages share these bytes.
        this.gone = Page.html(410, renderer.message(renderer.labels().goneTitle(), renderer.labels().goneText()));
        cache.put(Stylesheet.PATH, Stylesheet.page());
    }

    /** Where article pages get their related stories from (none unless set). */
    public void related(Related related) {
        this.related = related;
    }

    /** Who is told of applied events (nobody unless set). */
    public void listener(Listener listener) {
        this.listener = listener;
    }

    /**
     * Renders the site from the store; called once at start, before the port opens. Of the
     * articles only the newest {@code site.eager_articles} are rendered (older ones on their
     * first request), so a site of 100,000 stories starts in seconds; every kill's 410 is pinned.
     */
    public void rebuildAll() {
        synchronized (articlesLock) {
            synchronized (listingsLock) {
                long seq = events.lastEventSeq();
                long started = System.nanoTime();
                List<Long> newest = lists.latestIds(site.eagerArticles());
                // Without related stories (a more-like-this query each, the slow part): the listings
                // thread adds them a few per pass once the port is open.
                for (long id : newest) stories.byId(id).ifPresent(st -> renderStory(st, List.of()));
                relatedBacklog.addAll(newest);
                List<Listed> killed = lists.killed();
                for (Listed k : killed) cache.putArticle(k.path(), gone.withSurrogateKeys("story-" + k.id()));
                log.info("articles rendered at start count={} killed={} ms={} (older articles render on first request)",
                        newest.size(), killed.size(), (System.nanoTime() - started) / 1_000_000);
                renderHome();
                for (Config.Section s : site.sections()) renderSection(s.slug(), true);
                renderAllFeeds();
                cache.put("/favicon.svg", Page.of(200, "image/svg+xml", resource("/site/favicon.svg")));
                cache.put("/404", Page.html(404, renderer.message(renderer.labels().notFoundTitle(), renderer.labels().notFoundText())));
                lastSeq = seq;
                log.info("pages materialized count={} pinned={} events_up_to={}", cache.size(), cache.pinnedSize(), seq);
            }
        }
    }

    private static byte[] resource(String name) {
        try (var in = Publisher.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public void start() {
        running = true;
        articles = daemon("publisher-articles", () -> {
            wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
            wake.drainPermits();
            applyArticles();
        });
        listings = daemon("publisher-listings", () -> {
            Thread.sleep(LISTINGS_EVERY.toMillis());
            renderListings();
        });
    }

    private interface Step {
        void run() throws InterruptedException;
    }

    private Thread daemon(String name, Step step) {
        Thread t = new Thread(() -> {
            while (running) {
                try {
                    step.run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // A bad story or a database hiccup must not stop publishing for every later story.
                    log.error("publishing failed, will retry: {}", e.toString(), e);
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
     * Applies every event written since the last call, articles and then listings, in the
     * caller's thread; tests and commands use it where the server's threads are not running.
     */
    public int catchUp() {
        int applied = 0;
        int n;
        while ((n = applyArticles()) > 0) applied += n;
        renderListings();
        return applied;
    }

    /** Renders the articles of the next batch of events; returns how many events it applied. */
    int applyArticles() {
        synchronized (articlesLock) {
            List<Event> events = this.events.eventsAfter(lastSeq, 500);
            if (events.isEmpty()) return 0;
            int usable = contiguousPrefix(events);
            if (usable == 0) return 0;
            List<Event> batch = events.subList(0, usable);
            Set<Long> ids = new LinkedHashSet<>();
            batch.forEach(e -> ids.add(e.storyId()));
            Set<String> sections = new LinkedHashSet<>();
            Set<String> tags = new LinkedHashSet<>();
            Set<YearMonth> months = new LinkedHashSet<>();
            Set<Long> rendered = new LinkedHashSet<>();
            Map<Long, Story> current = new java.util.HashMap<>();
            // Articles go out at once without related stories (a more-like-this query is the slow
            // part of an article); the listings thread adds them moments later.
            java.util.function.Consumer<Story> article = st -> {
                renderStory(st, List.of());
                if (st.isPublished()) rendered.add(st.id());
            };
            for (long id : ids) {
                Optional<Story> story = stories.byId(id);
                if (story.isEmpty()) continue;
                Story s = story.get();
                current.put(id, s);
                // A new headline moved the story: the page cached at an old address must go, so that
                // the address answers 301 to the new one (site/OnDemand) instead of the old page.
                for (String old : StoryHistory.former(stories.store(), id)) {
                    if (!old.equals(s.path())) cache.remove(old);
                }
                article.accept(s);
                // The story published just after this one links to it as "next"; keep that link true.
                lists.newerInSection(s).flatMap(n -> stories.byId(n.id())).ifPresent(article);
                // Its editions in other languages link to it with hreflang (both ways); a kill drops the link.
                for (Story e : editions(s)) stories.byId(e.id()).ifPresent(article);
                sections.add(s.section());
                if (s.publishedAt() != null) months.add(month(s.publishedAt()));
                s.tags().forEach(t -> tags.add(t.slug()));
            }
            // A brand-new story is the newest, so no "next" link can point at it; anything else
            // (update, kill, hold) may change where the oldest story of a section links to.
            // "reported" (a duplicate linked to the story) changes only its article page.
            boolean change = batch.stream().anyMatch(e -> e.kind() != EventKind.PUBLISHED && e.kind() != EventKind.REPORTED);
            if (change) {
                for (Config.Section section : site.sections()) {
                    lists.oldestInSection(section.slug()).flatMap(o -> stories.byId(o.id()))
                            .ifPresent(article);
                }
            }
            // Only the small dirty lock: waiting for a listing render here would stall articles.
            synchronized (dirtyLock) {
                dirty.related.addAll(rendered);
                dirty.home = true;
                dirty.deep |= change;
                dirty.sections.addAll(sections);
                dirty.tags.addAll(tags);
                dirty.months.addAll(months);
            }
            lastSeq = batch.get(batch.size() - 1).seq();
            tell(batch, current);
            return batch.size();
        }
    }

    /** Tells the listener of the batch, each event with its story as it now stands (and as it was just rendered). */
    private void tell(List<Event> batch, Map<Long, Story> current) {
        List<EventLog.Change> changes = new java.util.ArrayList<>(batch.size());
        for (Event e : batch) {
            Story s = current.get(e.storyId());
            if (s != null) {
                changes.add(new EventLog.Change(e.seq(), e.kind(), s.id(), s.status().label(), s.section(), s.slug(),
                        s.headline()));
            }
        }
        try {
            listener.applied(changes);
        } catch (RuntimeException ex) {
            // The live feed failing must never stop publishing.
            log.warn("publish listener failed: {}", ex.toString());
        }
    }

    /** Renders the listings that changed since the last call. */
    void renderListings() {
        synchronized (listingsLock) {
            Dirty d;
            synchronized (dirtyLock) {
                d = dirty;
                dirty = new Dirty();
            }
            staleSections.addAll(d.sections);
            staleTags.addAll(d.tags);
            // A breaking story leaving its window changes the home page though no event says so.
            Instant breakingEnds = breakingExpiresAt;
            if (d.home || (breakingEnds != null && !clock.instant().isBefore(breakingEnds))) renderHome();
            // Feeds and sitemaps hold published stories only, so a kill drops out of them here.
            if (d.home) renderFeeds(d.deep ? allSections() : d.sections);
            staleMonths.addAll(d.months);
            // A month's sitemap can be long: re-render it at once after a kill or update, else at most every few seconds.
            if (!staleMonths.isEmpty() && (d.deep || !monthsRendered
                    || System.nanoTime() - monthsNanos >= DEEP_PAGES_EVERY.toNanos())) {
                renderMonths(Set.copyOf(staleMonths));
                staleMonths.clear();
            }
            if (d.home || (newsExpiresAt != null && !clock.instant().isBefore(newsExpiresAt))) renderNewsSitemap();
            if (d.deep) {
                // A kill or update must leave every page now, whatever it costs.
                renderDeep(Integer.MAX_VALUE);
            } else if (System.nanoTime() - deepPagesNanos >= DEEP_PAGES_EVERY.toNanos()) {
                // Spread routine refreshes over passes, so a burst of rendering never starves articles.
                renderDeep(DEEP_LISTINGS_PER_PASS);
            }
            // Whatever changed and was not just rendered in full gets a fresh first page.
            d.sections.stream().filter(staleSections::contains).forEach(s -> renderSection(s, false));
            d.tags.stream().filter(staleTags::contains).forEach(t -> renderTag(t, false));
            // Related stories last: readers see the listings first. The new articles' now, then a
            // few of those rendered at start, so a large site's backlog never holds listings up.
            addRelated(d.related);
            Set<Long> backlog = new LinkedHashSet<>();
            while (backlog.size() < RELATED_PER_PASS && !relatedBacklog.isEmpty()) backlog.add(relatedBacklog.poll());
            addRelated(backlog);
        }
    }

    private void renderDeep(int limit) {
        int done = 0;
        for (var it = staleSections.iterator(); it.hasNext() && done < limit; done++) {
            renderSection(it.next(), true);
            it.remove();
        }
        for (var it = staleTags.iterator(); it.hasNext() && done < limit; done++) {
            renderTag(it.next(), true);
            it.remove();
        }
        if (staleSections.isEmpty() && staleTags.isEmpty()) deepPagesNanos = System.nanoTime();
    }

    private int contiguousPrefix(List<Event> events) {
        return gaps.usable(lastSeq, events);
    }

    private void renderStory(Story s) {
        renderStory(s, s.isPublished() ? related.of(s) : List.of());
    }

    private void renderStory(Story s, List<Views.RelatedLink> relatedLinks) {
        Page page = articlePage(s, relatedLinks);
        if (page == null) cache.remove(s.path());
        else cache.putArticle(s.path(), page);
    }

    /**
     * The page of a story as it stands: 200 for a published one (with related stories), 410
     * for a killed one, null for one readers must not see (held, embargoed). For renders on demand.
     */
    Page articlePage(Story s) {
        return articlePage(s, s.isPublished() ? related.of(s) : List.of());
    }

    private Page articlePage(Story s, List<Views.RelatedLink> relatedLinks) {
        return switch (s.status()) {
            case PUBLISHED -> Page.html(200, renderer.article(s, lists.next(s), relatedLinks, editions(s),
                            StoryHistory.correctedAt(stories.store(), s.id()).orElse(null),
                            alsoReported(s)))
                    .withSurrogateKeys(articleKeys(s));
            case KILLED -> gone.withSurrogateKeys("story-" + s.id());
            default -> null;
        };
    }

    /**
     * Who else sent this story (org.taar.dedupe): the agency of each duplicate linked to it, or its
     * source when the agency is the story's own (a relay of the same copy), first received first.
     */
    private List<String> alsoReported(Story s) {
        String own = s.item().agency();
        Set<String> names = new LinkedHashSet<>();
        for (var d : fingerprints.duplicatesOf(s.id())) {
            names.add(d.agency() != null && !d.agency().equals(own) ? d.agency() : d.source());
        }
        names.remove(own);
        return List.copyOf(names);
    }

    /** The same story in other languages, published (see {@link LanguageEditions} for the rule). */
    private List<Story> editions(Story s) {
        String lang = language(s);
        return lists.publishedWithUris(LanguageEditions.candidateUris(s.uri(), lang)).stream()
                .filter(o -> LanguageEditions.sameStory(s, lang, o, language(o))).toList();
    }

    private String language(Story s) {
        return s.item().language() != null ? s.item().language() : site.language();
    }

    /**
     * Re-renders articles that went out without related stories, with them. The slow query runs
     * outside the articles lock; the page is replaced only if the story did not change meanwhile,
     * so a newer version rendered by the articles thread is never overwritten by an older one.
     */
    private void addRelated(Set<Long> ids) {
        for (long id : ids) {
            Optional<Story> before = stories.byId(id);
            if (before.isEmpty() || !before.get().isPublished()) continue;
            List<Views.RelatedLink> links = related.of(before.get());
            synchronized (articlesLock) {
                stories.byId(id)
                        .filter(now -> now.isPublished() && now.version() == before.get().version()
                                && java.util.Objects.equals(now.updatedAt(), before.get().updatedAt()))
                        .ifPresent(now -> renderStory(now, links));
            }
        }
    }

    private void renderHome() {
        Map<Config.Section, List<Story>> blocks = new LinkedHashMap<>();
        for (Config.Section s : site.sections()) blocks.put(s, lists.inSection(s.slug(), 5, 0));
        Duration window = site.breakingWindow();
        List<Story> breaking = lists.breaking(site.breakingUrgency(), clock.instant().minus(window), BREAKING_STORIES);
        cache.put("/", Page.html(200, renderer.home(lists.latest(site.homeStories(), 0), breaking, blocks))
                .withSurrogateKeys("home"));
        breakingExpiresAt = breaking.isEmpty() ? null : breaking.get(breaking.size() - 1).publishedAt().plus(window);
    }

    private void renderSection(String slug, boolean deep) {
        int per = site.sectionStories();
        renderPages("/" + slug + "/", "section-" + slug, renderer.sectionName(slug), slug, deep, lists.countInSection(slug), per,
                offset -> lists.inSection(slug, per, offset));
    }

    private void renderTag(String slug, boolean deep) {
        String path = "/tag/" + slug + "/";
        Optional<Tag> tag = lists.tag(slug);
        if (tag.isEmpty()) {
            // Merged into another tag (or gone): its address now redirects, so none of its pages may linger.
            for (int page = 1; page <= LISTING_PAGES; page++) cache.remove(listingKey(path, page));
            cache.dropOnDemandPages(path);
            return;
        }
        int per = site.sectionStories();
        renderPages(path, "tag-" + slug, tag.get().name(), "", deep, lists.countWithTag(slug), per,
                offset -> lists.withTag(slug, per, offset));
    }

    /**
     * Tags an editor merged or renamed: their old listings are dropped with the next listings
     * pass, so their addresses answer with a redirect to the tag they went into.
     */
    public void tagsChanged(java.util.Collection<String> slugs) {
        synchronized (dirtyLock) {
            dirty.tags.addAll(slugs);
            dirty.deep = true;
        }
    }

    private void renderPages(String path, String keys, String heading, String section, boolean deep, int total, int per,
                             IntFunction<List<Story>> fetch) {
        int all = Math.max(1, (total + per - 1) / per);
        int pages = Math.min(LISTING_PAGES, all);
        for (int page = 1; page <= (deep ? pages : 1); page++) {
            List<Story> list = fetch.apply((page - 1) * per);
            cache.put(listingKey(path, page),
                    Page.html(200, renderer.listing(path, heading, section, list, page, page < all))
                            .withSurrogateKeys(keys));
        }
        if (deep) {
            // Pages that no longer have stories (after kills) must not linger, nor deeper pages rendered on demand.
            for (int page = pages + 1; page <= LISTING_PAGES; page++) cache.remove(listingKey(path, page));
            cache.dropOnDemandPages(path);
        }
    }

    /**
     * Page {@code page} of the listing at {@code path} ("/sports/" or "/tag/kerala/"), rendered
     * from the store for a request the cache could not answer; null when there is no such listing
     * or page (beyond the last page). Page 1 of an empty listing exists.
     */
    Page listingPage(String path, int page) {
        int per = site.sectionStories();
        String slug;
        String heading;
        String section;
        String keys;
        int total;
        IntFunction<List<Story>> fetch;
        if (path.startsWith("/tag/")) {
            slug = path.substring("/tag/".length(), path.length() - 1);
            Optional<Tag> tag = lists.tag(slug);
            if (tag.isEmpty()) return null;
            heading = tag.get().name();
            section = "";
            keys = "tag-" + slug;
            total = lists.countWithTag(slug);
            fetch = offset -> lists.withTag(slug, per, offset);
        } else {
            slug = path.substring(1, path.length() - 1);
            if (site.section(slug).isEmpty()) return null;
            heading = renderer.sectionName(slug);
            section = slug;
            keys = "section-" + slug;
            total = lists.countInSection(slug);
            fetch = offset -> lists.inSection(slug, per, offset);
        }
        int all = Math.max(1, (total + per - 1) / per);
        if (page > all) return null;
        return Page.html(200, renderer.listing(path, heading, section, fetch.apply((page - 1) * per), page, page < all))
                .withSurrogateKeys(keys);
    }

    private Set<String> allSections() {
        Set<String> all = new LinkedHashSet<>();
        site.sections().forEach(s -> all.add(s.slug()));
        return all;
    }

    private void renderAllFeeds() {
        Set<YearMonth> months = new LinkedHashSet<>();
        Optional<Instant> first = lists.firstPublishedAt();
        if (first.isPresent()) {
            YearMonth last = month(clock.instant());
            for (YearMonth m = month(first.get()); !m.isAfter(last); m = m.plusMonths(1)) months.add(m);
        }
        // Months that lost their last story since the previous render must go too.
        months.addAll(sitemapMonths);
        renderFeeds(allSections());
        renderMonths(months);
        renderNewsSitemap();
        cache.put("/robots.txt", feeds.robots());
    }

    /** The site feed and the given section feeds. */
    private void renderFeeds(Set<String> sections) {
        cache.put(Feeds.feedPath(null), feeds.rss(null, lists.latest(Feeds.FEED_STORIES, 0)));
        for (String section : sections) {
            cache.put(Feeds.feedPath(section), feeds.rss(section, lists.inSection(section, Feeds.FEED_STORIES, 0)));
        }
    }

    /** The given months' sitemaps and, when the set of months changed, the sitemap index. */
    private void renderMonths(Set<YearMonth> months) {
        boolean indexChanged = cache.get("/sitemap.xml").isEmpty();
        monthsNanos = System.nanoTime();
        monthsRendered = true;
        for (YearMonth m : months) {
            Instant from = m.atDay(1).atStartOfDay(site.zone()).toInstant();
            Instant to = m.plusMonths(1).atDay(1).atStartOfDay(site.zone()).toInstant();
            List<Listed> list = lists.publishedBetween(from, to, Feeds.SITEMAP_MAX);
            if (list.isEmpty()) {
                cache.remove(Feeds.monthPath(m));
                indexChanged |= sitemapMonths.remove(m);
            } else {
                cache.put(Feeds.monthPath(m), feeds.monthSitemap(list));
                indexChanged |= sitemapMonths.add(m);
            }
        }
        if (indexChanged) cache.put("/sitemap.xml", feeds.sitemapIndex(List.copyOf(sitemapMonths)));
    }

    private void renderNewsSitemap() {
        Instant now = clock.instant();
        List<Listed> news = lists.publishedBetween(now.minus(Feeds.NEWS_WINDOW), Instant.ofEpochMilli(Long.MAX_VALUE),
                Feeds.NEWS_MAX);
        cache.put("/sitemap-news.xml", feeds.newsSitemap(news));
        newsExpiresAt = news.isEmpty() ? null : news.get(news.size() - 1).publishedAt().plus(Feeds.NEWS_WINDOW);
    }

    private YearMonth month(Instant i) {
        return YearMonth.from(i.atZone(site.zone()));
    }

    /** An article's Surrogate-Key: the story, its section and each of its tags. */
    static String articleKeys(Story s) {
        StringBuilder keys = new StringBuilder("story-").append(s.id()).append(" section-").append(s.section());
        for (Tag t : s.tags()) keys.append(" tag-").append(t.slug());
        return keys.toString();
    }

    public static String listingKey(String path, int page) {
        return page <= 1 ? path : path + "?page=" + page;
    }

    /** Listings that changed since they were last rendered. */
    private static final class Dirty {
        boolean home;
        /** a kill, update or hold: deeper pages must be refreshed now, not at the next deep refresh */
        boolean deep;
        final Set<String> sections = new LinkedHashSet<>();
        final Set<String> tags = new LinkedHashSet<>();
        /** months (in the site's zone) of the changed stories' publication: their sitemaps */
        final Set<YearMonth> months = new LinkedHashSet<>();
        /** articles rendered without their related stories */
        final Set<Long> related = new LinkedHashSet<>();
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : new Thread[] {articles, listings}) {
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
