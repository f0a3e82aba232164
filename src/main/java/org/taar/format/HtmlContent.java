package org.taar.format;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
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
import org.jsoup.parser.Parser;
import org.taar.text.HtmlTrees;
import org.taar.text.UrlScheme;

/**
 * The HTML that feeds carry, made fit for {@code taar parse} output: scripts, frames, plug-ins and
 * event handlers removed, {@code javascript:} and {@code data:} URLs dropped, relative URLs made
 * absolute against the item's base, tracking pixels dropped. The normalize stage still sanitizes
 * by allowlist later; this is the floor every parser's output stands on, whatever comes after.
 */
public final class HtmlContent {
    /** Elements removed with everything inside them. */
    private static final String REMOVED = "script, noscript, iframe, frame, frameset, object, embed, applet, style, "
            + "link, meta, base, template, form, input, button, select, textarea";
    /** Attributes that hold one URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of(
            "href", "src", "poster", "action", "background", "cite", "longdesc", "lowsrc", "dynsrc", "usemap",
            "xlink:href", "data");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel", "ftp");
    /** Hosts and paths of feed trackers: their images are pixels, their links are ad and share counters. */
    private static final List<String> TRACKERS = List.of(
            "feeds.feedburner.com/~r/", "feeds.feedburner.com/~ff/", "feedproxy.google.com/~r/", "pixel.wp.com",
            "stats.wordpress.com", "googleadservices.com", "doubleclick.net", "google-analytics.com",
            "pixel.quantserve.com", "feedsportal.com", "pheedo.com", "feeds.wordpress.com/1.0/");
    private static final Pattern REAL_TAG = Pattern.compile("<(?:[A-Za-z][A-Za-z0-9]*[\\s/>]|/[A-Za-z]|!--)");
    private static final Pattern ESCAPED_TAG = Pattern.compile("&lt;\\s*/?[A-Za-z][A-Za-z0-9]*(?:\\s|&gt;|/)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(?:#\\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);");
    private static final Pattern PIXELS = Pattern.compile("^\\s*(\\d+)(?:\\.\\d*)?\\s*(?:px)?\\s*$");

    private HtmlContent() {}

    /**
     * A feed's HTML as a safe fragment with absolute URLs.
     *
     * @param baseUri what relative URLs are resolved against (xml:base, the item's link, the feed's link); may be null
     * @return the cleaned fragment, or null when nothing is left
     */
    public static String clean(String html, String baseUri) {
        if (html == null || html.isBlank()) return null;
        String base = baseUri == null ? "" : baseUri;
        Document doc = Jsoup.parseBodyFragment(html, base);
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        HtmlTrees.removeAll(body.select(REMOVED));
        for (Element e : body.getAllElements()) {
            if (e == body) continue;
            // One pass over the attributes, removing through the iterator: removing by name would search the
            // attributes again for each one removed, quadratic on an element with hundreds of them.
            for (Iterator<Attribute> it = e.attributes().iterator(); it.hasNext(); ) {
                Attribute a = it.next();
                String k = a.getKey().toLowerCase(Locale.ROOT);
                String value = UrlScheme.compact(a.getValue());
                if (k.startsWith("on") || k.equals("srcdoc") || k.equals("formaction") || k.startsWith("xmlns")
                        || value.contains("javascript:") || value.contains("vbscript:") || value.startsWith("data:")) {
                    // Script URLs are dropped from any attribute, known or not: browsers disagree on which carry URLs.
                    it.remove();
                } else if (k.equals("style")) {
                    if (value.contains("javascript:") || value.contains("expression(") || value.contains("url(")) it.remove();
                } else if (URL_ATTRIBUTES.contains(k)) {
                    String url = safeUrl(a.getValue(), base);
                    if (url == null) it.remove();
                    else a.setValue(url);
                } else if (k.equals("srcset")) {
                    String set = safeSrcset(a.getValue(), base);
                    if (set == null) it.remove();
                    else a.setValue(set);
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
        String out = body.html().strip();
        return out.isEmpty() ? null : out;
    }

    /**
     * The body for text that may be HTML or plain text: HTML is {@linkplain #clean cleaned}, plain
     * text becomes escaped paragraphs. Text escaped twice (literal {@code &lt;p&gt;} after one
     * decoding) is decoded once more first.
     */
    public static String body(String content, String baseUri) {
        if (content == null || content.isBlank()) return null;
        String s = decodeDoubleEscaped(content);
        if (looksLikeHtml(s)) return clean(s, baseUri);
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

    /** The body with the image in a {@code <figure>} at its top, unless the body already shows that image. */
    public static String withLeadImage(String bodyHtml, String imageUrl, String caption) {
        if (imageUrl == null || isTracker(imageUrl)) return bodyHtml;
        if (bodyHtml != null) {
            for (Element img : Jsoup.parseBodyFragment(bodyHtml).select("img[src]")) {
                if (sameImage(img.attr("src"), imageUrl)) return bodyHtml;
            }
        }
        Element figure = new Element("figure");
        Element img = figure.appendElement("img").attr("src", imageUrl);
        String alt = caption == null ? "" : caption;
        img.attr("alt", alt);
        if (caption != null && !caption.isBlank()) figure.appendElement("figcaption").text(caption);
        Document holder = Document.createShell("");
        holder.outputSettings().prettyPrint(false);
        holder.body().appendChild(figure);
        // The caption is the feed's text too: it passes the same cleaning as the body.
        String fig = clean(holder.body().html(), null);
        if (fig == null) return bodyHtml;
        return bodyHtml == null ? fig : fig + bodyHtml;
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

    /** A URL attribute's value made safe: null when it must go, absolute when a base is known. */
    private static String safeUrl(String value, String base) {
        String v = value.strip();
        if (v.isEmpty()) return null;
        String scheme = UrlScheme.of(v);
        if (scheme != null) return SAFE_SCHEMES.contains(scheme) ? v : null;
        if (v.startsWith("#")) return v;
        if (base.isEmpty()) return v;
        String abs = StringUtil.resolve(base, v);
        if (abs.isEmpty()) return v;
        String resolved = UrlScheme.of(abs);
        return resolved != null && SAFE_SCHEMES.contains(resolved) ? abs : null;
    }

    private static String safeSrcset(String value, String base) {
        List<String> out = new ArrayList<>();
        for (String candidate : value.split(",")) {
            String c = candidate.strip();
            if (c.isEmpty()) continue;
            String[] parts = c.split("\\s+", 2);
            String url = safeUrl(parts[0], base);
            if (url == null) continue;
            out.add(parts.length > 1 ? url + " " + parts[1] : url);
        }
        return out.isEmpty() ? null : String.join(", ", out);
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
