package org.taar.text.legacy;

import java.util.HashMap;
import java.util.Map;

/**
 * Kruti Dev 010 (and its twin DevLys 010), the typewriter-style layout most Hindi desks typed in before Unicode.
 * The table below is written from the font's published keyboard chart: lower-case keys are mostly full
 * consonants and matras, upper-case keys their half forms, and the high Latin-1 glyphs the ligatures.
 */
public final class KrutiDevConverter extends LegacyConverter {
    static final KrutiDevConverter INSTANCE = new KrutiDevConverter();

    public KrutiDevConverter() {
        super(table());
    }

    static Map<String, String> table() {
        Map<String, String> t = new HashMap<>();
        // Independent vowels. "k" after अ/आ and "s" after them are joined later (vks = ओ).
        put(t, "v", "अ", "b", "इ", "bZ", "ई", "Ã", "ई", "b±", "ईं", "m", "उ", "Å", "ऊ", ",", "ए", "_", "ऋ");
        // Full consonants typed on one key.
        put(t, "d", "क", "x", "ग", "Ä", "घ", "³", "ङ", "p", "च", "N", "छ", "t", "ज", ">", "झ", "¥", "ञ",
                "V", "ट", "B", "ठ", "M", "ड", "<", "ढ", "r", "त", "n", "द", "u", "न", "i", "प", "Q", "फ",
                "c", "ब", "e", "म", ";", "य", "j", "र", "y", "ल", "G", "ळ", "o", "व", "l", "स", "g", "ह", "Ò", "भ");
        // Half forms: a full consonant is the half form plus the aa-stem "k" (see joinHalves).
        put(t, "D", "क्", "[", "ख्", "X", "ग्", "?", "घ्", "P", "च्", "T", "ज्", "÷", "झ्", "Ö", "झ्",
                ".", "ण्", "R", "त्", "F", "थ्", "/", "ध्", "è", "ध्", "Ë", "ध्", "U", "न्", "I", "प्", "¶", "फ्",
                "C", "ब्", "H", "भ्", "E", "म्", "¸", "य्", "Y", "ल्", "O", "व्", "'", "श्", "Ü", "श्", "\"", "ष्",
                "L", "स्", "º", "ह्", "{", "क्ष्", "«", "त्र्", "Ù", "त्त्", "™", "न्न्");
        // Ligatures and conjuncts drawn as one glyph.
        put(t, "ô", "क्क", "ä", "क्त", "Ø", "क्र", "—", "कृ", "Ñ", "कृ", "–", "दृ", "é", "न्न", "à", "ह्न",
                "á", "ह्य", "â", "हृ", "ã", "ह्म", "ºz", "ह्र", "í", "द्द", "Ì", "द्द", "|", "द्य", "}", "द्व",
                ")", "द्ध", "æ", "द्र", "K", "ज्ञ", "J", "श्र", "ç", "प्र", "Á", "प्र", "Ý", "फ्र", "ê", "ट्ट", "Í", "ट्ट",
                "ë", "ट्ठ", "Î", "ट्ठ", "ì", "ड्ड", "ï", "ड्ढ", "Ô", "ड्ढ", "Ï", "स्त्र", "#", "रु", ":", "रू",
                "=", "त्र", "=k", "त्रा", "=kk", "त्रा", "f=k", I + "त्र");
        // Subscript ra and ya, written after the consonant they attach to.
        put(t, "z", "्र", "ª", "्र", "~j", "्र", "î", "्य", "Ó", "्य", "~", "्");
        // Nukta forms: the nukta key "+" follows the consonant; "Q+Z" is फ़ with a reph typed in between.
        put(t, "+", "़", "Q+Z", "फ़" + R, "[+k", "ख़", "[+", "ख़्", "T+", "ज़्", "¶+", "फ़्");
        // Vowel signs, nasalisation, and the two reordered marks.
        put(t, "k", "ा", "h", "ी", "q", "ु", "w", "ू", "`", "ृ", "s", "े", "S", "ै", "a", "ं", "¡", "ँ",
                "%", "ः", "W", "ॅ", "‚", "ॉ", "È", "ीं", "f", I, "Z", R, "±", R + "ं", "•", "ऽ", "·", "ऽ", "∙", "ऽ");
        // Glyphs that join the pre-base i-matra with a reph or an anusvara: Æ/£ = र् + ि (धार्मिक), Ç/¯ = िं (किंकर),
        // É = र् + िं (शर्मिंदा); Ê = ी with a reph after it. The र् of Æ/É/£ already stands before its cluster.
        put(t, "Æ", "र्" + I, "£", "र्" + I, "Ç", I + "ं", "¯", I + "ं", "É", "र्" + I + "ं", "Ê", "ी" + R);
        // A kerning filler: it moves the next glyph and carries no letter.
        put(t, "ð", "");
        // Devanagari digits on high keys; ASCII digits stay ASCII as typed.
        put(t, "å", "०", "ƒ", "१", "„", "२", "…", "३", "†", "४", "‡", "५", "ˆ", "६", "‰", "७", "Š", "८", "‹", "९");
        // Punctuation moved off the keys the letters took.
        put(t, "A", "।", "AA", "॥", "]", ",", "-", ".", "&", "-", "@", "/", "\\", "?", "¼", "(", "½", ")",
                "¿", "{", "À", "}", "¾", "=", "^", "‘", "*", "’", "Þ", "“", "ß", "”", "(", ";", "µ", "—",
                "ñ", "॰", "Œ", "॰");
        return t;
    }

    // Compile-time constants, so that table() can use them while INSTANCE is being built.
    static final String I = "\uE001";
    static final String R = "\uE002";

    static void put(Map<String, String> t, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) t.put(pairs[i], pairs[i + 1]);
    }
}
