package org.taar.text.legacy;

import java.text.Normalizer;
import java.util.Map;

/**
 * Legacy font text to Unicode in three steps: a longest-match pass over the font's glyph table, a fix-up of
 * what the glyph table leaves in visual order (half form + stem, split vowels), then the two reorderings every
 * one of these fonts needs because they store glyphs in the order they are drawn, not the order they are read:
 * the i-matra typed before its consonant cluster and the reph typed after it.
 */
public abstract class LegacyConverter {
    /** Stands for the i-matra (ि) while it still sits before its cluster; private use, never in real input. */
    static final char I_MATRA = '\uE001';
    /** Stands for the reph (र्) while it still sits after its syllable. */
    static final char REPH = '\uE002';

    static final char VIRAMA = '\u094D';
    static final char NUKTA = '\u093C';

    private final Map<String, String> table;
    private final int longestKey;

    protected LegacyConverter(Map<String, String> table) {
        this.table = Map.copyOf(table);
        this.longestKey = table.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    /** Unicode (NFC) for a string typed in this font. Characters the table does not know pass through unchanged. */
    public String toUnicode(String legacy) {
        if (legacy == null || legacy.isEmpty()) return legacy;
        String s = lookUp(preprocess(windows1252(legacy)));
        s = joinHalves(s);
        s = placeNuktas(s);
        s = moveIMatras(s);
        s = moveRephs(s);
        s = signsBeforeNasals(s);
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    // Windows-1252's characters for 0x80-0x9F, index by byte - 0x80; 0 where the code page leaves the byte undefined.
    private static final String CP1252_HIGH = "\u20AC\0\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\0\u017D\0"
            + "\0\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\0\u017E\u0178";

    /**
     * The glyph tables are written as the fonts' bytes read as Windows-1252 (ƒ, ˆ, ™...); text that was read as
     * Latin-1 has C1 controls there instead, so those are turned into the Windows-1252 characters first. The five
     * bytes Windows-1252 leaves undefined stay controls: Chanakya draws letters on some of them.
     */
    static String windows1252(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 || c > 0x9F || CP1252_HIGH.charAt(c - 0x80) == 0) continue;
            if (b == null) b = new StringBuilder(s);
            b.setCharAt(i, CP1252_HIGH.charAt(c - 0x80));
        }
        return b == null ? s : b.toString();
    }

    /** Font-specific rewriting of the legacy string before the table (e.g. Walkman's split glyphs). */
    protected String preprocess(String legacy) {
        return legacy;
    }

