package org.taar.search;

import java.time.Instant;

/**
 * One search: the reader's words and optional filters; null means "any".
 *
 * @param page 1-based
 */
public record SearchQuery(String q, String section, String tag, Instant from, Instant to, int page) {
    public static final int MAX_QUERY_CHARS = 200;
    public static final int MAX_PAGE = 50;
    public static final int PER_PAGE = 10;

    public SearchQuery {
        if (q == null) q = "";
        q = q.strip();
        if (q.length() > MAX_QUERY_CHARS) throw new IllegalArgumentException("query longer than " + MAX_QUERY_CHARS + " characters");
        if (page < 1 || page > MAX_PAGE) throw new IllegalArgumentException("page must be 1 to " + MAX_PAGE);
        if (section != null && section.isBlank()) section = null;
        if (tag != null && tag.isBlank()) tag = null;
    }

    public static SearchQuery of(String q) {
        return new SearchQuery(q, null, null, null, null, 1);
    }

    public boolean isEmpty() {
        return q.isEmpty();
    }
}
