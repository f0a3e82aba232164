package org.taar.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/** Reduces untrusted body HTML to an allowlisted sequence of block elements, and converts to and from plain text. */
public final class HtmlSanitizer {

    private static final Set<String> BLOCKS = Set.of("p", "blockquote", "ul", "ol", "h2", "h3", "h4", "figure", "table");
    // Their content is code or embedded documents, never story text, so they go whole.
    private static final String DROPPED = "script, style, iframe, frame, frameset, object, embed, applet, noscript, "
            + "template, svg, math, form, button, select, textarea, input, head, title";
    // Containers the allowlist lacks; each becomes a paragraph unless it holds blocks itself.
    private static final String CONTAINERS = "div, section, article, header, footer, main, aside, center, dd, dt";

    private static final String PARAGRAPH_HOLDERS = "blockquote, li, td, th, figure";

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
        prepare(dirty.body());
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        Element body = clean.body();
        body.select("a:not([href])").unwrap();
        body.select("img:not([src])").remove();
        stripControls(body);
        wrapLooseInline(body);
        body.select("p, h2, h3, h4, li, figcaption, blockquote").forEach(HtmlSanitizer::trimBreaks);
        for (Element p : body.select("p, h2, h3, h4")) {
            if (isEmpty(p)) p.remove();
        }
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
            if (!joined.isEmpty()) out.append("<p>").append(escape(joined)).append("</p>");
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

    private static void prepare(Element body) {
        body.select(DROPPED).remove();
        body.select("h1").tagName("h2");
        body.select("h5, h6").tagName("h4");
        // Innermost first, so that a container holding only text becomes a paragraph before its parent is judged.
        List<Element> containers = new ArrayList<>(body.select(CONTAINERS));
        for (int i = containers.size() - 1; i >= 0; i--) {
            Element c = containers.get(i);
            boolean holdsBlocks = c.children().stream().anyMatch(e -> BLOCKS.contains(e.normalName()));
            Element parent = c.parent();
            boolean mayHoldParagraph = parent == null || parent == body || parent.is(CONTAINERS + ", " + PARAGRAPH_HOLDERS);
            if (holdsBlocks || !mayHoldParagraph) {
                c.unwrap();
            } else {
                c.tagName("p");
            }
        }
    }

    private static void stripControls(Element body) {
        body.getAllElements().forEach(e -> e.textNodes().forEach(t -> {
            String raw = t.getWholeText();
            String cleaned = raw.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]", "");
            if (!cleaned.equals(raw)) t.text(cleaned);
        }));
    }

    // A body must be blocks only, so loose text and inline runs at the top level become paragraphs;
    // two or more line breaks in such a run are a paragraph break.
    private static void wrapLooseInline(Element body) {
        List<Node> nodes = new ArrayList<>(body.childNodes());
        List<List<Node>> runs = new ArrayList<>();
        List<Node> run = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n instanceof Element e && BLOCKS.contains(e.normalName())) {
                runs.add(run);
                run = new ArrayList<>();
            } else if (isBreak(n) && i + 1 < nodes.size() && isBreakAfterBlanks(nodes, i + 1)) {
                runs.add(run);
                run = new ArrayList<>();
                while (i + 1 < nodes.size() && (isBreak(nodes.get(i + 1)) || isBlank(nodes.get(i + 1)))) {
                    nodes.get(++i).remove();
                }
                n.remove();
            } else {
                run.add(n);
            }
        }
        runs.add(run);
        for (List<Node> r : runs) {
            if (r.stream().allMatch(HtmlSanitizer::isBlank)) {
                r.forEach(Node::remove);
                continue;
            }
            Element p = new Element("p");
            r.get(0).before(p);
            for (Node n : r) p.appendChild(n);
        }
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

    private static void trimBreaks(Element e) {
        while (e.childNodeSize() > 0 && (isBreak(e.childNode(0)) || isBlank(e.childNode(0)) && e.childNodeSize() > 1
                && isBreak(e.childNode(1)))) {
            e.childNode(0).remove();
        }
        while (e.childNodeSize() > 0 && isBreak(e.childNode(e.childNodeSize() - 1))) {
            e.childNode(e.childNodeSize() - 1).remove();
        }
    }

    private static boolean isEmpty(Element p) {
        return p.text().replace('\u00A0', ' ').isBlank() && p.select("img").isEmpty();
    }

    private static void collectText(Element parent, List<String> out) {
        StringBuilder loose = new StringBuilder();
        for (Node n : parent.childNodes()) {
            if (n instanceof Element e && (BLOCKS.contains(e.normalName()) || e.is("li, tr, figcaption, h1, h5, h6, div"))) {
                flush(loose, out);
                if (e.children().stream().anyMatch(c -> BLOCKS.contains(c.normalName())
                        || c.is("li, tr, figcaption, div, thead, tbody, td, th"))) {
                    collectText(e, out);
                } else {
                    add(e.text(), out);
                }
            } else if (n instanceof Element e && e.is("thead, tbody")) {
                flush(loose, out);
                collectText(e, out);
            } else if (n instanceof Element e && e.is("td, th")) {
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
        String t = text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
        if (!t.isEmpty()) out.add(t);
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
