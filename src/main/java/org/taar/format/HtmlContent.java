package org.taar.format;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.taar.text.HtmlSanitizer;
import org.taar.text.HtmlTrees;
import org.taar.text.UrlScheme;

/**
 * The HTML that feeds carry, made ready for the normalize stage: relative URLs made absolute against
 * the item's base (xml:base, the item's link, the feed's link: only the feed parser knows which), tracking
 * pixels and counters dropped. This is no sanitizer: which tags, attributes and URL schemes a body may keep
 * is decided once, by {@link HtmlSanitizer} in the normalize stage, which every item passes before it is
 * printed by {@code taar parse} or stored.
 */
public final class HtmlContent {
    /** Attributes that hold one URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href", "src", "poster", "action", "background", "cite", "longdesc", "lowsrc", "dynsrc", "usemap",
            "xlink:href", "data");
    /** Hosts and paths of feed trackers: their images are pixels, their links are ad and share counters. */
    private static final List<String> TRACKERS = List.of(
            "feeds.feedburner.com/~r/", "feeds.feedburner.com/~ff/", "feedproxy.google.com/~r/", "pixel.wp.com",
            "stats.wordpress.com", "googleadservices.com", "doubleclick.net", "google-analytics.com",
            "pixel.quantserve.com", "feedsportal.com", "pheedo.com", "feeds.wordpress.com/1.0/");
    /** Elements that hold nothing a reader sees: a body of only these (and white space) is no body. */
    private static final Evaluator NOTHING_TO_READ = QueryParser.parse(HtmlSanitizer.NOT_STORY_TEXT + ", link, meta, base");
    private static final Evaluator NOT_STORY_TEXT = QueryParser.parse(HtmlSanitizer.NOT_STORY_TEXT);
    private static final Evaluator KEPT_FOR_CONTENT = QueryParser.parse("form, fieldset, noscript, object, applet");
    private static final Pattern REAL_TAG = Pattern.compile("<(?:[A-Za-z][A-Za-z0-9]*[\\s/>]|/[A-Za-z]|!--)");
    private static final Pattern ESCAPED_TAG = Pattern.compile("&lt;\\s*/?[A-Za-z][A-Za-z0-9]*(?:\\s|&gt;|/)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(?:#\\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);");
    private static final Pattern PIXELS = Pattern.compile("^\\s*(\\d+)(?:\\.\\d*)?\\s*(?:px)?\\s*$");

    private HtmlContent() {}

    /**
     * A feed's HTML with absolute URLs and without trackers, still to be sanitized.
     *
     * @param baseUri what relative URLs are resolved against (xml:base, the item's link, the feed's link); may be null
     * @return the fragment, or null when it holds nothing a reader would see
     */
    public static String tidy(String html, String baseUri) {
        if (html == null || html.isBlank()) return null;
        String base = baseUri == null ? "" : baseUri;
        Document doc = Jsoup.parseBodyFragment(html, base);
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        HtmlSanitizer.lazySources(body);
        if (!base.isEmpty()) {
            for (Element e : body.getAllElements()) {
                if (e == body || e.attributesSize() == 0) continue;
                for (Attribute a : e.attributes()) {
                    String k = a.getKey().toLowerCase(Locale.ROOT);
                    if (URL_ATTRIBUTES.contains(k)) a.setValue(resolve(a.getValue(), base));
                    else if (k.equals("srcset")) a.setValue(resolveSrcset(a.getValue(), base));
                }
            }
        }
        List<Element> pixels = new ArrayList<>();
        for (Element img : body.select("img")) {
            if (isTrackingPixel(img) || img.attr("src").isBlank()) pixels.add(img);
        }
        HtmlTrees.removeAll(pixels);
        // After the pixels, so that a tracker's link around its pixel is seen empty.
        List<Element> counters = new ArrayList<>();
        for (Element a : body.select("a")) {
            if (isTracker(a.attr("href")) && a.text().isBlank() && a.select("img").isEmpty()) counters.add(a);
        }
        HtmlTrees.removeAll(counters);
        return nothingToRead(body) ? null : body.html().strip();
    }

