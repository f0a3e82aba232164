package org.taar.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Materialized pages by path (with the query string for paginated listings, e.g.
 * "/sports/?page=2"), in two tiers. Pinned: home, listings, feeds, sitemaps, robots, the
 * stylesheet, the 404 page and every killed story's 410 page; few, small, always there.
 * Bounded: article pages and deep listing pages, weighed by their compressed bytes and evicted
 * least-recently/frequently used beyond a budget, so a site of 100,000 stories fits in a fixed
 * heap; a miss is rendered again from the store ({@link OnDemand}).
 *
 * <p>A lookup reads the pinned tier first. A story's 410 page is pinned, so once the publisher
 * has written a kill no article page in the bounded tier can show through it, whatever an
 * on-demand render of the older published state puts there.
 */
public final class PageCache {
    /** The bounded tier's default budget: about 100,000 agency-length articles in gzip and brotli. */
    public static final long DEFAULT_BUDGET_BYTES = 384L << 20;

    private final Map<String, Page> pinned = new ConcurrentHashMap<>();
    private final Cache<String, Page> bounded;
    /** The deepest on-demand page of each listing, so a deep re-render can drop them all. */
    private final Map<String, Integer> deepest = new ConcurrentHashMap<>();

    public PageCache() {
        this(DEFAULT_BUDGET_BYTES);
    }

    public PageCache(long budgetBytes) {
        if (budgetBytes < 0) throw new IllegalArgumentException("page budget must not be negative: " + budgetBytes);
        bounded = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher((String key, Page page) -> page.weight() + 2 * key.length())
                .build();
    }

    public Optional<Page> get(String key) {
        Page p = pinned.get(key);
        return p != null ? Optional.of(p) : Optional.ofNullable(bounded.getIfPresent(key));
    }

    /** Keeps a page in the pinned tier. */
    public void put(String key, Page page) {
        pinned.put(key, page);
    }

    /**
     * Keeps an article page as the publisher rendered it: a 200 page in the bounded tier, any
     * other (the 410 of a kill) pinned. A bounded write waits for an on-demand render of the same
     * key in progress and then replaces it, so the publisher's newer version always wins.
     */
    public void putArticle(String key, Page page) {
        if (page.status() == 200) {
            bounded.put(key, page);
            pinned.remove(key);
        } else {
            pinned.put(key, page);
            bounded.invalidate(key);
        }
    }

    /**
     * The page at {@code key}, rendering it on a miss with {@code render} (which reads the store
     * itself, inside the cache's per-key computation: a concurrent {@link #putArticle} waits for
     * it and then overwrites it). A rendered 200 page is kept in the bounded tier and a 410 page
     * pinned (unless the publisher pinned one first); null from render is a miss that stays one.
     */
    public Optional<Page> load(String key, Function<String, Page> render) {
        Page p = pinned.get(key);
        if (p != null) return Optional.of(p);
        Page[] rendered = new Page[1];
        Page kept = bounded.get(key, k -> {
            Page r = render.apply(k);
            rendered[0] = r;
            return r != null && r.status() == 200 ? r : null;
        });
        if (kept != null) return Optional.of(kept);
        Page r = rendered[0];
        if (r != null && r.status() == 410) {
            Page before = pinned.putIfAbsent(key, r);
            return Optional.of(before != null ? before : r);
        }
        return Optional.ofNullable(r);
    }

    /**
     * Notes that page {@code page} of listing {@code path} is about to be rendered on demand.
     * Call before {@link #load}: a deep re-render that starts later drops it, and one that read
     * the store earlier cannot have missed it, since the note comes before this render's query.
     */
    public void noteListingPage(String path, int page) {
        deepest.merge(path, page, Math::max);
    }

    /** Drops every page of listing {@code path} rendered on demand: its deep pages have just changed. */
    public void dropOnDemandPages(String path) {
        Integer max = deepest.remove(path);
        if (max == null) return;
        for (int page = 1; page <= max; page++) bounded.invalidate(Publisher.listingKey(path, page));
    }

    public void remove(String key) {
        pinned.remove(key);
        bounded.invalidate(key);
    }

    /** Pages held in both tiers (the bounded count is an estimate). */
    public long size() {
        return pinned.size() + bounded.estimatedSize();
    }

    public int pinnedSize() {
        return pinned.size();
    }

    /** The bounded tier's weight: bytes of article and deep listing pages held now. */
    public long boundedBytes() {
        bounded.cleanUp();
        return bounded.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** Drops a page from the bounded tier only, as the budget would: for tests of what follows an eviction. */
    void evict(String key) {
        bounded.invalidate(key);
    }

    /** Runs pending evictions now (Caffeine does them in the background): for tests and figures. */
    void cleanUp() {
        bounded.cleanUp();
    }
}
