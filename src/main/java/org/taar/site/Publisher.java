package org.taar.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.store.Event;
import org.taar.store.StoryStore;
import org.taar.story.Story;
import org.taar.story.Tag;

/**
 * The publish stage: follows the store's event table and materializes every page a changed story
 * touches (its article, the home page, its section and tag listings) into the page cache.
 * Because it reads the event table rather than being called by the pipeline, a server also
 * picks up what a `taar ingest` beside it, or another node, stored.
 */
public final class Publisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Publisher.class);
    /** Listing pages kept materialized per section and tag. */
    static final int LISTING_PAGES = 10;
    /** How often to look for events written by other processes when nobody nudges. */
    static final Duration POLL = Duration.ofMillis(200);
    /** A hole in the event sequence older than this is a rolled-back insert, not a slow commit. */
    static final Duration GAP_PATIENCE = Duration.ofSeconds(2);
    /** Under a burst of stories, listings are re-rendered at least this often. */
    static final Duration LISTINGS_EVERY = Duration.ofMillis(250);

    private final StoryStore stories;
    private final Renderer renderer;
    private final PageCache cache;
    private final Config.Site site;
    private final Clock clock;
    private final Semaphore wake = new Semaphore(0);
    private volatile long lastSeq;
    private Instant gapSeenAt;
    private volatile boolean running;
    private Dirty dirty = new Dirty();
    private long lastListingsNanos = System.nanoTime();
    private Thread thread;

    public Publisher(StoryStore stories, Renderer renderer, PageCache cache, Config.Site site, Clock clock) {
        this.stories = stories;
        this.renderer = renderer;
        this.cache = cache;
        this.site = site;
        this.clock = clock;
    }

    /** Renders every page from the store; called once at start, before the port opens. */
    public synchronized void rebuildAll() {
        long seq = stories.lastEventSeq();
        for (long id : stories.visibleOrKilledIds()) stories.byId(id).ifPresent(this::renderStory);
        renderHome();
        for (Config.Section s : site.sections()) renderSection(s.slug());
        cache.put("/404", Page.html(404, renderer.message("पेज नहीं मिला (Page not found)",
                "आप जो पेज खोज रहे हैं वह मौजूद नहीं है।")));
        lastSeq = seq;
        log.info("pages materialized count={} events_up_to={}", cache.size(), seq);
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, "publisher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Tells the publisher that this process just wrote events, so it need not wait for its poll. */
    public void nudge() {
        wake.release();
    }

    public long lastSeq() {
        return lastSeq;
    }

    private void loop() {
        while (running) {
            try {
                wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                catchUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A bad story or a database hiccup must not stop publishing for every later story.
                log.error("publishing failed, will retry: {}", e.toString(), e);
            }
        }
    }

    /**
     * Applies every event written since the last call: articles at once, then the listings they
     * touch. Under a burst, listings are coalesced (rendered when the queue is drained, or at
     * least every {@link #LISTINGS_EVERY}), so one story's article never waits behind the
     * listings of the stories before it. Returns how many events were applied.
     */
    public synchronized int catchUp() {
        int applied = applyArticles();
        if (dirty.isEmpty()) return applied;
        boolean drained = stories.lastEventSeq() <= lastSeq;
        if (drained || System.nanoTime() - lastListingsNanos >= LISTINGS_EVERY.toNanos()) renderListings();
        return applied;
    }

    private int applyArticles() {
        List<Event> events = stories.eventsAfter(lastSeq, 500);
        if (events.isEmpty()) return 0;
        int usable = contiguousPrefix(events);
        if (usable == 0) return 0;
        List<Event> batch = events.subList(0, usable);
        Set<Long> ids = new LinkedHashSet<>();
        batch.forEach(e -> ids.add(e.storyId()));
        for (long id : ids) {
            Optional<Story> story = stories.byId(id);
            if (story.isEmpty()) continue;
            Story s = story.get();
            renderStory(s);
            // The story published just after this one links to it as "next"; keep that link true.
            stories.newerInSection(s).flatMap(n -> stories.byId(n.id())).ifPresent(this::renderStory);
            dirty.sections.add(s.section());
            s.tags().forEach(t -> dirty.tags.add(t.slug()));
        }
        // A brand-new story is the newest, so no "next" link can point at it; anything else
        // (update, kill, hold) may change where the oldest story of a section links to.
        if (batch.stream().anyMatch(e -> !e.kind().equals("published"))) dirty.oldestStories = true;
        dirty.home = true;
        lastSeq = batch.get(batch.size() - 1).seq();
        return batch.size();
    }

    private void renderListings() {
        if (dirty.oldestStories) {
            for (Config.Section section : site.sections()) {
                stories.oldestInSection(section.slug()).flatMap(o -> stories.byId(o.id())).ifPresent(this::renderStory);
            }
        }
        if (dirty.home) renderHome();
        dirty.sections.forEach(this::renderSection);
        dirty.tags.forEach(this::renderTag);
        dirty = new Dirty();
        lastListingsNanos = System.nanoTime();
    }

    /** Listings that changed since they were last rendered. */
    private static final class Dirty {
        boolean home;
        boolean oldestStories;
        final Set<String> sections = new LinkedHashSet<>();
        final Set<String> tags = new LinkedHashSet<>();

        boolean isEmpty() {
            return !home && !oldestStories && sections.isEmpty() && tags.isEmpty();
        }
    }

    // On PostgreSQL a later sequence number can commit before an earlier one; stop at a hole
    // until it fills or has stayed open long enough to be a rollback.
    private int contiguousPrefix(List<Event> events) {
        long expect = lastSeq + 1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).seq() != expect) {
                Instant now = clock.instant();
                if (gapSeenAt == null) gapSeenAt = now;
                if (Duration.between(gapSeenAt, now).compareTo(GAP_PATIENCE) < 0) return i;
                gapSeenAt = null;
                return events.size();
            }
            expect++;
        }
        gapSeenAt = null;
        return events.size();
    }

    private void renderStory(Story s) {
        switch (s.status()) {
            case PUBLISHED -> cache.put(s.path(), Page.html(200, renderer.article(s, stories.next(s))));
            case KILLED -> cache.put(s.path(), Page.html(410, renderer.message("यह ख़बर हटा दी गई है (This story has been removed)",
                    "एजेंसी ने यह ख़बर वापस ले ली है, इसलिए इसे हटा दिया गया है। (The agency withdrew this story.)")));
            case HELD, EMBARGOED -> cache.remove(s.path());
        }
    }

    private void renderHome() {
        Map<Config.Section, List<Story>> blocks = new LinkedHashMap<>();
        for (Config.Section s : site.sections()) blocks.put(s, stories.inSection(s.slug(), 5, 0));
        cache.put("/", Page.html(200, renderer.home(stories.latest(site.homeStories(), 0), blocks)));
    }

    private void renderSection(String slug) {
        int per = site.sectionStories();
        int total = stories.countInSection(slug);
        String path = "/" + slug + "/";
        String name = renderer.sectionName(slug);
        renderPages(path, name, slug, total, per, offset -> stories.inSection(slug, per, offset));
    }

    private void renderTag(String slug) {
        Optional<Tag> tag = stories.tag(slug);
        if (tag.isEmpty()) return;
        int per = site.sectionStories();
        int total = stories.countWithTag(slug);
        renderPages("/tag/" + slug + "/", tag.get().name(), "", total, per, offset -> stories.withTag(slug, per, offset));
    }

    private void renderPages(String path, String heading, String section, int total, int per,
                             java.util.function.IntFunction<List<Story>> fetch) {
        int pages = Math.max(1, Math.min(LISTING_PAGES, (total + per - 1) / per));
        for (int page = 1; page <= pages; page++) {
            List<Story> list = fetch.apply((page - 1) * per);
            boolean hasMore = page < pages;
            cache.put(listingKey(path, page), Page.html(200, renderer.listing(path, heading, section, list, page, hasMore)));
        }
        // Pages that no longer have stories (after kills) must not linger.
        for (int page = pages + 1; page <= LISTING_PAGES; page++) cache.remove(listingKey(path, page));
    }

    public static String listingKey(String path, int page) {
        return page <= 1 ? path : path + "?page=" + page;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