    /** The text a reader would see in a body not yet sanitized: scripts, styles, forms and the like hold none. */
    public static String storyText(String html) {
        if (html == null) return null;
        Element body = Jsoup.parseBodyFragment(html).body();
        HtmlTrees.removeAll(body.select(NOT_STORY_TEXT));
        return Text.blankToNull(body.text().replaceAll("[\\s\\u00A0]+", " "));
    }

    /**
     * The body for text that may be HTML or plain text: HTML is {@linkplain #tidy tidied}, plain
     * text becomes escaped paragraphs. Text escaped twice (literal {@code &lt;p&gt;} after one
     * decoding) is decoded once more first.
     */
    public static String body(String content, String baseUri) {
        if (content == null || content.isBlank()) return null;
        String s = decodeDoubleEscaped(content);
        if (looksLikeHtml(s)) return tidy(s, baseUri);
        return Text.paragraphs(ENTITY.matcher(s).find() ? Parser.unescapeEntities(s, false) : s);
    }

    /** Whether the text has real markup (a tag or comment), as opposed to plain text. */
    public static boolean looksLikeHtml(String s) {
        return s != null && REAL_TAG.matcher(s).find();
    }

    /**
     * Text whose markup was escaped twice shows {@code &lt;p&gt;} after the XML parser's decoding:
     * when it has such escaped tags and no real ones, it is decoded once more.
     */
    public static String decodeDoubleEscaped(String s) {
        if (s == null || looksLikeHtml(s) || !ESCAPED_TAG.matcher(s).find()) return s;
        return Parser.unescapeEntities(s, false);
    }

    /** Plain text of a title or summary that may hold markup or entities, whitespace collapsed. */
    public static String text(String htmlOrText) {
        if (htmlOrText == null) return null;
        String s = decodeDoubleEscaped(htmlOrText);
        if (s.indexOf('<') >= 0 || s.indexOf('&') >= 0) s = Jsoup.parseBodyFragment(s).body().text();
        return Text.blankToNull(s.replaceAll("[\\s\\u00A0]+", " "));
    }

    /** The first {@code maxChars} characters of plain text, cut at a word and marked with an ellipsis. */
    public static String excerpt(String text, int maxChars) {
        if (text == null) return null;
        String t = text.strip();
        if (t.length() <= maxChars) return Text.blankToNull(t);
        int cut = t.lastIndexOf(' ', maxChars);
        if (cut < maxChars / 2) cut = maxChars;
        // Never split a surrogate pair or a base letter from its combining marks (matras, nukta).
        while (cut > 0 && cut < t.length() && (Character.isLowSurrogate(t.charAt(cut))
                || Character.getType(t.charAt(cut)) == Character.NON_SPACING_MARK
                || Character.getType(t.charAt(cut)) == Character.COMBINING_SPACING_MARK)) {
            cut--;
        }
        return t.substring(0, cut).strip() + "…";
    }

    /** The first {@code n} words of plain text, with an ellipsis when there were more. */
    public static String firstWords(String text, int n) {
        if (text == null) return null;
        String[] words = text.strip().split("\\s+");
        if (words.length <= n) return Text.blankToNull(text.strip());
        return String.join(" ", List.of(words).subList(0, n)) + "…";
    }

    /**
     * Whether the body's own HTML already shows this picture (the same address, perhaps with another
     * query string): a feed that names its lead picture as media often has it in the body too, and a
     * page that shows the lead picture as a figure of its own would then show it twice.
     */
    public static boolean showsPicture(String bodyHtml, String pictureUrl) {
        if (bodyHtml == null || pictureUrl == null) return false;
        for (Element img : Jsoup.parseBodyFragment(bodyHtml).select("img[src]")) {
            if (sameImage(img.attr("src"), pictureUrl)) return true;
        }
        return false;
    }

