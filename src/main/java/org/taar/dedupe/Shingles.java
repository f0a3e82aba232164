package org.taar.dedupe;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts normalized text into overlapping pieces and hashes each to 64 bits: word n-grams
 * ("मुंबई में भारी", "में भारी बारिश", ...) or character n-grams. Which one, and of what length,
 * bench/dedupe decides by measurement (docs/design-notes.md).
 *
 * @param words true for word n-grams, false for character n-grams (spaces included)
 * @param n words or characters per shingle
 */
public record Shingles(boolean words, int n) {
    /** Single words: what bench/dedupe chose (see bench/RESULTS.md and docs/design-notes.md). */
    public static final Shingles DEFAULT = new Shingles(true, 1);

    public Shingles {
        if (n < 1) throw new IllegalArgumentException("shingle length must be at least 1: " + n);
    }

    /** The distinct shingle hashes of a normalized text, sorted; a text shorter than one shingle is one shingle. */
    public long[] of(String normalized) {
        if (normalized.isEmpty()) return new long[0];
        long[] out = words ? wordShingles(normalized.split(" ")) : charShingles(normalized);
        long[] sorted = out.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) sorted[distinct++] = sorted[i];
        }
        return Arrays.copyOf(sorted, distinct);
    }

    private long[] wordShingles(String[] w) {
        int count = Math.max(1, w.length - n + 1);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < Math.min(w.length, i + n); j++) h = MinHash.mix(h ^ hash(w[j]));
            out[i] = h;
        }
        return out;
    }

    private long[] charShingles(String s) {
        int[] cps = s.codePoints().toArray();
        int count = Math.max(1, cps.length - n + 1);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < Math.min(cps.length, i + n); j++) h = MinHash.mix(h ^ cps[j]);
            out[i] = h;
        }
        return out;
    }

    // FNV-1a over UTF-8: fixed across JVMs and runs, unlike String.hashCode's 32 bits.
    static long hash(String word) {
        long h = 0xcbf29ce484222325L;
        for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
