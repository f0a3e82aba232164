package org.taar.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.taar.item.NewsItem;

/**
 * The next best title for an item whose headline is empty ({@code <headline/>}): its slugline, its
 * description, else the first sentence of its body. Dropping the item would lose the whole story
 * and every field it carries; a stand-in title, with a warning, lets the desk see it and fix it.
 */
final class StandInHeadline {
    /** Longer stand-ins are cut at a word; a headline is a line, not a paragraph. */
    static final int MAX_LENGTH = 160;
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?।॥](?=\\s|$)");
    /** A sentence that ends in a credit, "नई दिल्ली, 12 जुलाई (आईएएनएस)।", is the dateline, not the story. */
    private static final Pattern DATELINE = Pattern.compile("[(\\[][^)\\]]{1,40}[)\\]]\\s*[-–—:]*\\s*$");

    private StandInHeadline() {}

    /** Sets the headline from the slugline, the summary or the body when it is missing; false when none has text. */
    static boolean fill(NewsItem.Builder b, String who) {
        if (b.headline != null) return true;
        String from;
        if (b.slugline != null) {
            b.headline = cut(b.slugline);
            from = "slugline";
        } else if (b.summary != null) {
            b.headline = cut(b.summary);
            from = "description";
        } else {
            b.headline = firstSentence(b.bodyHtml);
            from = "first sentence of the body";
        }
        if (b.headline == null) return false;
        b.warn(who + ": no headline; the " + from + " stands in for it");
        return true;
    }

    /** The body's first sentence that is not its dateline, as plain text; null when the body has no text. */
    static String firstSentence(String html) {
        if (html == null) return null;
        String text = Text.blankToNull(Jsoup.parseBodyFragment(html).body().text());
        while (text != null) {
            Matcher m = SENTENCE_END.matcher(text);
            boolean ended = m.find();
            String sentence = ended ? text.substring(0, m.end()) : text;
            String rest = ended ? Text.blankToNull(text.substring(m.end())) : null;
            String bare = sentence.replaceAll("[.!?।॥]$", "").strip();
            if (!DATELINE.matcher(bare).find() || rest == null) return cut(sentence.strip());
            text = rest;
        }
        return null;
    }

    private static String cut(String s) {
        String v = Text.blankToNull(s.replaceAll("\\s+", " "));
        if (v == null || v.length() <= MAX_LENGTH) return v;
        int space = v.lastIndexOf(' ', MAX_LENGTH);
        return v.substring(0, space > MAX_LENGTH / 2 ? space : MAX_LENGTH).strip();
    }
}
