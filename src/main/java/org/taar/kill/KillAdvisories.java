package org.taar.kill;

import java.text.Normalizer;
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

/**
 * Recognizes a kill in any format: an item the parser already marked canceled, or an English or
 * Hindi advisory sent as an ordinary item ("KILL", "MANDATORY KILL", "WITHDRAWN", "ELIMINATE",
 * "कृपया इस खबर का उपयोग न करें", "खबर वापस ली जाती है"...). A pure function of the item.
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
                    + "(MANDATORY\\s+KILL|KILL(?:ED)?|ELIMINATE|ELIMINATION|WITHDRAWN|WITHDRAWAL|WITHDRAW)\\b");
    /** English phrases of an advisory, anywhere in a short item. */
    private static final Pattern ENGLISH_PHRASE = Pattern.compile(
            "(?i)\\b(?:please\\s+(?:kill|eliminate|withdraw|do\\s+not\\s+use|don'?t\\s+use)\\s+(?:the|this|our|item|story)"
                    + "|(?:subscribers|clients|editors)\\s+(?:are|were)\\s+(?:requested|asked|advised)\\s+not\\s+to\\s+use"
                    + "|(?:the|this)\\s+(?:story|item|report)\\b[^.]{0,160}?\\b(?:has\\s+been|is\\s+(?:being\\s+)?|stands\\s+)"
                    + "(?:killed|withdrawn|eliminated)"
                    + "|kill\\s+advisory|mandatory\\s+kill)");

    // Hindi: written over folded text (no nukta, chandrabindu as anusvara), see fold().
    private static final String STORY = "(?:खबर|समाचार|स्टोरी|न्यूज|आइटम|रिपोर्ट)";
    /** What an advisory asks: don't use, don't run, withdrawn, remove, cancelled, kill. */
    private static final Pattern HINDI_DIRECTIVE = Pattern.compile(
            "(?:उपयोग|प्रयोग|इस्तेमाल)\\s+(?:न|नहीं)\\s+(?:करें|करे|कीजिए|किया\\s+जाए)"
                    + "|(?:न|नहीं)\\s+(?:चला(?:एं|ए|यें|ये|इए|ओ)|छापें|प्रकाशित\\s+करें|प्रसारित\\s+करें|लगाएं|लें)"
                    + "|वापस\\s+(?:ली|लिया|ले\\s+ली|ले\\s+लिया)\\s+(?:जाती|जाता|गई|गया|जा\\s+रही|जा\\s+रहा)"
                    + "|हटा\\s*(?:दें|लें|दीजिए|दिया\\s+जाए)|हटाएं|हटायें"
                    + "|(?:रद्द|रद|निरस्त)\\s+(?:की\\s+जाती|किया\\s+जाता|कर\\s+दी\\s+गई|कर\\s+दिया\\s+गया|समझें|माना\\s+जाए|मानें|करें)"
                    + "|(?:^|\\s)किल(?:\\s+(?:की\\s+जाती|किया\\s+जाता|करें|की\\s+गई|कर\\s+दी\\s+गई))?(?=\\s|$|[:।.,])");
    /** What points the sentence at a story rather than at news in general. */
    private static final Pattern HINDI_POINTER = Pattern.compile(
            "(?:इस|यह|उक्त|उपरोक्त|पिछली|पूर्व|पहले|ऊपर|निम्न)\\s+(?:\\S+\\s+){0,4}?" + STORY + "(?![\\p{M}\\p{L}])"
                    + "|" + STORY + "(?![\\p{M}\\p{L}])\\s+(?:\\S+\\s+){0,3}?(?:शीर्षक|नामक|स्लग)"
                    + "|(?:शीर्षक|नामक|स्लग)\\S*\\s+(?:\\S+\\s+){0,3}?" + STORY + "(?![\\p{M}\\p{L}])"
                    + "|" + STORY + "(?![\\p{M}\\p{L}])\\s+(?:संख्या|क्रमांक)");
    /** An advisory heading: "किल", "मैंडेटरी किल", "परामर्श: किल" opening the headline or text. */
    private static final Pattern HINDI_HEADING = Pattern.compile(
            "^\\W{0,3}(?:(?:परामर्श|सूचना|संपादक|ध्यान\\s+दें)\\W+){0,2}(?:मैंडेटरी\\s+|अनिवार्य\\s+)?किल(?![\\p{M}\\p{L}])");
    /** Words that report someone else's appeal (a fact-check, a police warning), not the agency's advisory. */
    private static final Pattern HINDI_REPORTED = Pattern.compile(
            "ने\\s+(?:कहा|अपील|आग्रह|चेतावनी|बताया|लोगों)|अपील\\s+की|फर्जी|अफवाह|भ्रामक|सोशल\\s+मीडिया");
    private static final Pattern QUOTED = Pattern.compile("[\"“”'‘’«]([^\"“”‘’«»\\n]{6,200}?)[\"“”'‘’»]");
    private static final Pattern SLUG_NAMED = Pattern.compile(
            "(?i)(?:slug(?:ged|line)?|keyword|स्लग)\\s*[:\\-]?\\s*([A-Z0-9][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)+|[A-Z0-9]{3,})");
    private static final Pattern URI_NAMED = Pattern.compile("\\b(urn:[A-Za-z0-9][A-Za-z0-9:._\\-/]+[A-Za-z0-9])");
    private static final Pattern SENTENCE = Pattern.compile("[।|!?\\n]+|\\.(?=\\s)");

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
                headlines, words.replaceAll("\\s+", " ").strip()));
    }

    private static final Pattern PARSER_WARNING = Pattern.compile("^kill advisory \\(([^)]+)\\)");

    /** The ANPA and 7901 parsers read the advisory word off the keyword line, which the item does not keep. */
    private static String parserAdvisory(NewsItem item) {
        if (item.pubstatus() != PubStatus.CANCELED) return null;
        for (String w : item.warnings()) {
            Matcher m = PARSER_WARNING.matcher(w);
            if (m.find()) return m.group(1);
        }
        return null;
    }

    /** The advisory word, or null when the item reads as no advisory. */
    static String advisoryKind(NewsItem item, String headline, String body, String text) {
        String slug = nz(item.slugline()).strip();
        String firstLine = body.strip().lines().findFirst().orElse("");
        for (String place : List.of(slug, headline, firstLine, nz(item.ednote()).strip())) {
            Matcher m = LEADING_WORD.matcher(place);
            if (m.find()) return m.group(1).replaceAll("\\s+", " ");
        }
        String folded = fold(text);
        if (text.length() > MAX_ADVISORY_CHARS) return null;
        for (String place : List.of(fold(headline), fold(firstLine))) {
            if (HINDI_HEADING.matcher(place).find()) return "किल";
        }
        if (ENGLISH_PHRASE.matcher(text).find()) return "ADVISORY";
        for (String sentence : SENTENCE.split(folded)) {
            if (HINDI_REPORTED.matcher(sentence).find()) continue;
            if (HINDI_DIRECTIVE.matcher(sentence).find() && (HINDI_POINTER.matcher(sentence).find()
                    || (QUOTED.matcher(sentence).find() && Pattern.compile(STORY).matcher(sentence).find()))) {
                return "परामर्श";
            }
        }
        return null;
    }

    /**
     * Hindi spelled one way: NFC, no nukta (ख़बर → खबर), chandrabindu as anusvara (चलाएँ → चलाएं),
     * no zero-width joiners, single spaces. Agencies type the same words all these ways.
     */
    public static String fold(String s) {
        String d = Normalizer.normalize(nz(s), Normalizer.Form.NFD)
                .replace("\u093C", "").replace('\u0901', '\u0902').replaceAll("[\u200B-\u200D\uFEFF]", "");
        return Normalizer.normalize(d, Normalizer.Form.NFC).replaceAll("[ \\t\\u00A0]+", " ");
    }

    static String plain(String html) {
        if (html == null) return "";
        return html.replaceAll("(?i)</p>|<br\\s*/?>", "\n").replaceAll("<[^>]+>", " ")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&apos;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&")
                .replaceAll("[ \\t]+", " ").replaceAll(" *\\n *", "\n").strip();
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
