package org.taar.text.legacy;

import static org.assertj.core.api.Assertions.assertThat;

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
