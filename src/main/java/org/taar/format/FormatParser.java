package org.taar.format;

import java.util.List;
import java.util.function.Consumer;
import org.taar.item.NewsItem;

/** Reads one wire format into news items. Implementations are stateless and thread-safe. */
public interface FormatParser {
    /** The format's name as {@code taar parse --format} and the JSON output spell it. */
    String name();

    /** Whether these bytes look like this format (content sniffing, never the file name). */
    boolean accepts(byte[] content);

    /** @param defaults context for items that lack identity: the source name, used to derive a uri */
    ParseResult parse(byte[] content, ParseContext defaults) throws ParseException;

    /**
     * Hands each item to {@code sink} as soon as it is read, so that memory does not grow with
     * the number of items; the result carries the warnings and no items. Parsers of formats that
     * hold one or a few items read them all first, which is what this default does.
     */
    default ParseResult parse(byte[] content, ParseContext defaults, Consumer<NewsItem> sink) throws ParseException {
        ParseResult r = parse(content, defaults);
        r.items().forEach(sink);
        return new ParseResult(r.format(), List.of(), r.warnings());
    }
}