    // Greedy longest match: the table has multi-glyph keys (vks, =kk, Vª) that must win over their first glyph.
    private String lookUp(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            String hit = null;
            int len = Math.min(longestKey, s.length() - i);
            for (; len > 0; len--) {
                hit = table.get(s.substring(i, i + len));
                if (hit != null) break;
            }
            if (hit == null) {
                out.append(s.charAt(i));
                i++;
            } else {
                out.append(hit);
                i += len;
            }
        }
        return out.toString();
    }

    /**
     * The fonts draw many full consonants as a half form plus the aa-stem (D+k = क), so a virama followed by
     * the aa sign means "full consonant". Then the vowel signs and letters drawn in two pieces are joined.
     */
    static String joinHalves(String s) {
        s = s.replace("\u094D\u093E", "");
        // Typists strike a sign twice when the first did not show on their screen (aa, sas, ZZ): one is meant.
        s = s.replace("\u0947\u0902\u0947", "\u0947\u0902").replace("\u0902\u0902", "\u0902")
                .replace("" + REPH + REPH, String.valueOf(REPH));
        // A half form, its nukta, then the aa-stem ([+k = ख़): the nukta stays on the now full letter.
        s = s.replace("\u094D\u093C\u093E", "\u093C");
        // First the vowel signs drawn in two pieces, then the independent vowels drawn as अ/आ/ए plus a sign.
        s = s.replace("\u093E\u0945", "\u0949") // ा + ॅ = ॉ (the candra typed on the aa-stem: kW, æò)
                .replace("\u0945\u093E", "\u0949") // ॅ + ा = ॉ (the same glyphs typed the other way round)
                .replace("\u093E\u0949", "\u0949") // ा + ॉ = ॉ (the candra glyph typed after the stem)
                .replace("\u093E\u0947", "\u094B") // ा + े = ो
                .replace("\u093E\u0948", "\u094C"); // ा + ै = ौ
        return s.replace("\u0905\u0949", "\u0911") // अ + ॉ = ऑ (vkW, v‚, ¥æò)
                .replace("\u0905\u094B", "\u0913") // अ + ो = ओ
                .replace("\u0905\u094C", "\u0914") // अ + ौ = औ
                .replace("\u0905\u093E", "\u0906") // अ + ा = आ
                .replace("\u0906\u0945", "\u0911") // आ + ॅ = ऑ
                .replace("\u0906\u0949", "\u0911") // आ + ॉ = ऑ
                .replace("\u0906\u0947", "\u0913") // आ + े = ओ
                .replace("\u0906\u0948", "\u0914") // आ + ै = औ
                .replace("\u090F\u0947", "\u0910"); // ए + े = ऐ
    }

    static boolean isDependentSign(char c) {
        return (c >= '\u093E' && c <= '\u094C') || c == '\u0962' || c == '\u0963';
    }

    /**
     * The nukta belongs right after its consonant. Fonts draw it elsewhere: Chanakya keys it before a letter whose
     * hook is on the right ($·¤ = क़), and a typist may strike it after the vowel sign (ड े ़): both move.
     */
    static String placeNuktas(String s) {
        if (s.indexOf(NUKTA) < 0) return s;
        StringBuilder b = new StringBuilder(s);
        for (int p = 0; p < b.length(); p++) {
            if (b.charAt(p) != NUKTA || (p > 0 && isConsonant(b.charAt(p - 1)))) continue;
            int j = p - 1;
            while (j >= 0 && (isDependentSign(b.charAt(j)) || b.charAt(j) == '\u0901' || b.charAt(j) == '\u0902')) j--;
            if (j >= 0 && j < p - 1 && isConsonant(b.charAt(j))) {
                b.deleteCharAt(p);
                b.insert(j + 1, NUKTA);
            } else if (p + 1 < b.length() && isConsonant(b.charAt(p + 1))) {
                b.deleteCharAt(p);
                b.insert(p + 1, NUKTA);
                p++;
            }
        }
        return b.toString();
    }

    /** Unicode writes a vowel sign before the anusvara/candrabindu on it; fonts let either be typed first (¢ð). */
    static String signsBeforeNasals(String s) {
        return NASAL_THEN_SIGN.matcher(s).replaceAll("$2$1");
    }

    private static final java.util.regex.Pattern NASAL_THEN_SIGN =
            java.util.regex.Pattern.compile("([\u0901\u0902]+)([\u093E-\u094C\u0962\u0963]+)");

    static boolean isConsonant(char c) {
        return (c >= '\u0915' && c <= '\u0939') || (c >= '\u0958' && c <= '\u095F') || c == '\u0979' || c == '\u097A';
    }

    // Signs that follow a consonant cluster and that a reph typed after them must step back over.
    private static boolean isSyllableTail(char c) {
        return (c >= '\u093E' && c <= '\u094C') || c == '\u0901' || c == '\u0902' || c == '\u0903'
                || c == '\u0962' || c == '\u0963' || c == I_MATRA;
    }

    /** ि typed before a consonant cluster (C(़)(्C(़))*) moves after it. */
    static String moveIMatras(String s) {
        if (s.indexOf(I_MATRA) < 0) return s;
        StringBuilder b = new StringBuilder(s);
        for (int p = 0; p < b.length(); p++) {
            if (b.charAt(p) != I_MATRA) continue;
            // ि with an anusvara in one glyph (Kruti Dev Ç, ¯) arrives as I_MATRA + ं: both go after the cluster.
            boolean nasal = p + 2 < b.length() && b.charAt(p + 1) == '\u0902' && isConsonant(b.charAt(p + 2));
            if (nasal) b.deleteCharAt(p + 1);
            int k = p + 1;
            if (k < b.length() && isConsonant(b.charAt(k))) {
                k++;
                if (k < b.length() && b.charAt(k) == NUKTA) k++;
                while (k + 1 < b.length() && b.charAt(k) == VIRAMA && isConsonant(b.charAt(k + 1))) {
                    k += 2;
                    if (k < b.length() && b.charAt(k) == NUKTA) k++;
                }
            }
            b.deleteCharAt(p);
            b.insert(k - 1, nasal ? "\u093F\u0902" : "\u093F");
            p = nasal ? k : k - 1;
        }
        return b.toString();
    }

    /** र् typed after its syllable moves before the cluster it sits on (past its vowel signs and half forms). */
    static String moveRephs(String s) {
        if (s.indexOf(REPH) < 0) return s;
        StringBuilder b = new StringBuilder(s);
        for (int p = 0; p < b.length(); p++) {
            if (b.charAt(p) != REPH) continue;
            int j = p - 1;
            while (j >= 0 && isSyllableTail(b.charAt(j))) j--;
            if (j >= 0 && b.charAt(j) == NUKTA) j--;
            int start = p; // no consonant before it: leave र् where it was typed
            if (j >= 0 && isConsonant(b.charAt(j))) {
                start = j;
                while (true) {
                    int q = start - 1;
                    if (q < 1 || b.charAt(q) != VIRAMA) break;
                    q--;
                    if (q >= 1 && b.charAt(q) == NUKTA) q--;
                    if (!isConsonant(b.charAt(q))) break;
                    start = q;
                }
            }
            b.deleteCharAt(p);
            b.insert(start, "\u0930\u094D");
            p++; // the two inserted chars shift everything after them by one more than the deletion
        }
        return b.toString();
    }
}
