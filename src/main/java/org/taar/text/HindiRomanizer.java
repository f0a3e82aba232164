package org.taar.text;

import com.ibm.icu.text.Transliterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes Devanagari the way Hindi portals spell it in URLs (रूस के शीर्ष राजनयिक → rus ke shirsh rajnayik):
 * schwa deletion first, then ICU rules with the popular rather than the scholarly letter values.
 */
final class HindiRomanizer {

    private static final Pattern WORD = Pattern.compile("[\\u0900-\\u097F]+");
    private static final char VIRAMA = '\u094D';
    private static final char NUKTA = '\u093C';
    // Second halves of compounds that are written as one word; schwa deletion must not run across the seam.
    private static final String[] COMPOUND_TAILS = {"सभा"};

    // ICU promises no thread safety for transliterators: a Devanagari one is taken from a pool for
    // each use (an import slugs on every core), and the generic one, rarely needed, is shared under a
    // lock. A pool, not one per thread: parsing the rules costs about 3 ms, and the server's request
    // threads come and go (a burst of pushes made dozens, each parsing the rules again).
    private final String rules;
    private final Queue<Transliterator> devanagari = new ConcurrentLinkedQueue<>();
    private final Transliterator rest;

    HindiRomanizer() {
        rules = rules();
        devanagari.add(newDevanagari());
        rest = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    }

    private Transliterator newDevanagari() {
        return Transliterator.createFromRules("taar-deva-latn", rules, Transliterator.FORWARD);
    }

    private String transliterate(String s) {
        Transliterator t = devanagari.poll();
        if (t == null) t = newDevanagari();
        try {
            return t.transliterate(s);
        } finally {
            devanagari.add(t);
        }
    }

    /** Romanizes text; Devanagari by Hindi conventions, any other script by ICU's generic Latin transliteration. */
    String romanize(String text) {
        String nfc = Nfc.of(text);
        Matcher m = WORD.matcher(nfc);
        StringBuilder marked = new StringBuilder();
        while (m.find()) m.appendReplacement(marked, Matcher.quoteReplacement(deleteSchwas(m.group())));
        m.appendTail(marked);
        return others(transliterate(marked.toString()));
    }

