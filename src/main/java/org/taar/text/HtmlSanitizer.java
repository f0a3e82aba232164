package org.taar.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The one HTML sanitizer: the only place that decides which tags, attributes and URL schemes a body may keep.
 * Parsers only convert their format's markup to HTML; the normalize stage runs this once on every body.
 *
 * <p>Reduces untrusted body HTML to an allowlisted sequence of block elements, and converts to and from plain text.
 * Every step touches each node a bounded number of times, so a hostile body costs time linear in its size: child
 * lists are rebuilt once per parent ({@link HtmlTrees}), never edited one sibling at a time.
 */
public final class HtmlSanitizer {
    // Compiled once, for every text node of every story (String.replaceAll compiles per call).
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    // Parsed once: a CSS query given as a string is parsed again on every call. Only plain tag and
    // attribute queries are kept so: they hold no state, so threads can share them.
    private static final Evaluator TEXT_BLOCKS = QueryParser.parse("p, h2, h3, h4, li, figcaption, blockquote");
    private static final Evaluator PARAGRAPHS_AND_HEADINGS = QueryParser.parse("p, h2, h3, h4");
    private static final Evaluator IMAGES = QueryParser.parse("img");
    private static final Evaluator ADDRESSED = QueryParser.parse("a[href], img[src]");

    private static final Set<String> BLOCKS = Set.of("p", "blockquote", "ul", "ol", "h2", "h3", "h4", "figure", "table");
    // Their content is code, embedded documents or form controls, never story text, so they go whole.
    private static final String DROPPED = "script, style, iframe, frame, frameset, embed, template, svg, math, "
            + "button, select, option, textarea, input, head, title";
    // Containers the allowlist lacks; each becomes a paragraph unless it holds blocks itself. A form,
    // a noscript or an object's fallback holds what a reader sees (CMSs wrap whole stories in forms,
    // lazy-loading pages put the real <img> in <noscript>), so they are kept as containers too.
    private static final String CONTAINERS = "div, section, article, header, footer, main, aside, center, dd, dt, "
            + "form, fieldset, noscript, object, applet, details, summary, address";
    // Where lazy-loading pages put a picture's real address while src holds a placeholder or nothing.
    private static final List<String> LAZY_SOURCES = List.of("data-src", "data-original", "data-lazy-src",
            "data-url", "data-hi-res-src", "data-srcset", "srcset");

    private static final String PARAGRAPH_HOLDERS = "blockquote, li, td, th, figure";

    // Parsed once: parsing a selector for each element is most of the work of a body with many elements.
    private static final Evaluator IS_DROPPED = QueryParser.parse(DROPPED);

    /**
     * A selector for the elements whose content is never story text (scripts, styles, frames, forms...): the
     * sanitizer drops them whole, and a parser that reads text from a body before it is sanitized skips them.
     */
    public static final String NOT_STORY_TEXT = DROPPED;
    private static final Evaluator IS_CONTAINER = QueryParser.parse(CONTAINERS);
    private static final Evaluator MAY_HOLD_PARAGRAPH = QueryParser.parse(CONTAINERS + ", " + PARAGRAPH_HOLDERS);
    private static final Evaluator IS_TEXT_BLOCK = QueryParser.parse("li, tr, figcaption, h1, h5, h6, div");
    private static final Evaluator IS_NESTED_BLOCK = QueryParser.parse("li, tr, figcaption, div, thead, tbody, td, th");
    private static final Evaluator IS_SECTION = QueryParser.parse("thead, tbody");
    private static final Evaluator IS_CELL = QueryParser.parse("td, th");

    private final Safelist safelist = new Safelist()
            .addTags("p", "br", "b", "strong", "i", "em", "u", "blockquote", "ul", "ol", "li", "h2", "h3", "h4",
                    "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tr", "td", "th", "q", "cite",
                    "sub", "sup")
            .addAttributes("a", "href")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener")
            .addAttributes("img", "src", "alt", "width", "height")
            .addProtocols("img", "src", "http", "https");

