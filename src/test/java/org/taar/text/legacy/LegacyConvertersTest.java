package org.taar.text.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Hand-written cases beyond the shared word pairs: sentences, numbers, punctuation, reordering corners. */
class LegacyConvertersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "Hkkjr | भारत",
            "fnYyh esa ckfj'k gqbZ | दिल्ली में बारिश हुई",
            "iz/kkuea=h us dgk fd ljdkj dke djsxhA | प्रधानमंत्री ने कहा कि सरकार काम करेगी।",
            "ml fnu 25 yksx ?kk;y gq,A | उस दिन 25 लोग घायल हुए।",
            "lu~ 2024 esa | सन् 2024 में",
            "vkSj | और",
            "ftyk | जिला",
            "fLFkfr | स्थिति",
            "dhfrZ | कीर्ति",
            "fo'ks\"k | विशेष",
            "iwoZ | पूर्व",
            "dk;ZØe | कार्यक्रम",
            "/keZ ds uke ij | धर्म के नाम पर",
            "vkils | आपसे",
            "mÙkj izns'k | उत्तर प्रदेश",
            "ckr] ;g ckr | बात, यह बात",
            "¼Hkkjr½ | (भारत)",
            "ƒ„… | १२३",
            "tk¡p | जाँच",
            "nq%[k | दुःख",
            "Mk‚DVj | डॉक्टर",
            "fØdsV | क्रिकेट",
            "jk\"Vªifr | राष्ट्रपति",
            "esasa | में",
            "/keZZ | धर्म",
            "lks∙ge~ | सोऽहम्",
    })
    void krutiDev(String legacy, String unicode) {
        assertThat(LegacyFont.KRUTIDEV.converter().toUnicode(legacy)).isEqualTo(unicode);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hkkjr osQ fodkl | भारत के विकास",
            "mQij | ऊपर",
            "ek=kk | मात्रा",
            "i=k | पत्र",
            "lèkj | सधर",
            "osQUæ | केन्द्र",
            "ifêð;ksa | पट्टियों",
    })
    void walkman(String legacy, String unicode) {
        assertThat(LegacyFont.WALKMAN.converter().toUnicode(legacy)).isEqualTo(unicode);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ÚUæÁSÍæÙ ×ð´ | राजस्थान में",
            "çßÁØ | विजय",
            "Ùæ× | नाम",
    })
    void chanakya(String legacy, String unicode) {
        assertThat(LegacyFont.CHANAKYA.converter().toUnicode(legacy)).isEqualTo(unicode);
    }

    /** Chanakya, one example per kind, written from the font's chart (not from the shared pairs). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // every vowel sign on a conjunct (क्ष = ÿ + aa-stem), the pre-base i included
            "ÿææ | क्षा", "çÿæ | क्षि", "ÿæè | क्षी", "ÿæé | क्षु", "ÿæê | क्षू", "ÿæë | क्षृ", "ÿæð | क्षे",
            "ÿæñ | क्षै", "ÿææð | क्षो", "ÿææñ | क्षौ", "ÿæ¢ | क्षं", "ÿæ¡ | क्षँ",
            // the i-matra before a cluster of half forms, and before a letter with a subscript ra
            "çSÍçÌ | स्थिति", "ç·ý¤·ð¤ÅU | क्रिकेट", "ÂýÍ× | प्रथम", "Âý¼ðàæ | प्रदेश",
            // reph typed after its syllable: after the vowel sign, the anusvara, the i-matra; Z is reph + anusvara
            "·¤èçÌü | कीर्ति", "Ï×ô´ü | धर्मों", "Ï×ôZ | धर्मों", "Ï×üð´ | धर्में", "àæç×´üÎæ | शर्मिंदा",
            // nukta after its letter, before it ($), after the e-matra; ज़ on its own key
            "ÂÉ¸ð | पढ़े", "ÂÉð¸ | पढ़े", "$·¤ÜU× | क़लम", "$È¤ñâÜæ | फ़ैसला", "Êææ | ज़ा",
            // the right-hand strokes ¤ and U after the signs drawn on the letter; anusvara typed before the e-matra
            "ãñ´U | हैं", "·ð¤ | के", "×¢ð | में",
            // independent vowels drawn as a base plus signs, ऑ among them
            "¥æò | ऑ", "ÇUæò€ÅUÚU | डॉक्टर", "§ü | ई", "§Z | ईं", "°ð | ऐ", "¥ô | ओ", "¥õÚU | और",
            // digits (ASCII keys draw Devanagari ones), visarga, danda, double danda
            "2024 | २०२४", "w®wy | 2024", "ÎéÑ¹ | दुःख", "ÚUæÁSÍæÙ Ð | राजस्थान ।", "ÚUæ×H | राम॥",
    })
    void chanakyaKinds(String legacy, String unicode) {
        assertThat(LegacyFont.CHANAKYA.converter().toUnicode(legacy)).isEqualTo(Normalizer.normalize(unicode, Normalizer.Form.NFC));
    }

    /** Walkman-Chanakya 905: ऑ from the candra on the aa-stem, two-key letters with nukta, signs and fillers inside. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "vkW | ऑ", "vkWfiQl | ऑफिस", "MkWDVj | डॉक्टर",
            "o+Qye | क़लम", "IQr | फ्त", "I+Qr | फ़्त", "iS+Qlyk | फ़ैसला", "I+kQk;nk | फ़ायदा", "O+kQ | क़", "i+ Qlyk | फ़सला",
            "oðQ | क", "osðQ | के", "oqQN | कुछ", "LowQy | स्कूल", "fiQj | फिर", "m¡QpkbZ | ऊँचाई",
            "nq¢[k | दुःख", "Íf\"k | ऋषि",
    })
    void walkmanKinds(String legacy, String unicode) {
        assertThat(LegacyFont.WALKMAN.converter().toUnicode(legacy)).isEqualTo(Normalizer.normalize(unicode, Normalizer.Form.NFC));
    }

    /** Kruti Dev glyphs that join the i-matra with reph or anusvara, and the candra on the aa-stem. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"/kkÆed | धार्मिक", "Çddj | किंकर", "'kÉenk | शर्मिंदा", "oxÊ; | वर्गीय",
            "vkW | ऑ", "dkWyst | कॉलेज"})
    void krutiDevJoinedGlyphs(String legacy, String unicode) {
        assertThat(LegacyFont.KRUTIDEV.converter().toUnicode(legacy)).isEqualTo(unicode);
    }

    @Test
    void textReadAsLatin1InsteadOfWindows1252ConvertsTheSame() {
        // ˆ (0x88) is त् and ˜ (0x98) त्र् in Chanakya; read as Latin-1 they arrive as the C1 controls U+0088/U+0098.
        assertThat(LegacyFont.CHANAKYA.converter().toUnicode("ãU\u0088Øæ")).isEqualTo("हत्या");
        assertThat(LegacyFont.CHANAKYA.converter().toUnicode("ÿæð\u0098æ")).isEqualTo("क्षेत्र");
        assertThat(LegacyFont.KRUTIDEV.converter().toUnicode("\u0083\u0084")).isEqualTo("१२");
    }

    @Test
    void strayMarksAndHugeInputConvertWithoutLosingTheRest() {
        LegacyConverter chanakya = LegacyFont.CHANAKYA.converter();
        // A pre-base i or reph with no letter, a nukta with nothing to sit on, a lone stroke: no exception,
        // no private-use placeholder left behind, and the neighbouring words intact.
        assertThat(chanakya.toUnicode("ç")).isEqualTo("ि");
        assertThat(chanakya.toUnicode("ü")).isEqualTo("र्");
        assertThat(chanakya.toUnicode("Ùæ× $ ¸ U ç")).startsWith("नाम ");
        assertThat(LegacyFont.WALKMAN.converter().toUnicode("Q+ osQ")).endsWith("के");
        StringBuilder noise = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 200_000; i++) noise.append((char) (0x20 + random.nextInt(0xE0)));
        for (LegacyFont font : LegacyFont.values()) {
            String out = font.converter().toUnicode(noise.toString());
            assertThat(out.chars().noneMatch(c -> c >= 0xE000 && c <= 0xF8FF)).as(font.name()).isTrue();
        }
    }

    @Test
    void outputIsNfcAndEmptyStaysEmpty() {
        String s = LegacyFont.KRUTIDEV.converter().toUnicode("d+ye");
        assertThat(s).isEqualTo(java.text.Normalizer.normalize("क़लम", java.text.Normalizer.Form.NFC));
        assertThat(LegacyFont.KRUTIDEV.converter().toUnicode("")).isEmpty();
        assertThat(LegacyFont.KRUTIDEV.converter().toUnicode(null)).isNull();
    }

    @Test
    void urlsAndMailInsideLegacyTextAreKept() {
        String s = LegacyFontDetector.convertSpans("vf/kd tkudkjh www.taar.in/news ij ;k info@taar.in ls", LegacyFont.KRUTIDEV);
        assertThat(s).isEqualTo("अधिक जानकारी www.taar.in/news पर या info@taar.in से");
    }
}
