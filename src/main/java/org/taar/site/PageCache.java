package org.taar.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

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
 *
 * <p>A listing page rendered on demand carries its listing's generation, read before the store
 * was; the publisher starts a new generation each time it re-renders the listing deeply, and a
 * page of an older generation is a miss. Dropping every on-demand page of a listing is thus one
 * increment, whatever pages readers asked for, and only listings the publisher renders (its
 * sections and the tags of real stories) ever have a generation: nothing a request names adds
 * to this cache's bookkeeping.
 */
public final class PageCache {
    /** The bounded tier's default budget: about 100,000 agency-length articles in gzip and brotli. */
    public static final long DEFAULT_BUDGET_BYTES = 384L << 20;
    /** Renders of one deep listing page before one is kept though the listing changed meanwhile. */
    private static final int LISTING_RENDER_TRIES = 3;

    private final Map<String, Page> pinned = new ConcurrentHashMap<>();
    private final Cache<String, Kept> bounded;
    /** Each listing the publisher re-rendered deeply, with how many times: its on-demand pages' generation. */
    private final Map<String, Long> generations = new ConcurrentHashMap<>();

    /** A page of the bounded tier; a listing page with its listing and generation, an article with null. */
    private record Kept(Page page, String listing, long generation) {}

    public PageCache() {
        this(DEFAULT_BUDGET_BYTES);
    }

    public PageCache(long budgetBytes) {
        if (budgetBytes < 0) throw new IllegalArgumentException("page budget must not be negative: " + budgetBytes);
        bounded = Caffeine.newBuilder()
                .maximumWeight(budgetBytes)
                .weigher((String key, Kept kept) -> kept.page().weight() + 2 * key.length())
                .build();
    }

    public Optional<Page> get(String key) {
        Page p = pinned.get(key);
        if (p != null) return Optional.of(p);
        Kept kept = bounded.getIfPresent(key);
        return kept != null && current(kept) ? Optional.of(kept.page()) : Optional.empty();
    }

    /** Whether a bounded page is as new as the publisher's last render: an article always, a listing page of its generation. */
    private boolean current(Kept kept) {
        return kept.listing() == null || kept.generation() == generation(kept.listing());
    }

    private long generation(String listing) {
        return generations.getOrDefault(listing, 0L);
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
            bounded.put(key, new Kept(page, null, 0));
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
        Kept kept = bounded.get(key, k -> {
            Page r = render.apply(k);
            rendered[0] = r;
            return r != null && r.status() == 200 ? new Kept(r, null, 0) : null;
        });
        if (kept != null) return Optional.of(kept.page());
        Page r = rendered[0];
        if (r != null && r.status() == 410) {
            Page before = pinned.putIfAbsent(key, r);
            return Optional.of(before != null ? before : r);
        }
        return Optional.ofNullable(r);
    }

    /**
     * Page {@code page} of listing {@code path}, rendering it on a miss with {@code render} (which
     * reads the store itself; null for no such page, which is not kept). The listing's generation
     * is read before the render reads the store, so a page that missed a change the publisher has
     * since rendered is of an older generation and never served again. Should the listing change
     * during the render, it is rendered again (a few times at most), so this caller too gets a
     * page at least as new as the publisher's.
     */
    public Optional<Page> loadListing(String path, int page, Supplier<Page> render) {
        String key = ListingPages.listingKey(path, page);
        Page p = pinned.get(key);
        if (p != null) return Optional.of(p);
        Kept kept = null;
        for (int i = 0; i < LISTING_RENDER_TRIES && (kept == null || !current(kept)); i++) {
            Page[] rendered = new Page[1];
            Kept k = bounded.asMap().compute(key, (ignored, old) -> {
                if (old != null && current(old)) return old;
                long generation = generation(path);
                Page r = render.get();
                rendered[0] = r;
                return r != null && r.status() == 200 ? new Kept(r, path, generation) : null;
            });
            if (k == null) return Optional.ofNullable(rendered[0]);
            kept = k;
        }
        return Optional.of(kept.page());
    }

    /**
     * Drops every page of listing {@code path} rendered on demand: its deep pages have just changed.
     * For the publisher only, and only for listings it renders, so generations stay as few as listings.
     */
    public void dropOnDemandPages(String path) {
        generations.merge(path, 1L, Long::sum);
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

    /** Bytes of the pinned tier's pages (a walk over them: few, but one per killed story); for /metrics. */
    public long pinnedBytes() {
        long sum = 0;
        for (Page p : pinned.values()) sum += p.weight();
        return sum;
    }

    /** The bounded tier's weight: bytes of article and deep listing pages held now. */
    public long boundedBytes() {
        bounded.cleanUp();
        return bounded.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
    }

    /** The size of every map this cache holds, by name: what requests must not be able to grow. For tests. */
    Map<String, Long> sizes() {
        bounded.cleanUp();
        return Map.of("pinned", (long) pinned.size(), "bounded", bounded.estimatedSize(),
                "generations", (long) generations.size());
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
