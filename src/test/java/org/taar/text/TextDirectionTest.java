package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Writing direction from a BCP 47 tag: by the tag's script subtag, else the language's likely script. */
class TextDirectionTest {
    @ParameterizedTest
    @ValueSource(strings = {"ur", "ar", "fa", "ps", "sd", "ug", "he", "yi", "dv", "ckb", "ks", "syr", "arz",
            // a script subtag makes a language written in several scripts right to left
            "pa-Arab", "sd-Arab", "ks-Arab", "az-Arab", "ku-Arab", "uz-Arab", "ms-Arab",
            // a region whose likely script is Perso-Arabic
            "pa-PK", "ur-IN", "fa-AF",
            // ISO 639's withdrawn codes that old systems still send
            "iw", "ji",
            // as agencies and old systems write them
            "UR", "ur_PK", " ur ", "AR-eg", "pa-arab"})
    void rightToLeftLanguages(String tag) {
        assertThat(TextDirection.rightToLeft(tag)).as(tag).isTrue();
        assertThat(TextDirection.dir(tag)).isEqualTo("rtl");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "en", "en-IN", "bn", "ta", "pa", "mr", "ne", "ks-Deva", "sd-Deva", "pa-Guru",
            "ur-Latn", "he-Latn", "az", "ku", "tg", "zh-Hant"})
    void leftToRightLanguages(String tag) {
        assertThat(TextDirection.rightToLeft(tag)).as(tag).isFalse();
        assertThat(TextDirection.dir(tag)).isEqualTo("ltr");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "urdu", "Urdu", "und", "x-private", "12", "ur\"><script>alert(1)</script>",
            "a-b-c", "-", "_"})
    void whatNamesNoLanguageIsLeftToRightAndHasNoTag(String tag) {
        assertThat(TextDirection.rightToLeft(tag)).as(tag).isFalse();
        assertThat(TextDirection.wellFormed(tag)).as(tag).isNull();
    }

    @org.junit.jupiter.api.Test
    void aHugeValueIsNotParsed() {
        String huge = "ur-" + "a".repeat(1_000_000);
        assertThat(TextDirection.rightToLeft(huge)).isFalse();
        assertThat(TextDirection.wellFormed(huge)).isNull();
    }

    @org.junit.jupiter.api.Test
    void wellFormedWritesTheTagAsTheRfcDoes() {
        assertThat(TextDirection.wellFormed("ur_PK")).isEqualTo("ur-PK");
        assertThat(TextDirection.wellFormed("PA-arab-pk")).isEqualTo("pa-Arab-PK");
        assertThat(TextDirection.wellFormed("hi")).isEqualTo("hi");
        assertThat(TextDirection.wellFormed("en-in")).isEqualTo("en-IN");
    }
}
