package org.taar.text.legacy;

import java.util.HashMap;
import java.util.Map;

/**
 * Chanakya (the newspaper font, not Walkman-Chanakya): every glyph sits on a Latin-1 high byte, so its text
 * looks like accented noise ("ÚUæÁSÍæÙ"). Written from the font's glyph chart; it covers the common letters,
 * matras and half forms, not every rare ligature. "U" is the right-hand stroke of र, ह and the retroflexes.
 */
public final class ChanakyaConverter extends LegacyConverter {
    static final ChanakyaConverter INSTANCE = new ChanakyaConverter();

    public ChanakyaConverter() {
        super(table());
    }

    static Map<String, String> table() {
        Map<String, String> t = new HashMap<>();
        String i = String.valueOf(I_MATRA);
        KrutiDevConverter.put(t,
                // vowels
                "¥", "अ", "§", "इ", "©", "उ", "°", "ए",
                // full consonants
                "·¤", "क", "Á", "ज", "ÅU", "ट", "ÆU", "ठ", "ÇU", "ड", "Í", "थ", "Î", "द", "Ö", "भ", "Ù", "न", "Â", "प",
                "×", "म", "Ø", "य", "ÚU", "र", "Ü", "ल", "ß", "व", "â", "स", "ãU", "ह",
                // half forms; a half form plus the aa-stem "æ" is the full letter (see joinHalves)
                "S", "स्", "ˆ", "त्", "à", "श्", "ÿ", "क्ष्", "˜", "त्र्", "™", "ज्ञ्",
                // vowel signs, the pre-base i-matra and nasalisation
                "æ", "ा", "ç", i, "è", "ी", "ð", "े", "ñ", "ै", "¢", "ं", "´", "ं");
        return t;
    }
}
