package org.taar.dedupe;

/**
 * What the duplicate check keeps of a story.
 *
 * @param contentHash SHA-256 (hex) of the normalized body, or of headline and body when the body is
 *                    too short to stand alone: equal hashes are the same copy, whatever the guid or summary
 * @param shingles how many distinct shingles the text has (for the overlap estimate)
 * @param signature the MinHash signature
 */
public record Fingerprint(String contentHash, int shingles, long[] signature) {
    /** Too little text for a near-duplicate judgement; only an exact copy is caught. */
    public boolean tooShort() {
        return shingles < Fingerprinter.MIN_SHINGLES;
    }
}
