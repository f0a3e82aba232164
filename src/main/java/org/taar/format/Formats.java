package org.taar.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.item.NewsItem;

/**
 * The known formats and the choice between them: by name when the caller knows the format,
 * otherwise by content sniffing, asking the most specific parser first.
 */
public final class Formats {
    public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first element name after any declaration, comments, processing instructions and doctype. */
    private static final Pattern XML_ROOT = Pattern.compile(
            "\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>\\[]*(?:\\[.*?\\])?\\s*>)*<([A-Za-z_][\\w.:-]*)", Pattern.DOTALL);

    private final List<FormatParser> parsers;
    private final long maxBytes;

    public Formats(List<FormatParser> parsers) {
        this(parsers, DEFAULT_MAX_BYTES);
    }

    /** @param maxBytes larger deliveries are refused before any parser sees them */
    public Formats(List<FormatParser> parsers, long maxBytes) {
        if (maxBytes <= 0) throw new IllegalArgumentException("maxBytes must be positive");
        this.parsers = List.copyOf(parsers);
        this.maxBytes = maxBytes;
    }

    /** Every format Taar reads today; wiretext comes last because almost any text is wiretext. */
    public static Formats standard() {
        return standard(DEFAULT_MAX_BYTES);
    }

    /** Every parser Taar has, most specific first, with the given cap on a delivery's size. */
    public static Formats standard(long maxBytes) {
        // JSON Feed and ninjs, and the XML formats, sniff disjoint signatures; ANPA 1312 comes before
        // IPTC 7901 (both framed by SOH/STX, ANPA adds its keyword line); wiretext takes almost any text.
        // E-mail before the agency formats: a header block of mail fields is no ANPA or 7901 framing, but a
        // mailed ANPA story would otherwise be claimed by its BC- line.
        return new Formats(List.of(new JsonFeedParser(), new NinjsParser(), new NewsmlG2Parser(), new NewsmlParser(),
                new NitfParser(), new AtomParser(), new WxrParser(), new RssParser(), new EmailParser(), new Anpa1312Parser(), new Iptc7901Parser(),
                new WireTextParser()), maxBytes);
    }

    public List<String> names() {
        return parsers.stream().map(FormatParser::name).toList();
    }

    /**
     * @param formatHint a format name ({@code taar parse --format}), or null to sniff the content
     * @throws IllegalArgumentException when the hint names no known format
     */
    public ParseResult parse(byte[] content, String formatHint, ParseContext ctx) throws ParseException {
        List<NewsItem> items = new ArrayList<>();
        ParseResult r = parse(content, formatHint, ctx, items::add);
        return new ParseResult(r.format(), items, r.warnings());
    }

    /** As {@link #parse(byte[], String, ParseContext)}, handing items to {@code sink} as they are read. */
    public ParseResult parse(byte[] content, String formatHint, ParseContext ctx, Consumer<NewsItem> sink)
            throws ParseException {
        if (content.length > maxBytes) {
            throw new ParseException("file too large (" + content.length + " bytes, limit " + maxBytes + ")");
        }
        if (Text.firstNonSpace(content) < 0) throw new ParseException("empty file");
        if (formatHint != null) return parser(formatHint).parse(content, ctx, sink);
        for (FormatParser p : parsers) {
            if (p.accepts(content)) return p.parse(content, ctx, sink);
        }
        throw new ParseException("unknown format: " + describe(content));
    }

    public FormatParser parser(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (FormatParser p : parsers) {
            if (p.name().equals(wanted)) return p;
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    /** A few words on what unrecognised bytes look like, so an operator knows where to look. */
    static String describe(byte[] b) {
        if (startsWith(b, 0x1F, 0x8B)) return "gzip-compressed data";
        if (startsWith(b, 'P', 'K', 3, 4)) return "ZIP archive";
        if (startsWith(b, '%', 'P', 'D', 'F')) return "PDF document";
        if (Text.containsNul(b) && !startsWithUtf16Bom(b)) return "binary data";
        int first = Text.firstNonSpace(b);
        if (b[first] == '<') {
            // Markup first: XML declares its own encoding, so a non-UTF-8 feed is still "XML".
            String head = new String(b, first, Math.min(b.length - first, 64 * 1024), StandardCharsets.ISO_8859_1);
            Matcher m = XML_ROOT.matcher(head);
            if (!m.find()) return "markup that is not well-formed XML";
            String root = m.group(1);
            if (root.equalsIgnoreCase("html")) return "an HTML page";
            if (root.equalsIgnoreCase("opml")) return "an OPML subscription list, not a feed";
            return "XML with root <" + root + ">, which no parser reads";
        }
        if (startsWithUtf16Bom(b)) return "UTF-16 text (convert it to UTF-8)";
        long badUtf8 = Text.invalidUtf8Offset(b);
        if (badUtf8 >= 0 && controlShare(b) > 0.1) return "binary data";
        if (badUtf8 >= 0) {
            return "text that is not UTF-8 (invalid byte at offset " + badUtf8 + "; legacy encoding?)";
        }
        byte c = b[first];
        if (c == '{' || c == '[') return describeJson(b);
        return "text";
    }

    private static String describeJson(byte[] b) {
        JsonNode root;
        try {
            root = JSON.readTree(b);
        } catch (IOException e) {
            return "broken JSON";
        }
        JsonNode first = root.isArray() && root.size() > 0 ? root.get(0) : root;
        if (first == null || !first.isObject()) return "JSON " + (root.isArray() ? "array" : "value") + " without objects";
        List<String> keys = new ArrayList<>();
        Iterator<String> names = first.fieldNames();
        while (names.hasNext() && keys.size() < 8) keys.add(names.next());
        return "JSON that is neither ninjs nor JSON Feed (keys: " + String.join(", ", keys) + (names.hasNext() ? ", ..." : "") + ")";
    }

    private static boolean startsWithUtf16Bom(byte[] b) {
        return startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != (prefix[i] & 0xFF)) return false;
        }
        return true;
    }

    /** Share of ASCII control bytes other than tab, CR, LF and form feed in the first 4 KB. */
    private static double controlShare(byte[] b) {
        int n = Math.min(b.length, 4096);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' && c != '\f') control++;
        }
        return n == 0 ? 0 : (double) control / n;
    }
}
