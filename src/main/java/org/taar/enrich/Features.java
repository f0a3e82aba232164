package org.taar.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.taar.text.Nfc;

/**
 * The featurizer of the section classifier: text in, a sparse L2-normalized vector of hashed
 * features out. After NFC and a light Hindi normalization (nukta removed, chandrabindu written as
 * anusvara, Latin lowercased) the text is cut into words (runs of letters, combining marks and
 * digits); the features are character n-grams of 2 to 5 within each word padded with a space on
 * either side, the words, and pairs of neighbouring words. Counts are damped to 1 + ln(count).
 * Pure and deterministic: the hash is fixed (FNV-1a over UTF-16 units, then mixed).
 */
public final class Features {
    public static final int MIN_N = 2, MAX_N = 5;

    private final int bits;
    private final int mask;

    /** @param bits the vector has 2^bits dimensions (10 to 26) */
    public Features(int bits) {
        if (bits < 10 || bits > 26) throw new IllegalArgumentException("hash bits must be 10..26: " + bits);
        this.bits = bits;
        this.mask = (1 << bits) - 1;
    }

    public int bits() {
        return bits;
    }

    public int dimension() {
        return 1 << bits;
    }

    /** A sparse vector: sorted distinct indices and their values. */
    public record Vector(int[] index, float[] value) {
        public int size() {
            return index.length;
        }
    }

    /** NFC, nukta removed, chandrabindu → anusvara, lowercased (Latin). */
    public static String normalize(String text) {
        String s = Nfc.of(text);
        // NFC decomposes the precomposed nukta letters (U+0958..U+095F, U+09DC.. are composition
        // exclusions), so removing U+093C removes every nukta.
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u093C') continue;
            if (c == '\u0901') c = '\u0902';
            b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The words of normalized text: runs of letters, combining marks and digits. */
    public static List<String> words(String normalized) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean in = i < normalized.length() && isWordChar(normalized.charAt(i));
            if (in && start < 0) start = i;
            if (!in && start >= 0) {
                out.add(normalized.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        if (Character.isLetterOrDigit(c)) return true;
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || c == '\u200C' || c == '\u200D';
    }

    /** The feature strings of a text, in order, with repeats; for tests and inspection. */
    public static List<String> names(String text) {
        List<String> out = new ArrayList<>();
        List<String> words = words(normalize(text));
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            out.add("w:" + word);
            if (w > 0) out.add("b:" + words.get(w - 1) + " " + word);
            String padded = " " + word + " ";
            for (int n = MIN_N; n <= MAX_N; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    String gram = padded.substring(i, i + n);
                    if (gram.isBlank()) continue;
                    out.add("c:" + gram);
                }
            }
        }
        return out;
    }

    /** The hashed, damped, L2-normalized vector of a text. */
    public Vector vector(String text) {
        List<String> names = names(text);
        int[] idx = new int[names.size()];
        for (int i = 0; i < idx.length; i++) idx[i] = hash(names.get(i)) & mask;
        Arrays.sort(idx);
        int distinct = 0;
        for (int i = 0; i < idx.length; i++) if (i == 0 || idx[i] != idx[i - 1]) distinct++;
        int[] index = new int[distinct];
        float[] value = new float[distinct];
        int k = -1;
        for (int i = 0; i < idx.length; i++) {
            if (i == 0 || idx[i] != idx[i - 1]) index[++k] = idx[i];
            value[k]++;
        }
        double norm = 0;
        for (int i = 0; i < distinct; i++) {
            value[i] = (float) (1 + Math.log(value[i]));
            norm += value[i] * value[i];
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < distinct; i++) value[i] *= inv;
        }
        return new Vector(index, value);
    }

    /** FNV-1a over the UTF-16 units, finished with a murmur3 mix; fixed forever (saved models rely on it). */
    static int hash(String s) {
        int h = 0x811C9DC5;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