    /**
     * An absolute http(s) URL in ASCII (non-ASCII and spaces percent-encoded), resolved against the
     * base when relative; null for anything else (javascript:, data:, unresolvable, other schemes).
     */
    public static String absoluteUrl(String base, String href) {
        if (href == null) return null;
        String h = href.strip();
        if (h.isEmpty()) return null;
        String resolved;
        if (UrlScheme.of(h) != null) {
            resolved = h;
        } else {
            if (base == null || base.isBlank()) return null;
            resolved = StringUtil.resolve(base.strip(), h);
            if (resolved.isEmpty()) return null;
        }
        String ascii = toAsciiUri(resolved);
        if (ascii == null) return null;
        try {
            URI u = new URI(ascii);
            String scheme = u.getScheme();
            if (scheme == null || u.getHost() == null) return null;
            scheme = scheme.toLowerCase(Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? ascii : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Resolves a base against an outer one (nested xml:base); the outer one when the inner is absent. */
    public static String resolveBase(String outer, String inner) {
        if (inner == null || inner.isBlank()) return outer;
        String abs = absoluteUrl(outer, inner);
        return abs != null ? abs : outer;
    }

    static boolean isTracker(String url) {
        if (url == null) return false;
        String u = url.toLowerCase(Locale.ROOT);
        for (String t : TRACKERS) {
            if (u.contains(t)) return true;
        }
        return false;
    }

    private static boolean isTrackingPixel(Element img) {
        if (isTracker(img.attr("src"))) return true;
        Integer w = pixels(img.attr("width"));
        Integer h = pixels(img.attr("height"));
        return (w != null && w <= 1) || (h != null && h <= 1);
    }

    private static Integer pixels(String v) {
        Matcher m = PIXELS.matcher(v);
        if (!m.matches()) return null;
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean sameImage(String a, String b) {
        return a.equals(b) || stripQuery(a).equals(stripQuery(b));
    }

    private static String stripQuery(String u) {
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }

    /**
     * A relative URL resolved against the base; anything else as it was. Whether its scheme is allowed is for
     * the sanitizer to say, not for the parser.
     */
    private static String resolve(String value, String base) {
        String v = value.strip();
        if (v.isEmpty() || v.startsWith("#") || UrlScheme.of(v) != null) return value;
        String abs = StringUtil.resolve(base, v);
        return abs.isEmpty() ? value : abs;
    }

    private static String resolveSrcset(String value, String base) {
        List<String> out = new ArrayList<>();
        for (String candidate : value.split(",")) {
            String c = candidate.strip();
            if (c.isEmpty()) continue;
            String[] parts = c.split("\\s+", 2);
            String url = resolve(parts[0], base);
            out.add(parts.length > 1 ? url + " " + parts[1] : url);
        }
        return String.join(", ", out);
    }

    /** Whether the body holds only white space and elements without anything to read, at its top level. */
    private static boolean nothingToRead(Element body) {
        for (Node n : body.childNodes()) {
            if (n instanceof TextNode t && t.isBlank()) continue;
            if (n instanceof Element e && e.is(NOTHING_TO_READ)) continue;
            // A form or fallback container is kept for what it holds: only a button and inputs is nothing.
            if (n instanceof Element e && e.is(KEPT_FOR_CONTENT) && e != body && nothingToRead(e)) continue;
            return false;
        }
        return true;
    }

    /** Percent-encodes what java.net.URI refuses (non-ASCII, spaces, a few ASCII symbols, stray '%'). */
    private static String toAsciiUri(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '%' && i + 2 < t.length() && isHex(t.charAt(i + 1)) && isHex(t.charAt(i + 2))) {
                b.append(c);
            } else if (c == '%') {
                b.append("%25");
            } else if (c <= ' ' || c >= 0x7F || "\"<>\\^`{|}".indexOf(c) >= 0) {
                if (c < ' ' || c == 0x7F) continue;
                int cp = t.codePointAt(i);
                if (Character.charCount(cp) == 2) i++;
                for (byte x : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    b.append('%').append(String.format("%02X", x & 0xFF));
                }
            } else {
                b.append(c);
            }
        }
        // A second '#' is not allowed by java.net.URI; encode all but the first.
        int hash = b.indexOf("#");
        if (hash >= 0) {
            for (int i = b.indexOf("#", hash + 1); i >= 0; i = b.indexOf("#", i + 3)) b.replace(i, i + 1, "%23");
        }
        return b.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
