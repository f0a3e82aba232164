package org.taar.format;

import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.taar.text.HtmlSanitizer;
import org.taar.text.HtmlTrees;

/**
 * Turns the markup bodies of the IPTC XML formats (NITF body.content, XHTML) into HTML: NITF's own
 * element names (hl2, block, media...) become HTML ones, an XHTML document gives its body. This is
 * conversion only; the body is sanitized once, by {@link HtmlSanitizer} in the normalize stage, which
 * every item passes before {@code taar parse} prints it or the pipeline stores it.
 */
final class NewsBodies {

    private NewsBodies() {}

    /** NITF body.content (or any NITF block markup) as HTML; null when it holds no text and no picture. */
    static String nitf(String markup) {
        if (markup == null) return null;
        Document d = Jsoup.parseBodyFragment(markup);
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
        return orNull(d);
    }

    /** An XHTML document or fragment as HTML: the body's content when there is a body. */
    static String xhtml(String markup) {
        if (markup == null) return null;
        String lower = markup.toLowerCase(Locale.ROOT);
        return orNull(lower.contains("<body") || lower.contains("<html") ? Jsoup.parse(markup)
                : Jsoup.parseBodyFragment(markup));
    }

    /** Plain text as escaped paragraphs. */
    static String plain(String text) {
        return Text.paragraphs(text);
    }

    /** HTML from a source that claims to be HTML. */
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
        if (html.startsWith("<p ")) {
            // A first paragraph with attributes (class="lead"): the sanitizer drops them, the dateline stays in it.
            Document d = Jsoup.parseBodyFragment(html);
            d.outputSettings().prettyPrint(false);
            Element first = d.body().firstElementChild();
            if (first != null && first.normalName().equals("p")) {
                first.prependText(dateline + " ");
                return d.body().html();
            }
        }
        return "<p>" + escaped + "</p>" + html;
    }

    /**
     * The body's HTML, entities decoded as the later text filters need them; null when a reader would see
     * nothing in it (the text of scripts, styles and forms does not count, as the sanitizer drops them).
     */
    private static String orNull(Document d) {
        d.outputSettings().prettyPrint(false);
        String html = d.body().html().strip();
        return HtmlContent.storyText(html) == null && d.body().select("img").isEmpty() ? null : html;
    }
}
