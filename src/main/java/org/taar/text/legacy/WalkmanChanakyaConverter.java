package org.taar.text.legacy;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Walkman-Chanakya 905, the font of NCERT textbooks and several Hindi dailies. It shares most of Kruti Dev's
 * keys; the differences are glyphs split in two (क is व-body "o" + hook "Q", फ is "i" + "Q", ऊ is "m" + "Q"),
 * a half-form त्र, ध typed as its own key, and a kerning filler "ð" that carries no letter.
 */
public final class WalkmanChanakyaConverter extends LegacyConverter {
    static final WalkmanChanakyaConverter INSTANCE = new WalkmanChanakyaConverter();

    // The hook "Q" closes a व-body or प-body into क or फ; vowel signs drawn on the body may sit in between.
    private static final Pattern KA = Pattern.compile("o([sSqwa¡`]*)Q");
    private static final Pattern PHA = Pattern.compile("i([sSqwa¡`]*)Q");

    public WalkmanChanakyaConverter() {
        super(table());
    }

    static Map<String, String> table() {
        Map<String, String> t = KrutiDevConverter.table();
        KrutiDevConverter.put(t, "=", "त्र्", "=k", "त्र", "=kk", "त्रा", "f=k", KrutiDevConverter.I + "त्र",
                "/", "ध", "è", "ध्", "¼", "द्ध", "”", "ज़्", "_", ";", "ð", "");
        return t;
    }

    @Override
    protected String preprocess(String legacy) {
        // Unicode letters pass through the table untouched, so the split glyphs can be resolved here.
        String s = legacy.replace("mQ", "ऊ");
        s = KA.matcher(s).replaceAll("क$1");
        return PHA.matcher(s).replaceAll("फ$1");
    }
}
