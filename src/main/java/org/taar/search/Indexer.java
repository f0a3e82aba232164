package org.taar.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.store.StoreOutage;
import org.taar.store.Event;
import org.taar.store.EventGaps;
import org.taar.store.EventLog;
import org.taar.store.Listings;
import org.taar.store.StoryReads;
import org.taar.story.Story;
import org.taar.story.Tag;

/**
 * Keeps the search index in step with the store by following the event table, like the
 * Publisher: a published or updated story is (re)indexed, a killed, held or embargoed one is
 * deleted. The last applied event sequence is committed with the index, so a restart resumes
 * there; a fresh index is built from the store first.
 */
public final class Indexer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Indexer.class);
    static final long POLL_MILLIS = 200;
    private static final int BATCH = 500;
    private static final long COMMIT_EVERY_NANOS = 10_000_000_000L;
    private static final long REFRESH_EVERY_NANOS = 1_000_000_000L;

    private final StoryReads stories;
    private final Listings listings;
    private final EventLog events;
    private final SearchIndex index;
    private final Semaphore wake = new Semaphore(0);
    // The same patience with sequence holes as the Publisher: without it a story whose event
    // committed after a later one was never indexed on PostgreSQL.
    private final EventGaps gaps = new EventGaps(java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(2));
    private volatile boolean running;
    private Thread thread;

    public Indexer(StoryReads stories, Listings listings, EventLog events, SearchIndex index) {
        this.stories = stories;
        this.listings = listings;
        this.events = events;
        this.index = index;
    }

    /** Builds the index from the store when it is new; then applies events written since. */
    public void startUp() {
        if (index.isFresh() && index.lastSeq() == 0) rebuild();
        catchUp();
    }

    /** Drops everything and indexes every published story; returns how many. */
    public int rebuild() {
        synchronized (this) {
            long seq = events.lastEventSeq();
            index.clear();
            int n = 0;
            List<Long> ids = listings.visibleOrKilledIds();
            for (int from = 0; from < ids.size(); from += BATCH) {
                for (Story s : stories.byIds(ids.subList(from, Math.min(ids.size(), from + BATCH))).values()) {
                    if (!s.isPublished()) continue;
                    index.put(toIndexed(s));
                    n++;
                }
            }
            index.commit(seq);
            log.info("search index rebuilt stories={} events_up_to={}", n, seq);
            return n;
        }
    }

    /**
     * Applies every event since the index's last sequence, in the caller's thread, and commits.
     * What it applied is searchable when it returns, and every second on the way through a long
     * catch-up (a rebuild, an import), which commits every {@link #COMMIT_EVERY_NANOS} only, since a
     * commit's fsyncs cost more than the batch (bench/RESULTS.md, "import"); after a crash the
     * events since the last commit are simply applied again.
     */
    public int catchUp() {
        int applied = 0, n;
        long committed = System.nanoTime(), refreshed = committed;
        while ((n = applyBatch()) > 0) {
            applied += n;
            long now = System.nanoTime();
            if (now - refreshed > REFRESH_EVERY_NANOS) {
                index.refresh();
                refreshed = now;
            }
            if (now - committed > COMMIT_EVERY_NANOS) {
                index.commit();
                committed = now;
            }
        }
        // Even when this call applied nothing: another thread's catch-up may have applied a batch
        // it has not yet made visible, and a caller of this one expects to search it.
        index.refresh();
        if (applied > 0) index.commit();
        return applied;
    }

    private int applyBatch() {
        synchronized (this) {
            List<Event> events = this.events.eventsAfter(index.lastSeq(), BATCH);
            int usable = gaps.usable(index.lastSeq(), events);
            if (usable == 0) return 0;
            events = events.subList(0, usable);
            Set<Long> ids = new LinkedHashSet<>();
            events.forEach(e -> ids.add(e.storyId()));
            Map<Long, Story> found = stories.byIds(ids);
            for (long id : ids) {
                Story s = found.get(id);
                if (s != null && s.isPublished()) index.put(toIndexed(s));
                else index.delete(id);
            }
            index.applied(events.get(events.size() - 1).seq());
            return events.size();
        }
    }

    public void start() {
        StoreOutage outage = new StoreOutage(log, "search indexer");
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                    catchUp();
                    outage.worked();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    outage.failed(e);
                }
            }
        }, "search-indexer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Tells the indexer that events were just written. */
    public void nudge() {
        wake.release();
    }

    public static IndexedStory toIndexed(Story s) {
        var item = s.item();
        String body = item.bodyHtml() == null ? "" : Jsoup.parseBodyFragment(item.bodyHtml()).text();
        String text = item.summary() == null ? body : item.summary() + "\n" + body;
        return new IndexedStory(s.id(), s.path(), s.headline(), item.summary(), text, s.section(),
                s.tags().stream().map(Tag::slug).toList(),
                s.publishedAt() != null ? s.publishedAt() : s.createdAt(), item.language());
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            // Woken, not interrupted: an interrupt inside the IndexWriter closes the file channel
            // that holds Lucene's write lock, and the index then refuses to close cleanly.
            wake.release();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