    /**
     * What is still not ASCII after the Devanagari rules (other scripts, curly quotes, accented
     * Latin), through ICU's generic Latin: run by run, since Any-Latin costs about five times the
     * Devanagari rules on a whole headline (bench/RESULTS.md, "import") and most of one is ASCII by now.
     */
    private String others(String s) {
        int i = 0, n = s.length();
        while (i < n && s.charAt(i) < 0x80) i++;
        if (i == n) return s;
        StringBuilder out = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            int j = i;
            while (j < n && s.charAt(j) >= 0x80) j++;
            String run = s.substring(i, j);
            synchronized (rest) {
                out.append(rest.transliterate(run));
            }
            i = j;
            while (j < n && s.charAt(j) < 0x80) j++;
            out.append(s, i, j);
            i = j;
        }
        return out.toString();
    }

    /**
     * Marks with a virama every consonant whose inherent 'a' Hindi does not pronounce: the word-final one
     * (except in monosyllables and after clusters ending in य र ल व, as in मित्र, सत्य) and, scanning from the
     * right, a medial one between a vowel and a consonant that has a vowel (VC_CV → VC.CV, as in सरकार → sarkar).
     */
    static String deleteSchwas(String word) {
        for (String tail : COMPOUND_TAILS) {
            if (word.endsWith(tail) && word.length() > tail.length() + 1) {
                return deleteSchwas(word.substring(0, word.length() - tail.length())) + deleteSchwas(tail);
            }
        }
        // Syllable units: a consonant (with nukta) and what follows it, or an independent vowel.
        int n = word.length();
        int[] start = new int[n];
        int[] end = new int[n];
        char[] kind = new char[n]; // 'v' vowel letter, 'a' consonant with inherent a, 'm' with matra, 'x' with virama, 'n' nasalized a
        int count = 0;
        for (int i = 0; i < n; ) {
            char c = word.charAt(i);
            if (isConsonant(c)) {
                int j = i + 1;
                if (j < n && word.charAt(j) == NUKTA) j++;
                start[count] = i;
                end[count] = j;
                if (j < n && word.charAt(j) == VIRAMA) kind[count] = 'x';
                else if (j < n && isMatra(word.charAt(j))) kind[count] = 'm';
                else if (j < n && isNasalOrVisarga(word.charAt(j))) kind[count] = 'n';
                else kind[count] = 'a';
                count++;
                i = j;
            } else if (isVowelLetter(c)) {
                start[count] = i;
                end[count] = i + 1;
                kind[count++] = 'v';
                i++;
            } else {
                i++;
            }
        }
        boolean[] deleted = new boolean[count];
        int syllables = 0;
        for (int k = 0; k < count; k++) if (kind[k] != 'x') syllables++;
        int last = count - 1;
        if (count > 0 && kind[last] == 'a' && syllables > 1
                && !(last > 0 && kind[last - 1] == 'x' && "यरलव".indexOf(word.charAt(start[last])) >= 0)) {
            deleted[last] = true;
        }
        // Suffixes -इक and -इत attach to a stem whose own final a is already gone (सामाजिक = सामाज + इक).
        int stemEnd = -1;
        if (count >= 3 && kind[last] == 'a' && kind[last - 1] == 'm' && word.charAt(end[last - 1]) == '\u093F'
                && "कत".indexOf(word.charAt(start[last])) >= 0) {
            stemEnd = last - 1;
        }
        for (int k = last - 1; k >= 1; k--) {
            if (kind[k] != 'a') continue;
            // A vowel after a cluster usually ends a morpheme (राष्ट्र|पति), so the next a is spoken.
            boolean vowelBefore = kind[k - 1] != 'x' && !deleted[k - 1] && !(k >= 2 && kind[k - 2] == 'x');
            boolean vowelAfter = kind[k + 1] != 'x' && kind[k + 1] != 'v' && !deleted[k + 1] && k + 1 != stemEnd;
            if (vowelBefore && vowelAfter) deleted[k] = true;
        }
        StringBuilder out = new StringBuilder(word);
        for (int k = count - 1; k >= 0; k--) if (deleted[k]) out.insert(end[k], VIRAMA);
        return out.toString();
    }

    private static boolean isConsonant(char c) {
        return (c >= '\u0915' && c <= '\u0939') || (c >= '\u0958' && c <= '\u095F') || (c >= '\u0978' && c <= '\u097F');
    }

    private static boolean isVowelLetter(char c) {
        return (c >= '\u0904' && c <= '\u0914') || c == '\u0960' || c == '\u0961' || (c >= '\u0972' && c <= '\u0977');
    }

    private static boolean isMatra(char c) {
        return (c >= '\u093A' && c <= '\u094C' && c != NUKTA && c != '\u093D') || c == '\u094E' || c == '\u094F'
                || (c >= '\u0955' && c <= '\u0957') || c == '\u0962' || c == '\u0963';
    }

    private static boolean isNasalOrVisarga(char c) {
        return c >= '\u0900' && c <= '\u0903';
    }

    // Popular Hindi romanization: श/ष → sh, च → ch, छ → chh, फ → f, व → v, long vowels as short ones, anusvara → n or m.
    private static String rules() {
        String[][] consonants = {
            {"क\u093C", "k"}, {"ख\u093C", "kh"}, {"ग\u093C", "g"}, {"ज\u093C", "z"}, {"ड\u093C", "r"},
            {"ढ\u093C", "rh"}, {"फ\u093C", "f"}, {"य\u093C", "y"}, {"ज\u094Dञ", "gy"},
            {"क", "k"}, {"ख", "kh"}, {"ग", "g"}, {"घ", "gh"}, {"ङ", "n"}, {"च", "ch"}, {"छ", "chh"}, {"ज", "j"},
            {"झ", "jh"}, {"ञ", "n"}, {"ट", "t"}, {"ठ", "th"}, {"ड", "d"}, {"ढ", "dh"}, {"ण", "n"}, {"त", "t"},
            {"थ", "th"}, {"द", "d"}, {"ध", "dh"}, {"न", "n"}, {"प", "p"}, {"फ", "f"}, {"ब", "b"}, {"भ", "bh"},
            {"म", "m"}, {"य", "y"}, {"र", "r"}, {"ल", "l"}, {"ळ", "l"}, {"व", "v"}, {"श", "sh"}, {"ष", "sh"},
            {"स", "s"}, {"ह", "h"},
            {"\u0958", "k"}, {"\u0959", "kh"}, {"\u095A", "g"}, {"\u095B", "z"}, {"\u095C", "r"}, {"\u095D", "rh"},
            {"\u095E", "f"}, {"\u095F", "y"},
        };
        String[][] others = {
            {"अ", "a"}, {"आ", "a"}, {"इ", "i"}, {"ई", "i"}, {"उ", "u"}, {"ऊ", "u"}, {"ऋ", "ri"}, {"ए", "e"},
            {"ऐ", "ai"}, {"ओ", "o"}, {"औ", "au"}, {"ऑ", "o"}, {"ऍ", "e"}, {"ॐ", "om"},
            {"\u093E", "a"}, {"\u093F", "i"}, {"\u0940", "i"}, {"\u0941", "u"}, {"\u0942", "u"}, {"\u0943", "ri"},
            {"\u0944", "ri"}, {"\u0945", "e"}, {"\u0946", "e"}, {"\u0947", "e"}, {"\u0948", "ai"}, {"\u0949", "o"},
            {"\u094A", "o"}, {"\u094B", "o"}, {"\u094C", "au"},
            {"\u0901", "n"}, {"\u0902", "n"}, {"\u0903", "h"}, {"\u094D", ""}, {"\u093C", ""}, {"\u093D", ""},
            {"\u200C", ""}, {"\u200D", ""}, {"।", " "}, {"॥", " "},
        };
        StringBuilder r = new StringBuilder("$dep = [\\u093A-\\u094F\\u0955-\\u0957\\u0962\\u0963];\n");
        // Before a labial the anusvara is spoken, and spelt, m: मुंबई → mumbai, संबंध → sambandh.
        r.append("[\\u0901\\u0902] } [\\u092A-\\u092E] > m;\n");
        for (String[] c : consonants) {
            r.append(quote(c[0])).append(" } $dep > '").append(c[1]).append("';\n");
            r.append(quote(c[0])).append(" > '").append(c[1]).append("a';\n");
        }
        for (String[] o : others) r.append(quote(o[0])).append(o[1].isEmpty() ? " > ;\n" : " > '" + o[1] + "';\n");
        for (int d = 0; d <= 9; d++) r.append(quote(String.valueOf((char) ('\u0966' + d)))).append(" > ").append(d).append(";\n");
        return r.toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(String.format("\\u%04X", c)));
        return sb.toString();
    }
}
