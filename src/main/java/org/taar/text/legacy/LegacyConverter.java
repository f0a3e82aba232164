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
        String s = lookUp(preprocess(legacy));
        s = joinHalves(s);
        s = moveIMatras(s);
        s = moveRephs(s);
        return Normalizer.normalize(s, Normalizer.Form.NFC);
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
        return s.replace("\u0905\u093E", "\u0906") // अ + ा = आ
                .replace("\u093E\u0949", "\u0949") // ा + ॉ = ॉ (the candra glyph typed after the stem)
                .replace("\u093E\u0947", "\u094B") // ा + े = ो
                .replace("\u093E\u0948", "\u094C") // ा + ै = ौ
                .replace("\u0906\u0947", "\u0913") // आ + े = ओ
                .replace("\u0906\u0948", "\u0914") // आ + ै = औ
                .replace("\u0906\u0949", "\u0911") // आ + ॉ = ऑ (v‚ with an aa between is rare but seen)
                .replace("\u0905\u0949", "\u0911") // अ + ॉ = ऑ
                .replace("\u090F\u0947", "\u0910"); // ए + े = ऐ
    }

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
            b.insert(k - 1, '\u093F');
            p = k - 1;
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
