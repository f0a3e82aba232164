package org.taar.text.legacy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walkman-Chanakya 905, the font of NCERT textbooks and several Hindi dailies. It shares most of Kruti Dev's
 * keys; the differences are letters drawn with two keys (क is the व-body "o" + hook "Q", फ is "i" + "Q", ऊ is
 * "m" + "Q"), a half-form त्र, ध typed as its own key, quotes on ¶ and ¸, and a kerning filler "ð" that carries
 * no letter. Layout read from two published converters' tables (a Walkman-Chanakya → Unicode table in an NCERT
 * epub-to-text tool, the "lipi" package's Walkman-Chanakya905 overrides) and the shared NCERT word pairs.
 */
public final class WalkmanChanakyaConverter extends LegacyConverter {
    static final WalkmanChanakyaConverter INSTANCE = new WalkmanChanakyaConverter();

    /**
     * A two-key letter: the body, then what the typist struck before closing it with the hook "Q": vowel signs
     * drawn on the body, the nukta key "+" (o+Q = क़, I+kQ = फ़), the reph, the filler ð. A half-form body
     * with its aa-stem (Ok, Ik) makes the full letter, without it (O, I) the half letter.
     */
    private static final Pattern TWO_KEY = Pattern.compile("(O\\+?k|o|I\\+?k|i|m|I|O)((?:[sSqwa¡`W‚Z±ð]|\\+ ?)*)Q");

    public WalkmanChanakyaConverter() {
        super(table());
    }

    static Map<String, String> table() {
        Map<String, String> t = KrutiDevConverter.table();
        String i = KrutiDevConverter.I;
        KrutiDevConverter.put(t,
                // त्र is a half form here: "=" + aa-stem is त्र.
                "=", "त्र्", "=k", "त्र", "=kk", "त्रा", "f=k", i + "त्र", "f=", i + "त्र",
                // Keys Kruti Dev uses otherwise.
                "/", "ध", "è", "ध्", "¼", "द्ध", "¼Z", "र्द्ध", "”", "ज़्", "”k", "ज़", "½", "ऋ", "Í", "ऋ",
                "Â", "न्न", "Ý", "फ्", "Õ", "य्", "Õk", "य", "Ú", "फ्र", "É", "ह्न", "Ì", "द्द", "Î", "ट्ठ", "Ï", "ड्ड",
                "Ñ", "कृ", "Ó", "्य", "Ô", "ड्ढ", "Ö", "झ्", "Ø", "क्र", "¨", "ो", "©", "ौ", "jQ", "रू",
                // Punctuation: quotes on ¶/¸, ; on "_", a colon on "%" (the visarga has its own key, ¢), dash on µ.
                "¶", "“", "¸", "”", "_", ";", "%", ":", "¢", "ः", "µ", "-",
                // The kerning filler.
                "ð", "");
        return t;
    }

    @Override
    protected String preprocess(String legacy) {
        if (legacy.indexOf('Q') < 0) return legacy;
        // Unicode letters pass through the table untouched, so the two-key letters can be resolved here.
        Matcher m = TWO_KEY.matcher(legacy);
        StringBuilder out = new StringBuilder(legacy.length());
        while (m.find()) {
            String body = m.group(1);
            String letter = switch (body.charAt(0)) {
                case 'o', 'O' -> "क";
                case 'i', 'I' -> "फ";
                default -> "ऊ";
            };
            String signs = m.group(2).replace("ð", "").replace("+", "").replace(" ", "");
            boolean nukta = m.group().indexOf('+') >= 0 && !letter.equals("ऊ");
            // The half-form body without its aa-stem (I, O) closes into the half letter: IQ = फ्.
            String half = body.equals("I") || body.equals("O") ? "\u094D" : "";
            m.appendReplacement(out, Matcher.quoteReplacement(letter + (nukta ? "\u093C" : "") + half + signs));
        }
        m.appendTail(out);
        return out.toString();
    }
}
