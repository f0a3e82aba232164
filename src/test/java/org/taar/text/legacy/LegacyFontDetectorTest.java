package org.taar.text.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Real Latin text must never be taken for a legacy font; legacy text is recognised with its font. */
class LegacyFontDetectorTest {
    private final LegacyFontDetector detector = new LegacyFontDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "Prime Minister Narendra Modi on Tuesday said the government would spend Rs 11.1 lakh crore on infrastructure in 2024-25.",
            "NEW DELHI, July 12 (Reuters) - India's benchmark indices rose 1.2% as IT stocks gained; Sensex closed at 80,519.",
            "Virat Kohli scored 82 off 53 balls.",
            "Aaj Delhi mein bahut garmi hai aur log pareshan hain",
            "Modi ji ne kaha ki desh aage badhega",
            "https://www.example.com/news/2024/07/12/india-rains.html",
            "Contact: desk@taar.in, +91 11 2345 6789",
            "Give us liberty",
            "iPhone 15 Pro Max",
            "12345 67890",
            "Ghaziabad Sahibabad Noida",
            "Café crème brûlée à la française, déjà vu",
            "à¤­à¤¾à¤°à¤¤ à¤®à¥‡à¤‚ à¤¬à¤¾à¤°à¤¿à¤¶",
            "भारत में बारिश हुई, 25 लोग घायल",
            "",
    })
    void leavesRealTextAlone(String text) {
        assertThat(detector.detect(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "fnYyh esa ckfj'k gqbZ] 25 yksx ?kk;y",
            "iz/kkuea=h us dgk fd ljdkj dke djsxhA",
            "ekSle foHkkx dh psrkouh",
            "mÙkj izns'k ds eq[;ea=h us cSBd dhA",
    })
    void findsKrutiDev(String text) {
        assertThat(detector.detect(text)).contains(LegacyFont.KRUTIDEV);
    }

    @Test
    void findsWalkmanAndChanakya() {
        assertThat(detector.detect("Hkkjr osQ fodkl dh ;kstuk esa jkT;ksa dh Hkwfedk")).contains(LegacyFont.WALKMAN);
        assertThat(detector.detect("ÚUæÁSÍæÙ ×ð´ çßÁØ ·¤è ÙæÍ")).contains(LegacyFont.CHANAKYA);
    }

    @Test
    void roundTripOfAHandWrittenParagraph() {
        String legacy = "ubZ fnYyh] 12 tqykbZ ¼Hkk\"kk½A ljdkj us xq#okj dks dgk fd ekulwu ls igys lHkh jkT;ksa dks psrkouh Hkst nh xbZ gSA";
        Optional<LegacyFont> font = detector.detect(legacy);
        assertThat(font).contains(LegacyFont.KRUTIDEV);
        assertThat(font.get().converter().toUnicode(legacy)).isEqualTo(
                "नई दिल्ली, 12 जुलाई (भाषा)। सरकार ने गुरुवार को कहा कि मानसून से पहले सभी राज्यों को चेतावनी भेज दी गई है।");
    }
}
