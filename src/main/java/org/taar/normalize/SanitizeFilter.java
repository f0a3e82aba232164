package org.taar.normalize;

import org.taar.item.NewsItem;
import org.taar.text.HtmlSanitizer;

/**
 * Puts the body through the one HTML sanitizer, since every body comes from outside and parsers only convert
 * markup: the last filter that writes the body, so that nothing after it can bring unsafe markup back.
 */
public final class SanitizeFilter implements ItemFilter {
    private final HtmlSanitizer sanitizer;

    public SanitizeFilter(HtmlSanitizer sanitizer) {
        this.sanitizer = sanitizer;
    }

    @Override
    public NewsItem apply(NewsItem item) {
        if (item.bodyHtml() == null) return item;
        NewsItem.Builder b = item.toBuilder();
        // Parsers have made relative URLs absolute where the format gave a base (xml:base, the feed's link);
        // what is still relative has nothing to resolve against and is dropped, as it always was.
        b.bodyHtml = sanitizer.sanitize(item.bodyHtml());
        return b.build();
    }
}