    /** Sanitizes a body fragment; relative links are dropped because there is nothing to resolve them against. */
    public String sanitize(String html) {
        return sanitize(html, "");
    }

    /** Sanitizes a body fragment, resolving relative links and images against the item's own address. */
    public String sanitize(String html, String baseUri) {
        if (html == null) return null;
        Document dirty = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        lazySources(dirty.body());
        prepare(dirty.body());
        dropForeignSchemes(dirty.body());
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        Element body = clean.body();
        HtmlTrees.unwrapAll(body.select("a:not([href])"));
        HtmlTrees.removeAll(body.select("img:not([src])"));
        secureImages(body);
        stripControls(body);
        wrapLooseInline(body);
        body.select(TEXT_BLOCKS).forEach(HtmlSanitizer::trimBreaks);
        List<Element> empty = new ArrayList<>();
        for (Element p : body.select(PARAGRAPHS_AND_HEADINGS)) {
            if (isEmpty(p)) empty.add(p);
        }
        HtmlTrees.removeAll(empty);
        return body.html();
    }

    /** Turns plain wire text into paragraphs: blank lines separate them, or single newlines when there are no blank lines. */
    public String fromPlainText(String text) {
        if (text == null) return null;
        String t = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (t.isEmpty()) return "";
        String[] paragraphs = t.matches("(?s).*\\n[ \\t\\u00A0]*\\n.*") ? t.split("\\n[ \\t\\u00A0]*(\\n[ \\t\\u00A0]*)+")
                : t.split("\\n");
        StringBuilder out = new StringBuilder();
        for (String p : paragraphs) {
            String joined = p.strip().replaceAll("\\s*\\n\\s*", " ").replaceAll("[ \\t]+", " ");
            if (!joined.isEmpty()) out.append("<p>").append(HtmlEscape.escape(joined)).append("</p>");
        }
        return out.toString();
    }

    /** The text of each paragraph-like block, joined by blank lines. */
    public String toPlainText(String html) {
        if (html == null) return null;
        List<String> paragraphs = new ArrayList<>();
        collectText(Jsoup.parseBodyFragment(html).body(), paragraphs);
        return String.join("\n\n", paragraphs);
    }

