package org.taar.enrich;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.taar.text.Nfc;

/**
 * Splits text into words and gives each the key the gazetteer is looked up by, so that the
 * spellings Hindi copy varies between meet: NFC, nukta dropped (ज़ = ज), chandrabindu written as
 * anusvara (गाँधी = गांधी), a nasal consonant before a consonant of its class as anusvara
 * (नरेन्द्र = नरेंद्र), zero-width joiners removed, Latin lowercased.
 */
final class TagText {
    /**
     * A word as written, its key, whether it is a short all-capitals Latin word (an acronym such
     * as US), and whether only spaces (or an abbreviation's dot) part it from the word before.
     */
    record Token(String surface, String key, boolean acronym, boolean joined) {}

    private static final Pattern LATIN_CAPS = Pattern.compile("\\p{Lu}[\\p{Lu}\\p{N}]*");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");
    private static final Pattern POSSESSIVE = Pattern.compile("['’][sS]$");
    private static final Pattern APOSTROPHE = Pattern.compile("['’]");
    /**
     * Keys by word: copy repeats its words, and a key costs two Unicode normalizations. Profiling an
     * import put tokenizing at the top of the pipeline's time; bounded, so a hostile text of endless
     * distinct words cannot grow it.
     */
    private static final Cache<String, String> KEYS = Caffeine.newBuilder().maximumSize(200_000).build();

    private TagText() {}

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        if (text == null) return out;
        String clean = Nfc.of(text).replace("\u200C", "").replace("\u200D", "");
        int previousEnd = -1;
        for (int start = nextWord(clean, 0); start >= 0; start = nextWord(clean, previousEnd)) {
            int end = wordEnd(clean, start);
            String gap = previousEnd < 0 ? "" : clean.substring(previousEnd, start).strip();
            boolean joined = previousEnd >= 0 && (gap.isEmpty() || gap.equals("."));
            previousEnd = end;
            String w = clean.substring(start, end);
            // Modi's is looked up as Modi; other apostrophes (don't) are just dropped.
            String bare = w.indexOf('\'') < 0 && w.indexOf('’') < 0 ? w
                    : APOSTROPHE.matcher(POSSESSIVE.matcher(w).replaceAll("")).replaceAll("");
            out.add(new Token(w, key(bare), bare.length() <= 5 && LATIN_CAPS.matcher(bare).matches(), joined));
        }
        return out;
    }

    /** Where the next word starts at or after {@code from}, or -1. */
    static int nextWord(String s, int from) {
        for (int i = from; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (wordChar(c)) return i;
            i += Character.charCount(c);
        }
        return -1;
    }

    /**
     * Where the word starting at {@code start} ends: letters, marks and digits, joined by an
     * apostrophe to more of them ({@code [\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*}, read by
     * hand because the regular expression was a tenth of tagging's time).
     */
    static int wordEnd(String s, int start) {
        int i = start, n = s.length();
        while (true) {
            while (i < n) {
                int c = s.codePointAt(i);
                if (!wordChar(c)) break;
                i += Character.charCount(c);
            }
            if (i + 1 < n && (s.charAt(i) == '\'' || s.charAt(i) == '’') && wordChar(s.codePointAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
    }

    private static boolean wordChar(int c) {
        if (c < 0x80) return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Body HTML as plain text for tagging; entities that matter to word boundaries become spaces. */
    static String plain(String html) {
        if (html == null) return "";
        return HTML_TAG.matcher(html).replaceAll(" ").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    static String key(String word) {
        return isKey(word) ? word : KEYS.get(word, TagText::keyOf);
    }

    /**
     * Whether an NFC word is its own key, as most words are: lowercase ASCII and digits, and
     * Devanagari with no nukta, chandrabindu or class nasal before a virama. Such words skip the
     * cache, whose lookups were still a third of tagging's time in an import.
     */
    static boolean isKey(String word) {
        for (int i = 0, n = word.length(); i < n; i++) {
            char c = word.charAt(i);
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') return false;
                continue;
            }
            if (c < '\u0900' || c > '\u097F') return false;
            switch (c) {
                // Nukta, chandrabindu, the letters with a nukta, and the accents NFC would reorder.
                case '\u093C', '\u0901', '\u0951', '\u0952', '\u0953', '\u0954', '\u0929', '\u0931', '\u0934', '\u0958', '\u0959', '\u095A', '\u095B',
                        '\u095C', '\u095D', '\u095E', '\u095F' -> { return false; }
                case '\u0919', '\u091E', '\u0923', '\u0928', '\u092E' -> {
                    if (i + 1 < n && word.charAt(i + 1) == '\u094D') return false;
                }
                default -> { }
            }
        }
        return true;
    }

    private static String keyOf(String word) {
        String s = Normalizer.normalize(word, Normalizer.Form.NFD); // splits क़ into क + nukta
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u093C' || c == '\u200C' || c == '\u200D') continue;
            if (c == '\u0901') c = '\u0902';
            // न्द → ंद: a class nasal with virama before a stop (क..म) is the same sound as the anusvara.
            if ("ङञणनम".indexOf(c) >= 0 && i + 2 < s.length() && s.charAt(i + 1) == '\u094D'
                    && s.charAt(i + 2) >= '\u0915' && s.charAt(i + 2) <= '\u092E' && b.length() > 0) {
                b.append('\u0902');
                i++;
                continue;
            }
            b.append(c);
        }
        return Normalizer.normalize(b.toString(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Whether the word is written in Latin letters starting with a capital (a name in English copy). */
    static boolean capitalizedLatin(String surface) {
        int c = surface.codePointAt(0);
        return Character.isUpperCase(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    static boolean devanagari(String surface) {
        return Character.UnicodeScript.of(surface.codePointAt(0)) == Character.UnicodeScript.DEVANAGARI;
    }
}
