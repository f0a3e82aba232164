package org.taar.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * Words spelled one way for matching: agencies and editors write the same Hindi word with and
 * without nukta (ख़बर / खबर), with chandrabindu or anusvara (चलाएँ / चलाएं), with or without
 * zero-width joiners, in Devanagari or ASCII digits. The search index's analysis and the desk's
 * queue search both fold with {@link #fold(char)}, so a spelling found in one is found in the other.
 */
public final class Folding {
    /** The longest key kept: a headline longer than this is junk, and a longer query can match nothing. */
    public static final int MAX_KEY = 1000;

    private Folding() {}

    /** The folded character, or 0 to drop it. Nothing but nukta, chandrabindu and the joiners changes. */
    public static char fold(char c) {
        switch (c) {
            case '\u093C': case '\u200C': case '\u200D': return 0;      // nukta, ZWNJ, ZWJ
            case '\u0901': return '\u0902';                              // chandrabindu → anusvara
            case '\u0929': return '\u0928';                              // ऩ → न
            case '\u0931': return '\u0930';                              // ऱ → र
            case '\u0934': return '\u0933';                              // ऴ → ळ
            case '\u0958': return '\u0915';                              // क़ → क
            case '\u0959': return '\u0916';                              // ख़ → ख
            case '\u095A': return '\u0917';                              // ग़ → ग
            case '\u095B': return '\u091C';                              // ज़ → ज
            case '\u095C': return '\u0921';                              // ड़ → ड
            case '\u095D': return '\u0922';                              // ढ़ → ढ
            case '\u095E': return '\u092B';                              // फ़ → फ
            case '\u095F': return '\u092F';                              // य़ → य
            default: return c;
        }
    }

    /**
     * The distinct words of {@code text}, folded: NFC, lower case, {@link #fold(char)}, any digit as
     * its ASCII digit (२०२५ → 2025); words are runs of letters, digits and combining marks (a
     * matra or virama belongs to its word), so punctuation, danda, {@code %} and {@code _} only
     * separate words. Empty for null or a text without a word.
     */
    public static List<String> words(String text) {
        if (text == null || text.isEmpty()) return List.of();
        String s = Nfc.of(text).toLowerCase(Locale.ROOT);
        LinkedHashSet<String> words = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT) continue; // joiners, soft hyphen: inside a word
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                char f = fold((char) cp);
                if (f == 0) continue;
                cp = f;
            }
            if (Character.isDigit(cp)) {
                word.append((char) ('0' + Character.digit(cp, 10)));
            } else if (Character.isLetter(cp) || isMark(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) words.add(word.toString());
        return new ArrayList<>(words);
    }

    /**
     * What the store keeps to search a headline by: its folded words, each after one space
     * ({@code " केरल में बारिश"}), so that {@code LIKE '% बारि%'} finds a word by its beginning.
     * At most {@link #MAX_KEY} characters; empty for a text without a word.
     */
    public static String key(String text) {
        StringBuilder key = new StringBuilder();
        for (String w : words(text)) {
            if (key.length() + 1 + w.length() > MAX_KEY) break;
            key.append(' ').append(w);
        }
        return key.toString();
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }
}
