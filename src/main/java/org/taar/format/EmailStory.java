package org.taar.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;
import org.taar.item.NewsItem;
import org.taar.text.DatelineParser;

/**
 * A mail's text read as wire copy. Stringers and agencies paste a story into a mail as they would
 * file it: a headline line, then the story opening with its dateline; or Taar's wiretext header
 * block. The text is read by {@link WireTextParser}, and its first line is taken as the headline
 * when it reads as one: followed by a dateline, or repeating the subject, or under a subject that
 * says nothing ("story", "IANS copy"). Otherwise the subject is the headline and every line is text.
 */
final class EmailStory {
    private static final int MAX_HEADLINE = 200;
    private static final Pattern GREETING = Pattern.compile(
            "^(?:dear|hi|hello|sir|madam|respected|namaste|greetings|pfa|please|kindly|नमस्ते|नमस्कार|प्रिय|आदरणीय|महोदय|सर|कृपया)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
    /** Two sentences: a line with a full stop (or danda) inside it is text, not a headline. */
    private static final Pattern SENTENCE_INSIDE = Pattern.compile("[.।?!]\\s+\\S");
    private static final Pattern WIRE_ID = Pattern.compile("^(?i:uri|id)[ \\t]*:.*");
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "blockquote",
            "pre", "table", "ul", "ol", "section", "article", "header", "footer", "dd", "dt");

    /**
     * @param headline the headline read, or null when neither the text nor the subject gives one
     * @param bodyHtml the body as HTML, to be sanitized by the normalize stage; null when there is no text
     * @param wire what the wiretext header block in the text said, when there was one
     * @param wireId whether that block named the story's id
     * @param subjectAside the subject, when the text's own headline was taken instead of it
     * @param guessed the text had no headline line and the subject said nothing: the desk should look
     */
    record Reading(String headline, String bodyHtml, NewsItem wire, boolean wireId, String subjectAside, boolean guessed) {
        boolean hasText() {
            return bodyHtml != null && !bodyHtml.isBlank();
        }
    }

    private final WireTextParser wire = new WireTextParser();
    private final DatelineParser datelines;
    private final EmailSubject subjects;

    EmailStory(DatelineParser datelines, EmailSubject subjects) {
        this.datelines = datelines;
        this.subjects = subjects;
    }

    /** Plain text, cleaned of what the mail program added (see {@link EmailText#clean}). */
    Reading plain(String text, String subject, ParseContext ctx) {
        return read(text, null, subject, ctx);
    }

    /** An HTML part: the decision is made on its text, the body stays HTML. */
    Reading html(String html, String subject, ParseContext ctx) {
        Document doc = Jsoup.parse(html);
        return read(blockText(doc), doc, subject, ctx);
    }

    private Reading read(String text, Document doc, String subject, ParseContext ctx) {
        List<String> lines = List.of(text.split("\n", -1));
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first == lines.size()) return new Reading(blankToNull(subject), null, null, false, null, false);
        String firstLine = lines.get(first).strip();
        NewsItem w;
        try {
            w = wire.parse(text.getBytes(StandardCharsets.UTF_8), ctx).items().get(0);
        } catch (ParseException e) {
            w = null; // a wiretext header without a headline: read the text as plain lines below
        }
        if (w != null && !w.headline().equals(firstLine)) {
            boolean id = false;
            for (int i = first; i < lines.size() && !lines.get(i).isBlank(); i++) id |= WIRE_ID.matcher(lines.get(i).strip()).matches();
            return new Reading(w.headline(), w.bodyHtml(), w, id, null, false);
        }
        boolean generic = subjects.generic(subject);
        boolean headlineLine = looksLikeHeadline(firstLine)
                && (generic || same(firstLine, subject) || opensWithDateline(lines, first + 1));
        if (headlineLine) {
            String body = doc == null ? (w == null ? null : w.bodyHtml()) : withoutFirst(doc, firstLine);
            String aside = generic || same(firstLine, subject) ? null : subject;
            return new Reading(firstLine, body, null, false, aside, false);
        }
        String body = doc == null ? Text.paragraphs(text) : HtmlContent.tidy(doc.body().html(), null);
        if (!generic) return new Reading(subject, body, null, false, null, false);
        // Neither the subject nor the text names the story: the first line stands in, and the desk is asked.
        return new Reading(firstLine.length() > MAX_HEADLINE ? firstLine.substring(0, MAX_HEADLINE) : firstLine,
                body, null, false, blankToNull(subject), true);
    }

    private boolean looksLikeHeadline(String line) {
        if (line.codePointCount(0, line.length()) > MAX_HEADLINE || line.endsWith(":")) return false;
        if (GREETING.matcher(line).matches() || SENTENCE_INSIDE.matcher(line).find()) return false;
        return datelines.parse(line).isEmpty();
    }

    private boolean opensWithDateline(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) return datelines.parse(lines.get(i)).isPresent();
        }
        return false;
    }

    private static boolean same(String line, String subject) {
        return subject != null && squash(line).equals(squash(subject));
    }

    private static String squash(String s) {
        return s.replaceAll("[\\s\\p{Punct}।]+", "").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The HTML body without the element that held the headline line: from the first text, up through
     * the parents that hold nothing else (a few levels at most, so deep nesting costs no more than shallow).
     */
    private static String withoutFirst(Document doc, String headline) {
        TextNode first = null;
        for (TextNode t : textNodes(doc)) {
            if (!t.isBlank()) {
                first = t;
                break;
            }
        }
        if (first != null && headline.startsWith(first.text().strip())) {
            Node remove = first;
            Element parent = first.parent();
            for (int up = 0; parent != null && parent != doc.body() && up < 8; up++, parent = parent.parent()) {
                if (!parent.text().strip().equals(headline)) break;
                remove = parent;
            }
            if (remove instanceof Element || headline.equals(first.text().strip())) remove.remove();
        }
        return HtmlContent.tidy(doc.body().html(), null);
    }

    private static List<TextNode> textNodes(Document doc) {
        List<TextNode> out = new java.util.ArrayList<>();
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && out.size() < 64) out.add(t);
            }
        });
        return out;
    }

    /** The text a reader sees, a line per block and a blank line between blocks, as plain wire copy has. */
    static String blockText(Document doc) {
        StringBuilder out = new StringBuilder();
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) out.append(t.text());
                else if (node instanceof Element e && e.normalName().equals("br")) out.append('\n');
                else if (node instanceof Element e && BLOCKS.contains(e.normalName())) out.append("\n\n");
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) out.append("\n\n");
            }
        });
        StringBuilder text = new StringBuilder();
        for (String line : out.toString().split("\n", -1)) text.append(line.strip()).append('\n');
        return text.toString().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
