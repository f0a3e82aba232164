package org.taar.text;

import com.ibm.icu.text.Normalizer2;

/**
 * Unicode NFC, checked before it is made. A story's text is normalized once by the normalize stage
 * and then read again by tagging, fingerprints, rules, datelines and slugs, each of which must be
 * sure of NFC; the JDK's {@code Normalizer.normalize} recomposes the whole text every time, 8 % of
 * an import's enriching (bench/RESULTS.md, "import"), where ICU's quick check passes text that is
 * already NFC in one scan.
 */
public final class Nfc {
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

    private Nfc() {}

    /** {@code s} in NFC: {@code s} itself when it already is. */
    public static String of(String s) {
        return NFC.isNormalized(s) ? s : NFC.normalize(s);
    }
}