    /**
     * Drops code and embedded documents, maps headings to the allowed levels, and turns each container into a
     * paragraph or unwraps it. Innermost first, so that a container holding only text becomes a paragraph before
     * its parent is judged: elements are judged in reverse document order (every descendant before its ancestor).
     * Unwrapping is only noted then and done at the end, each node moving once to its nearest kept ancestor:
     * unwrapping level by level would move the same nodes once per level of a deep nest.
     */
    private static void prepare(Element body) {
        List<Element> all = body.getAllElements();
        Set<Element> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Element> unwrapped = Collections.newSetFromMap(new IdentityHashMap<>());
        // Whether an element holds a block once what it holds is unwrapped.
        Set<Element> holdsBlocks = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = all.size() - 1; i > 0; i--) {
            Element e = all.get(i);
            if (e.is(IS_DROPPED)) {
                dropped.add(e);
                continue;
            }
            String name = e.normalName();
            if (name.equals("h1")) e.tagName("h2");
            else if (name.equals("h5") || name.equals("h6")) e.tagName("h4");
            for (Element c : e.children()) {
                if (dropped.contains(c)) continue;
                if (unwrapped.contains(c) ? holdsBlocks.contains(c) : BLOCKS.contains(c.normalName())) {
                    holdsBlocks.add(e);
                    break;
                }
            }
            if (!e.is(IS_CONTAINER)) continue;
            Element parent = e.parent();
            boolean mayHoldParagraph = parent == null || parent == body || parent.is(MAY_HOLD_PARAGRAPH);
            if (holdsBlocks.contains(e) || !mayHoldParagraph) unwrapped.add(e);
            else e.tagName("p");
        }
        if (dropped.isEmpty() && unwrapped.isEmpty()) return;
        for (Element e : all) {
            if (!dropped.contains(e) && !unwrapped.contains(e)) flatten(e, dropped, unwrapped);
        }
    }

    /** Rebuilds the element's child list with dropped children left out and unwrapped ones replaced by their content. */
    private static void flatten(Element parent, Set<Element> dropped, Set<Element> unwrapped) {
        boolean changed = false;
        for (int i = 0; i < parent.childNodeSize() && !changed; i++) {
            Node n = parent.childNode(i);
            changed = n instanceof Element c && (dropped.contains(c) || unwrapped.contains(c));
        }
        if (!changed) return;
        List<Node> out = new ArrayList<>(parent.childNodeSize());
        List<Element> emptied = new ArrayList<>();
        Deque<Iterator<Node>> open = new ArrayDeque<>();
        open.push(parent.childNodes().iterator());
        while (!open.isEmpty()) {
            Iterator<Node> it = open.peek();
            if (!it.hasNext()) {
                open.pop();
                continue;
            }
            Node n = it.next();
            if (n instanceof Element c && dropped.contains(c)) continue;
            if (n instanceof Element c && unwrapped.contains(c)) {
                open.push(c.childNodes().iterator());
                emptied.add(c);
                continue;
            }
            out.add(n);
        }
        for (Element c : emptied) c.empty();
        HtmlTrees.setChildren(parent, out);
    }

    /**
     * A picture whose src is missing, empty or a data: placeholder gets the address a lazy-loading
     * page keeps elsewhere (data-src, data-original, srcset...), so an image-only body keeps its image.
     */
    public static void lazySources(Element root) {
        for (Element img : root.select(IMAGES)) {
            String src = img.attr("src").strip();
            if (!src.isEmpty() && !"data".equals(UrlScheme.of(src))) continue;
            for (String key : LAZY_SOURCES) {
                String v = img.attr(key).strip();
                if (key.endsWith("srcset")) v = v.split("[\\s,]+", 2)[0];
                if (!v.isEmpty() && !"data".equals(UrlScheme.of(v))) {
                    img.attr("src", v);
                    break;
                }
            }
        }
    }

    /**
     * Links and pictures with a scheme the allowlist refuses lose it here, before the cleaner: it resolves every
     * URL before looking at the scheme, and resolving an unknown scheme searches the class path for a handler,
     * a millisecond or so for each of a body's thousands of {@code javascript:} links.
     */
    private static void dropForeignSchemes(Element body) {
        for (Element e : body.select(ADDRESSED)) {
            boolean link = e.normalName().equals("a");
            String key = link ? "href" : "src";
            String scheme = UrlScheme.of(e.attr(key));
            if (scheme == null) continue;
            if (!(scheme.equals("http") || scheme.equals("https") || link && scheme.equals("mailto"))) e.removeAttr(key);
        }
    }

    /**
     * Story pictures are still fetched from the agency's hosts: over https, so that an https page has no mixed
     * content, without the reader's page address as referrer, and only when scrolled to. The attributes are the
     * sanitizer's own; the allowlist keeps any from the input out.
     */
    public static void secureImages(Element root) {
        for (Element img : root.select(IMAGES)) {
            String src = img.attr("src");
            if (src.regionMatches(true, 0, "http:", 0, 5)) img.attr("src", "https:" + src.substring(5));
            img.attr("referrerpolicy", "no-referrer");
            img.attr("loading", "lazy");
        }
    }

    private static void stripControls(Element body) {
        body.getAllElements().forEach(e -> e.textNodes().forEach(t -> {
            String raw = t.getWholeText();
            String cleaned = CONTROLS.matcher(raw).replaceAll("");
            if (!cleaned.equals(raw)) t.text(cleaned);
        }));
    }

    // A body must be blocks only, so loose text and inline runs at the top level become paragraphs;
    // two or more line breaks in such a run are a paragraph break.
    private static void wrapLooseInline(Element body) {
        List<Node> nodes = new ArrayList<>(body.childNodes());
        // Detached all at once; moving a node that still has a parent would cost the parent's length.
        body.empty();
        List<Node> out = new ArrayList<>(nodes.size());
        List<Node> run = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n instanceof Element e && BLOCKS.contains(e.normalName())) {
                endRun(run, out);
                out.add(n);
            } else if (isBreak(n) && i + 1 < nodes.size() && isBreakAfterBlanks(nodes, i + 1)) {
                endRun(run, out);
                while (i + 1 < nodes.size() && (isBreak(nodes.get(i + 1)) || isBlank(nodes.get(i + 1)))) i++;
            } else {
                run.add(n);
            }
        }
        endRun(run, out);
        body.appendChildren(out);
    }

    /** A run of loose inline nodes becomes one paragraph, unless it is only white space. */
    private static void endRun(List<Node> run, List<Node> out) {
        if (!run.stream().allMatch(HtmlSanitizer::isBlank)) {
            Element p = new Element("p");
            p.appendChildren(run);
            out.add(p);
        }
        run.clear();
    }

    private static boolean isBreakAfterBlanks(List<Node> nodes, int from) {
        for (int i = from; i < nodes.size(); i++) {
            if (isBreak(nodes.get(i))) return true;
            if (!isBlank(nodes.get(i))) return false;
        }
        return false;
    }

    private static boolean isBreak(Node n) {
        return n instanceof Element e && e.normalName().equals("br");
    }

    private static boolean isBlank(Node n) {
        return n instanceof TextNode t && t.getWholeText().replace('\u00A0', ' ').isBlank();
    }

    /** Drops line breaks (and the blanks between them) that open or close a block, all in one step. */
    private static void trimBreaks(Element e) {
        int n = e.childNodeSize();
        int start = 0;
        while (start < n && (isBreak(e.childNode(start))
                || isBlank(e.childNode(start)) && start + 1 < n && isBreak(e.childNode(start + 1)))) {
            start++;
        }
        int end = n;
        while (end > start && isBreak(e.childNode(end - 1))) end--;
        if (start == 0 && end == n) return;
        List<Node> kept = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) kept.add(e.childNode(i));
        HtmlTrees.setChildren(e, kept);
    }

    private static boolean isEmpty(Element p) {
        return p.text().replace('\u00A0', ' ').isBlank() && p.select(IMAGES).isEmpty();
    }

    private static void collectText(Element parent, List<String> out) {
        StringBuilder loose = new StringBuilder();
        for (Node n : parent.childNodes()) {
            if (n instanceof Element e && (BLOCKS.contains(e.normalName()) || e.is(IS_TEXT_BLOCK))) {
                flush(loose, out);
                if (e.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName()) || c.is(IS_NESTED_BLOCK))) {
                    collectText(e, out);
                } else {
                    add(e.text(), out);
                }
            } else if (n instanceof Element e && e.is(IS_SECTION)) {
                flush(loose, out);
                collectText(e, out);
            } else if (n instanceof Element e && e.is(IS_CELL)) {
                loose.append(e.text()).append(' ');
            } else if (n instanceof Element e) {
                loose.append(isBreak(e) ? " " : e.text());
            } else if (n instanceof TextNode t) {
                loose.append(t.text());
            }
        }
        flush(loose, out);
    }

    private static void flush(StringBuilder loose, List<String> out) {
        add(loose.toString(), out);
        loose.setLength(0);
    }

    private static void add(String text, List<String> out) {
        String t = WHITESPACE.matcher(text.replace('\u00A0', ' ')).replaceAll(" ").strip();
        if (!t.isEmpty()) out.add(t);
    }
}
