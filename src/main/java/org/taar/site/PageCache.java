package org.taar.site;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Materialized pages by path (with the query string for paginated listings, e.g.
 * "/sports/?page=2"). Readers are served from here only; the publisher is the only writer.
 */
public final class PageCache {
    private final Map<String, Page> pages = new ConcurrentHashMap<>();

    public Optional<Page> get(String key) {
        return Optional.ofNullable(pages.get(key));
    }

    public void put(String key, Page page) {
        pages.put(key, page);
    }

    public void remove(String key) {
        pages.remove(key);
    }

    public int size() {
        return pages.size();
    }
}
