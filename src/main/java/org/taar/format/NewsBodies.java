package org.taar.format;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.taar.text.HtmlSanitizer;
import org.taar.text.HtmlTrees;

/**
 * Turns the markup bodies of the IPTC XML formats (NITF body.content, XHTML) into sanitized HTML.
 * Unlike JSON formats, whose HTML is left to the normalize stage, these bodies are rebuilt from
 * XML with NITF's own element names (hl2, block, media...), so they are mapped to HTML and put
 * through {@link HtmlSanitizer} right here: what {@code taar parse} prints must already be a safe
 * body (CONTRACT), and sanitizing again later changes nothing. The sanitizer lives in the text
 * package; reusing it keeps one allowlist for the whole pipeline.
 */
final class NewsBodies {
    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    private NewsBodies() {}

    /** NITF body.content (or any NITF block markup) as sanitized HTML; null when no text is left. */
    static String nitf(String markup) {
        if (markup == null) return null;
        org.jsoup.nodes.Document d = Jsoup.parseBodyFragment(markup);
        Element body = d.body();
        // Media references point at pictures the site does not have; their captions are story text.
        // Whole-list edits: one at a time, each would cost the length of its parent (quadratic on a long body).
        HtmlTrees.removeAll(body.select("media-reference, media-object, media-metadata, media-producer"));
        body.select("media-caption").tagName("p");
        HtmlTrees.unwrapAll(body.select("media"));
        body.select("hl2").tagName("h2");
        body.select("block, note, bq").tagName("div");
        HtmlTrees.unwrapAll(body.select("nitf-table, nitf-table-metadata"));
        body.select("credit").tagName("p");
        return clean(body.html());
    }

    /** An XHTML document or fragment: the body's content when there is a body, sanitized. */
    static String xhtml(String markup) {
        if (markup == null) return null;
        String lower = markup.toLowerCase(Locale.ROOT);
        String inner = lower.contains("<body") || lower.contains("<html")
                ? Jsoup.parse(markup).body().html() : markup;
        return clean(inner);
    }

    /** Plain text as escaped paragraphs. */
    static String plain(String text) {
        return Text.paragraphs(text);
    }

    /** HTML from a source that claims to be HTML, sanitized. */
    static String html(String markup) {
        return xhtml(markup);
    }

    /** Puts the dateline at the start of the first paragraph, where the text stage looks for it, unless it is there. */
    static String withDateline(String html, String dateline) {
        if (dateline == null) return html;
        String escaped = Text.escape(dateline);
        if (html == null) return "<p>" + escaped + "</p>";
        String flat = Jsoup.parseBodyFragment(html).body().text();
        if (flat.replaceAll("\\s+", " ").startsWith(dateline)) return html;
        if (html.startsWith("<p>")) return "<p>" + escaped + " " + html.substring(3);
        return "<p>" + escaped + "</p>" + html;
    }

    private static String clean(String html) {
        String s = SANITIZER.sanitize(html);
        return s == null || Jsoup.parseBodyFragment(s).body().text().isBlank()
                && !s.contains("<img") ? null : s;
    }
}
