package org.taar.normalize;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.taar.item.NewsItem;

/**
 * Gives an item that arrived without a headline (a feed entry with only a link, a summary or a
 * picture) one built from the best thing it has, in this order: the summary's first sentence,
 * the body's first sentence (after its dateline), the words of its link's address, the caption
 * or description of its picture; and says which in a warning. When it has none of them the
 * headline stays empty, and the pipeline holds the item for an editor.
 */
public final class HeadlineFilter implements ItemFilter {
    static final int MAX_WORDS = 14;
    static final int MAX_CHARS = 140;
    /** A sentence ends at . ! ? or the danda, before a space or the end. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?।॥](?=\\s|$)");
    /** "नई दिल्ली, 12 जुलाई (आईएएनएस)।" or "WASHINGTON, July 12 (AP) —" at the start of a body. */
    private static final Pattern DATELINE = Pattern.compile(
            "^[^,.।()]{1,40},[^,.।()]{1,30}\\([^)]{1,40}\\)\\s*[।:.\\-–—]*\\s*|^[\\p{Lu}][\\p{Lu} .'-]{1,30}\\s*[:—–]\\s+");
    private static final Pattern SLUG_NOISE = Pattern.compile("(?i)\\.(?:s?html?|php|aspx?|jsp|cms)$");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    /** White space, no-break spaces and the invisible characters a headline may be made of. */
    private static final Pattern BLANK = Pattern.compile("[\\s\\u00A0\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]*");

    @Override
    public NewsItem apply(NewsItem item) {
        if (item.headline() != null && !BLANK.matcher(item.headline()).matches()) return item;
        NewsItem.Builder b = item.toBuilder();
        b.headline = null;
        String from = null;
        String summary = firstSentence(item.summary());
        if (summary != null) {
            b.headline = summary;
            from = "the summary's first sentence";
        }
        if (b.headline == null && item.bodyHtml() != null) {
            String text = bodyText(item.bodyHtml());
            b.headline = firstSentence(text == null ? null : DATELINE.matcher(text).replaceFirst(""));
            from = "the body's first sentence";
        }
        if (b.headline == null) {
            b.headline = slugWords(item.link());
            from = "the words of its link";
        }
        if (b.headline == null && item.bodyHtml() != null) {
            b.headline = firstSentence(caption(item.bodyHtml()));
            from = "its picture's caption";
        }
        b.warn(b.headline == null ? "no headline and nothing to build one from" : "no headline; built from " + from);
        return b.build();
    }

    /** The first sentence of plain text, cut to a headline's length at a word; null when it has no letters. */
    static String firstSentence(String text) {
        if (text == null) return null;
        String t = text.replaceAll("[\\s\\u00A0]+", " ").strip();
        if (!LETTER.matcher(t).find()) return null;
        Matcher end = SENTENCE_END.matcher(t);
        // A sentence of one or two characters ("A." of an initial) is no sentence end.
        while (end.find()) {
            if (end.start() >= 12) {
                t = t.substring(0, end.start() + (t.charAt(end.start()) == '.' ? 0 : 1)).strip();
                break;
            }
        }
        String[] words = t.split(" ");
        if (words.length > MAX_WORDS || t.length() > MAX_CHARS) {
            StringBuilder cut = new StringBuilder();
            for (String w : words) {
                if (cut.length() + w.length() + 1 > MAX_CHARS || cut.toString().split(" ").length >= MAX_WORDS) break;
                if (cut.length() > 0) cut.append(' ');
                cut.append(w);
            }
            if (cut.length() == 0) cut.append(t, 0, Math.min(t.length(), MAX_CHARS));
            t = cut + "…";
        }
        return t;
    }

    /** The body's text without its pictures' captions. */
    private static String bodyText(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select("figure, figcaption").remove();
        String t = body.text().strip();
        return t.isEmpty() ? null : t;
    }

    private static String caption(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        String c = body.select("figcaption").text().strip();
        if (!c.isEmpty()) return c;
        for (Element img : body.select("img[alt]")) {
            if (!img.attr("alt").isBlank()) return img.attr("alt");
        }
        return null;
    }

    /**
     * The words of the link's last path segment ("/2025/07/india-us-talks-begin.html" gives "India
     * us talks begin"), when it has at least two words with letters: ids and dates are no headline.
     */
    static String slugWords(String link) {
        if (link == null) return null;
        String path = link.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]*", "").replaceFirst("[?#].*$", "");
        String[] segments = path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            String seg = SLUG_NOISE.matcher(segments[i]).replaceFirst("");
            try {
                seg = URLDecoder.decode(seg.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // A stray '%': the segment as written.
            }
            java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(seg.split("[-_+\\s]+")));
            words.removeIf(String::isEmpty);
            // Ids and dates before or after the words are no part of a headline.
            while (!words.isEmpty() && !LETTER.matcher(words.get(0)).find()) words.remove(0);
            while (!words.isEmpty() && !LETTER.matcher(words.get(words.size() - 1)).find()) words.remove(words.size() - 1);
            long real = words.stream().filter(w -> LETTER.matcher(w).find() && !w.matches("(?i)[a-z]?\\d+[a-z]?")).count();
            if (real >= 2) {
                String s = String.join(" ", words);
                return firstSentence(s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1));
            }
            if (!seg.isEmpty()) return null;
        }
        return null;
    }
}
