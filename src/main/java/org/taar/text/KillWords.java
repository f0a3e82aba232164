package org.taar.text;

import java.text.Normalizer;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of a kill advisory, English and Hindi, in one table: the wire parsers (ANPA, 7901) and
 * the kill stage read them from here, so a word added or dropped changes every reader at once.
 * Where a word must stand to count (first in a keyword, opening the text, in a short item) is the
 * reader's business; which words there are, and which of them each kind of place trusts, is this
 * table's.
 *
 * <p>Precision matters more than recall: a false advisory takes a real story down. So a word that
 * is also an ordinary story word ({@code KILLED}, {@code ELIMINATED}) counts only where it can be
 * nothing else.
 */
public final class KillWords {
    /** An English advisory word, as agencies send it (in capitals). */
    public enum Word { KILL, KILLED, ELIMINATE, ELIMINATION, ELIMINATED, WITHDRAW, WITHDRAWN, WITHDRAWAL }

    /** Every word, as a keyword of its own in a 7901 header, where it can be nothing but an advisory. */
    public static final Set<Word> AS_KEYWORD = Collections.unmodifiableSet(EnumSet.allOf(Word.class));
    /** Opening a headline, slug or text: not ELIMINATED, which opens sports headlines ("INDIA ELIMINATED"). */
    public static final Set<Word> OPENING = Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(Word.ELIMINATED)));
    /**
     * In AP copy (ANPA keyword modifiers and text), read without regard to case: AP writes "Kill",
     * and "Killed" in an AP keyword is a story ({@code BC-Soldiers-Killed}), not an advisory.
     */
    public static final Set<Word> AP = Collections.unmodifiableSet(EnumSet.of(Word.KILL, Word.ELIMINATE,
            Word.ELIMINATION, Word.WITHDRAW, Word.WITHDRAWN, Word.WITHDRAWAL));

    /** The strongest form, one advisory word of two: "MANDATORY KILL", however spaced. */
    public static final String MANDATORY_KILL = "MANDATORY\\s+KILL";
    /** Words that open an advisory's keywords or heading without being the advisory word itself. */
    public static final Set<String> QUALIFIERS = Set.of("MANDATORY", "ADVISORY");

    /** English phrases of an advisory, anywhere in a short item. */
    public static final Pattern ENGLISH_PHRASE = Pattern.compile(
            "(?i)\\b(?:please\\s+(?:kill|eliminate|withdraw|do\\s+not\\s+use|don'?t\\s+use)\\s+(?:the|this|our|item|story)"
                    + "|(?:subscribers|clients|editors)\\s+(?:are|were)\\s+(?:requested|asked|advised)\\s+not\\s+to\\s+use"
                    + "|(?:the|this)\\s+(?:story|item|report)\\b[^.]{0,160}?\\b(?:has\\s+been|is\\s+(?:being\\s+)?|stands\\s+)"
                    + "(?:killed|withdrawn|eliminated)"
                    + "|kill\\s+advisory|mandatory\\s+kill)");

    // Hindi: written over folded text (no nukta, chandrabindu as anusvara), see fold().
    /** The Hindi kill word, as a heading gives it and as the kill stage names a Hindi heading's kind. */
    public static final String HINDI_KILL = "किल";
    /** The Hindi word for an advisory, as the kill stage names a Hindi directive's kind. */
    public static final String HINDI_ADVISORY = "परामर्श";
    /** The words for "story". */
    public static final String STORY = "(?:खबर|समाचार|स्टोरी|न्यूज|आइटम|रिपोर्ट)";
    public static final Pattern STORY_NOUN = Pattern.compile(STORY);
    /** What an advisory asks: don't use, don't run, withdrawn, remove, cancelled, kill. */
    public static final Pattern HINDI_DIRECTIVE = Pattern.compile(
            "(?:उपयोग|प्रयोग|इस्तेमाल)\\s+(?:न|नहीं)\\s+(?:करें|करे|कीजिए|किया\\s+जाए)"
                    + "|(?:न|नहीं)\\s+(?:चला(?:एं|ए|यें|ये|इए|ओ)|छापें|प्रकाशित\\s+करें|प्रसारित\\s+करें|लगाएं|लें)"
                    + "|वापस\\s+(?:ली|लिया|ले\\s+ली|ले\\s+लिया)\\s+(?:जाती|जाता|गई|गया|जा\\s+रही|जा\\s+रहा)"
                    + "|हटा\\s*(?:दें|लें|दीजिए|दिया\\s+जाए)|हटाएं|हटायें"
                    + "|(?:रद्द|रद|निरस्त)\\s+(?:की\\s+जाती|किया\\s+जाता|कर\\s+दी\\s+गई|कर\\s+दिया\\s+गया|समझें|माना\\s+जाए|मानें|करें)"
                    + "|(?:^|\\s)" + HINDI_KILL + "(?:\\s+(?:की\\s+जाती|किया\\s+जाता|करें|की\\s+गई|कर\\s+दी\\s+गई))?(?=\\s|$|[:।.,])");
    /** What points the sentence at a story rather than at news in general. */
    public static final Pattern HINDI_POINTER = Pattern.compile(
            "(?:इस|यह|उक्त|उपरोक्त|पिछली|पूर्व|पहले|ऊपर|निम्न)\\s+(?:\\S+\\s+){0,4}?" + STORY + "(?![\\p{M}\\p{L}])"
                    + "|" + STORY + "(?![\\p{M}\\p{L}])\\s+(?:\\S+\\s+){0,3}?(?:शीर्षक|नामक|स्लग)"
                    + "|(?:शीर्षक|नामक|स्लग)\\S*\\s+(?:\\S+\\s+){0,3}?" + STORY + "(?![\\p{M}\\p{L}])"
                    + "|" + STORY + "(?![\\p{M}\\p{L}])\\s+(?:संख्या|क्रमांक)");
    /** An advisory heading: "किल", "मैंडेटरी किल", "परामर्श: किल" opening the headline or text. */
    public static final Pattern HINDI_HEADING = Pattern.compile(
            "^\\W{0,3}(?:(?:" + HINDI_ADVISORY + "|सूचना|संपादक|ध्यान\\s+दें)\\W+){0,2}(?:मैंडेटरी\\s+|अनिवार्य\\s+)?"
                    + HINDI_KILL + "(?![\\p{M}\\p{L}])");
    /** Words that report someone else's appeal (a fact-check, a police warning), not the agency's advisory. */
    public static final Pattern HINDI_REPORTED = Pattern.compile(
            "ने\\s+(?:कहा|अपील|आग्रह|चेतावनी|बताया|लोगों)|अपील\\s+की|फर्जी|अफवाह|भ्रामक|सोशल\\s+मीडिया");

    private KillWords() {}

    /** The words as a regex alternation, longest first, so no word stops short inside a longer one. */
    public static String either(Set<Word> words) {
        return words.stream().map(Word::name).sorted(Comparator.comparingInt(String::length).reversed()
                .thenComparing(Comparator.naturalOrder())).collect(Collectors.joining("|"));
    }

    /** True when the keyword token, in any case, is an advisory word (punctuation and all: "KILL:" is none). */
    public static boolean isWord(String token) {
        String u = token.toUpperCase(Locale.ROOT);
        return AS_KEYWORD.stream().anyMatch(w -> w.name().equals(u));
    }

    /** An advisory word as the item keeps it: capitals, single spaces ("MANDATORY KILL"). */
    public static String spelled(String word) {
        return word.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /**
     * Hindi spelled one way: NFC, no nukta (ख़बर → खबर), chandrabindu as anusvara (चलाएँ → चलाएं),
     * no zero-width joiners, single spaces. Agencies type the same words all these ways.
     */
    public static String fold(String s) {
        String d = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD)
                .replace("\u093C", "").replace('\u0901', '\u0902').replaceAll("[\u200B-\u200D\uFEFF]", "");
        return Normalizer.normalize(d, Normalizer.Form.NFC).replaceAll("[ \\t\\u00A0]+", " ");
    }
}
