package org.taar.normalize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;
import org.taar.text.KillWords;
import org.taar.normalize.KillAdvisory;

/**
 * Recognizes a kill in any format: an item the parser already marked canceled, or an English or
 * Hindi advisory sent as an ordinary item ("KILL", "MANDATORY KILL", "WITHDRAWN", "ELIMINATE",
 * "कृपया इस खबर का उपयोग न करें", "खबर वापस ली जाती है"...). A pure function of the item.
 *
 * <p>The words themselves are {@link KillWords}'s; this class says where they must stand. An item
 * the parser already read as an advisory carries its word in {@link NewsItem#kill()}.
 *
 * <p>Precision matters more than recall: a false advisory takes a real story down. So the words
 * must stand where an advisory puts them (the slug line, the start of the headline or of the
 * text) or, for a phrase, in a short item and in one sentence that points at a story ("इस खबर",
 * a quoted headline, "the story slugged"). A long story that quotes "don't use this news" or
 * reports that flights were "रद्द" is no advisory.
 */
public final class KillAdvisories {
    /** Advisories are a few lines; a longer item is a story, whatever words it holds. */
    static final int MAX_ADVISORY_CHARS = 1200;
    private static final int MAX_TEXT = 500;

    /** The advisory word where an advisory puts it: first in the slug, headline or text; in capitals. */
    private static final Pattern LEADING_WORD = Pattern.compile(
            "^\\W{0,3}(?:(?:URGENT|ADVISORY|EDITORS?|NOTE|AP|PTI|UNI|IANS)\\W+){0,3}"
                    + "(" + KillWords.MANDATORY_KILL + "|" + KillWords.either(KillWords.OPENING) + ")\\b");
    private static final Pattern QUOTED = Pattern.compile("[\"“”'‘’«]([^\"“”‘’«»\\n]{6,200}?)[\"“”'‘’»]");
    private static final Pattern SLUG_NAMED = Pattern.compile(
            "(?i)(?:slug(?:ged|line)?|keyword|स्लग)\\s*[:\\-]?\\s*([A-Z0-9][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)+|[A-Z0-9]{3,})");
    private static final Pattern URI_NAMED = Pattern.compile("\\b(urn:[A-Za-z0-9][A-Za-z0-9:._\\-/]+[A-Za-z0-9])");
    private static final Pattern SENTENCE = Pattern.compile("[।|!?\\n]+|\\.(?=\\s)");
    // Compiled once: plain() reads every story's body, and String.replaceAll compiles its pattern per call.
    private static final Pattern LINE_END = Pattern.compile("(?i)</p>|<br\\s*/?>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");
    private static final Pattern NEWLINE_SPACES = Pattern.compile(" *\\n *");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private KillAdvisories() {}

    /** The kill this item is, if it is one. */
    public static Optional<KillAdvisory> recognize(NewsItem item) {
        String headline = nz(item.headline()).strip();
        String body = plain(item.bodyHtml());
        String text = join(headline, item.ednote(), item.summary(), body);
        String kind = advisoryKind(item, headline, body, text);
        if (kind == null) kind = parserAdvisory(item);
        boolean canceled = item.pubstatus() == PubStatus.CANCELED;
        if (kind == null && !canceled) return Optional.empty();
        boolean advisory = kind != null;
        Set<String> uris = new LinkedHashSet<>();
        if (item.uri() != null) uris.add(item.uri());
        Matcher u = URI_NAMED.matcher(text);
        while (u.find()) uris.add(u.group(1));
        String slug = item.slugline() == null || item.slugline().isBlank() ? null : item.slugline().strip();
        Matcher s = SLUG_NAMED.matcher(text);
        if (s.find() && (slug == null || LEADING_WORD.matcher(slug).find())) slug = s.group(1);
        if (slug != null && LEADING_WORD.matcher(slug).find()) slug = null;
        List<String> headlines = new ArrayList<>();
        if (advisory) {
            Matcher q = QUOTED.matcher(text);
            while (q.find()) headlines.add(q.group(1).strip());
        } else if (!headline.isEmpty()) {
            headlines.add(headline);
        }
        String words = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
        return Optional.of(new KillAdvisory(advisory ? kind : "CANCELED", advisory, List.copyOf(uris), slug,
                headlines, WHITESPACE.matcher(words).replaceAll(" ").strip()));
    }

    /**
     * The ANPA and 7901 parsers read the advisory word off the keyword line, which the item does not
     * keep: they hand it on as the item's kill signal.
     */
    private static String parserAdvisory(NewsItem item) {
        if (item.pubstatus() != PubStatus.CANCELED || item.kill() == null) return null;
        return item.kill().word();
    }

    /** The advisory word, or null when the item reads as no advisory. */
    static String advisoryKind(NewsItem item, String headline, String body, String text) {
        String slug = nz(item.slugline()).strip();
        String firstLine = body.strip().lines().findFirst().orElse("");
        for (String place : List.of(slug, headline, firstLine, nz(item.ednote()).strip())) {
            Matcher m = LEADING_WORD.matcher(place);
            if (m.find()) return m.group(1).replaceAll("\\s+", " ");
        }
        if (text.length() > MAX_ADVISORY_CHARS) return null;
        String folded = fold(text);
        for (String place : List.of(fold(headline), fold(firstLine))) {
            if (KillWords.HINDI_HEADING.matcher(place).find()) return KillWords.HINDI_KILL;
        }
        if (KillWords.ENGLISH_PHRASE.matcher(text).find()) return "ADVISORY";
        for (String sentence : SENTENCE.split(folded)) {
            if (KillWords.HINDI_REPORTED.matcher(sentence).find()) continue;
            if (KillWords.HINDI_DIRECTIVE.matcher(sentence).find() && (KillWords.HINDI_POINTER.matcher(sentence).find()
                    || (QUOTED.matcher(sentence).find() && KillWords.STORY_NOUN.matcher(sentence).find()))) {
                return KillWords.HINDI_ADVISORY;
            }
        }
        return null;
    }

    /** Hindi spelled one way, as the advisory words are written: see {@link KillWords#fold}. */
    public static String fold(String s) {
        return KillWords.fold(s);
    }

    static String plain(String html) {
        if (html == null) return "";
        String text = TAG.matcher(LINE_END.matcher(html).replaceAll("\n")).replaceAll(" ")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&");
        return NEWLINE_SPACES.matcher(SPACES.matcher(text).replaceAll(" ")).replaceAll("\n").strip();
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) continue;
            if (b.length() > 0) b.append('\n');
            b.append(p.strip());
        }
        return b.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
