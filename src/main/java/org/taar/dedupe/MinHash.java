package org.taar.dedupe;

/**
 * MinHash signatures and LSH band keys (Broder 1997; Leskovec, Rajaraman and Ullman, "Mining of
 * Massive Datasets", ch. 3). The share of equal positions in two signatures estimates the Jaccard
 * similarity of their shingle sets; cutting a signature into bands of a few rows and storing one
 * key per band finds, with one indexed lookup, the stored stories that agree on a whole band,
 * which similar stories do with high probability and unrelated ones almost never.
 *
 * <p>Deterministic: the hash functions are fixed seeds (splitmix64 from a constant), so a
 * signature stored by one node or one run compares with one computed by another.
 *
 * @param bands the signature has {@code bands * rows} positions
 * @param rows positions per band: fewer rows find less similar pairs, at the cost of more candidates
 */
public record MinHash(int bands, int rows) {
    /** 32 bands of 4 rows, 128 positions: chosen by bench/dedupe (see docs/design-notes.md). */
    public static final MinHash DEFAULT = new MinHash(32, 4);

    private static final long SEED = 0x7461617264656475L;   // "taardedu"

    public MinHash {
        if (bands < 1 || rows < 1) throw new IllegalArgumentException("bands and rows must be positive");
    }

    public int size() {
        return bands * rows;
    }

    /** The signature of a set of shingle hashes; an empty set has a signature of all Long.MAX_VALUE. */
    public long[] signature(long[] shingles) {
        int k = size();
        long[] sig = new long[k];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        long seed = SEED;
        for (int i = 0; i < k; i++) {
            seed += 0x9E3779B97F4A7C15L;
            long salt = mix(seed);
            long min = Long.MAX_VALUE;
            for (long s : shingles) {
                long h = mix(s ^ salt);
                if (h < min) min = h;
            }
            sig[i] = min;
        }
        return sig;
    }

    /** One key per band: stories with an equal key agree on every row of that band. */
    public long[] bandKeys(long[] signature) {
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = mix(SEED + b);
            for (int r = 0; r < rows; r++) h = mix(h ^ signature[b * rows + r]);
            keys[b] = h;
        }
        return keys;
    }

    /** The estimated Jaccard similarity: the share of positions where the signatures agree. */
    public static double jaccard(long[] a, long[] b) {
        if (a.length != b.length || a.length == 0) return 0;
        int same = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) same++;
        return (double) same / a.length;
    }

    /**
     * The estimated overlap coefficient |A∩B| / min(|A|, |B|), from the Jaccard estimate and the
     * set sizes: a story cut to its first paragraphs is wholly contained in the original, though
     * their Jaccard similarity is low.
     */
    public static double overlap(long[] a, int sizeA, long[] b, int sizeB) {
        if (sizeA == 0 || sizeB == 0) return 0;
        double j = jaccard(a, b);
        double intersection = j * (sizeA + sizeB) / (1 + j);
        return Math.min(1.0, intersection / Math.min(sizeA, sizeB));
    }

    /** The splitmix64 finalizer: a fast, well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
