package org.taar.format;

import java.util.List;
import org.taar.item.NewsItem;

/**
 * What a parser made of one delivery: the items it could read, and warnings about the rest.
 * A delivery that could not be read at all is a {@link ParseException} instead.
 */
public record ParseResult(String format, List<NewsItem> items, List<String> warnings) {
    public ParseResult {
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
