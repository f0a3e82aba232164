package org.taar.search;

import java.time.Instant;
import java.util.List;

/** A page of search results; headlines and snippets are HTML (escaped, with {@code <mark>} around matches). */
public record SearchResults(long total, boolean totalIsLowerBound, List<Hit> hits, int page, boolean hasMore) {
    /** @param language the story's BCP 47 language as stored, or null, for a page to mark its text's direction */
    public record Hit(long id, String path, String headlineHtml, String snippetHtml, String section,
                      Instant published, String language) {}

    public static SearchResults empty() {
        return new SearchResults(0, false, List.of(), 1, false);
    }
}
