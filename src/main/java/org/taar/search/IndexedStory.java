package org.taar.search;

import java.time.Instant;
import java.util.List;

/**
 * What the index keeps of a story: enough to rank it, filter it and show it in results without
 * asking the store.
 *
 * @param text summary and body as plain text
 * @param tags tag slugs
 */
public record IndexedStory(long id, String path, String headline, String summary, String text, String section,
                           List<String> tags, Instant published, String language) {
    public IndexedStory {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
