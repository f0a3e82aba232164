package org.taar.text.legacy;

import java.util.HashMap;
import java.util.Map;

/**
 * Chanakya (the newspaper font, not Walkman-Chanakya): letters sit on the high bytes 0x80-0xFF read as
 * Windows-1252, so its text looks like accented noise ("ÚUæÁSÍæÙ"); ASCII letters are conjuncts, ASCII digits
 * draw Devanagari digits and "®vwxyz{|}~" the Latin ones. Many letters are a left part plus a right-hand stroke
 * drawn as a glyph of its own, "¤" (the hook of क, फ, ऊ) or "U" (the stem of र, ट, ह, छ), typed after any vowel
 * sign on the letter (·ð¤ = के): the strokes carry nothing the left part has not said, so they are dropped.
 *
 * <p>The table is the font's whole layout, reconciled from three published converters (facts only, no code):
 * the "chanakyaC.js" Chanakya → Unicode arrays (as carried by assistech-iitdelhi's InDesign converters and
 * epicbharat/krutiextract's chanakya_map), a Unicode → Chanakya converter's arrays (read backwards), and a
 * Chanakya table in an epub-to-text tool. Where they differ, two against one decided; the glyphs no source
 * assigns (see {@link #UNASSIGNED}) are left as they are.
 */
public final class ChanakyaConverter extends LegacyConverter {
    static final ChanakyaConverter INSTANCE = new ChanakyaConverter();

    /** Strokes and fillers that draw part of a letter already named by the glyph before them. */
    static final String FILLERS = "¤Uï";
    /** Windows-1252 characters in 0x80-0xFF no source assigns a glyph to; they pass through unchanged. */
    static final String UNASSIGNED = "\u00A0£²½Þîúû–—š›œ\u009D";

    public ChanakyaConverter() {
        super(table());
    }

    static Map<String, String> table() {
        Map<String, String> t = new HashMap<>();
        String i = String.valueOf(I_MATRA);
        String r = String.valueOf(REPH);
        KrutiDevConverter.put(t,
                // Independent vowels; इ with the reph-like hook is ई (§ü), and with reph + anusvara ईं (§Z).
                "¥", "अ", "§", "इ", "§ü", "ई", "§Z", "ईं", "©", "उ", "ª", "ऊ", "«", "ऋ", "¬", "ॠ", "\u00AD", "ऌ",
                "°", "ए",
                // Full consonants.
                "·", "क", "•", "क", "¹", "ख", "»", "ग", "¾", "ङ", "¿", "च", "À", "छ", "Á", "ज", "Å", "ट", "Æ", "ठ",
                "Ç", "ड", "É", "ढ", "Ì", "त", "Í", "थ", "Î", "द", "¼", "द", "Ï", "ध", "Ù", "न", "Â", "प", "È", "फ",
                "Õ", "ब", "Ö", "भ", "×", "म", "Ø", "य", "Ú", "र", "Ü", "ल", "¶", "ल", "Ý", "ळ", "ß", "व", "o", "श",
                "á", "ष", "â", "स", "ã", "ह",
                // Half forms; a half form plus the aa-stem "æ" is the full letter (see joinHalves). Chanakya puts
                // several on bytes Windows-1252 leaves undefined (0x81 ख्, 0x8D फ्, 0x8F भ्, 0x90 म्).
                "€", "क्", "\u0081", "ख्", "‚", "ग्", "ƒ", "घ्", "‘", "च्", "…", "ज्", "’", "ज्", "Û", "झ्", "†", "ञ्",
                "‡", "ण्", "ˆ", "त्", "‰", "थ्", "Š", "ध्", "‹", "न्", "Œ", "प्", "\u008D", "फ्", "Ž", "ब्", "\u008F", "भ्",
                "\u0090", "म्", "Ä", "य्", "Ë", "ल्", "Ã", "व्", "³", "श्", "à", "श्", "c", "ष्", "S", "स्", "±", "ह्",
                "ÿ", "क्ष्", "˜", "त्र्", "™", "ज्ञ्", "Ÿ", "श्र्", "“", "च्च्", "”", "ज्ज्", "ž", "त्त्", "ó", "न्न्",
                // Nukta forms drawn as one glyph; the nukta itself is "¸" after its letter or "$" before it.
                "Ê", "ज़्", "¸", String.valueOf(NUKTA), "$", String.valueOf(NUKTA),
                // Conjuncts on ASCII letters and punctuation keys.
                "B", "क्च", "C", "ष्ट", "D", "ष्ठ", "E", "श्व", "F", "स्न", "G", "त्र", "I", "ढ्ढ", "J", "छ्व", "L", "रु",
                "M", "रू", "N", "हृ", "O", "ह्र", "P", "क्क", "Q", "क्त", "R", "क्र", "T", "ञ्ज", "V", "ङ्क", "W", "ङ्ख",
                "X", "ङ्ग", "Y", "ङ्घ", "`", "क्व", "^", "ट्ट", "_", "ट्ठ", "a", "ड्ड", "b", "ड्ढ", "d", "स्र", "e", "द्ग",
                "f", "द्घ", "g", "द्द", "h", "द्ध", "i", "द्ब", "j", "द्भ", "k", "द्म", "l", "द्य", "m", "द्व", "n", "ठ्ठ",
                "p", "श्च", "q", "ह्न", "r", "ह्म्", "s", "ह्य", "t", "ह्ल", "u", "ह्व", "#", "प्त", "%", "त्न", "@", "ञ्च",
                "„", "ल्ल", "¦", "ष्ट्व", "¨", "ङ्क्ष", "¯", "ख्न", "µ", "द्ब्र", "º", "ख्र", "ö", "ह्ण",
                // Subscript ra and ya, written after the letter they hang from (·ý¤ = क्र), and the virama.
                "A", "्र", "ý", "्र", "þ", "्र", "K", "्य", "÷", "्",
                // Vowel signs (two shapes of u, uu and e), nasalisation, visarga, avagraha; pre-base i, reph.
                "æ", "ा", "ç", i, "è", "ी", "é", "ु", "ä", "ु", "ê", "ू", "å", "ू", "ë", "ृ", "ì", "ॄ", "í", "ॢ",
                "ð", "े", "Ô", "े", "ñ", "ै", "ô", "ो", "õ", "ौ", "ò", "ॅ", "¢", "ं", "´", "ं", "¡", "ँ", "Ñ", "ः",
                "ù", "ऽ", "ü", r, "Z", r + "ं",
                // Punctuation.
                "Ð", "।", "H", "॥", "ø", "॰", "Ò", "‘", "Ó", "’", "ÒÒ", "“", "ÓÓ", "”",
                // ASCII digits draw Devanagari digits; the Latin digits are on ® and v-~.
                "0", "०", "1", "१", "2", "२", "3", "३", "4", "४", "5", "५", "6", "६", "7", "७", "8", "८", "9", "९",
                "®", "0", "v", "1", "w", "2", "x", "3", "y", "4", "z", "5", "{", "6", "|", "7", "}", "8", "~", "9");
        for (char c : FILLERS.toCharArray()) t.put(String.valueOf(c), "");
        return t;
    }
}
