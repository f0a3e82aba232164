package org.taar.format;

/** Reads one wire format into news items. Implementations are stateless and thread-safe. */
public interface FormatParser {
    /** The format's name as {@code taar parse --format} and the JSON output spell it. */
    String name();

    /** Whether these bytes look like this format (content sniffing, never the file name). */
    boolean accepts(byte[] content);

    /** @param defaults context for items that lack identity: the source name, used to derive a uri */
    ParseResult parse(byte[] content, ParseContext defaults) throws ParseException;
}
