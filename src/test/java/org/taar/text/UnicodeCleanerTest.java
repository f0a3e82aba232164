package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnicodeCleanerTest {

    private final UnicodeCleaner cleaner = new UnicodeCleaner();

    @Test
    void returnsNullForNull() {
        assertThat(cleaner.clean(null)).isNull();
    }

    @Test
    void composesToNfc() {
        assertThat(cleaner.clean("Cafe\u0301")).isEqualTo("Caf\u00E9");
    }

    @Test
    void spellsNuktaLettersTheSameWhetherPrecomposedOrNot() {
        String precomposed = "\u0958\u093E\u0928\u0942\u0928"; // क़ानून with U+0958
        String decomposed = "\u0915\u093C\u093E\u0928\u0942\u0928"; // क + nukta
        assertThat(cleaner.clean(precomposed)).isEqualTo(cleaner.clean(decomposed)).isEqualTo(decomposed);
    }

    @Test
    void removesControlCharactersButKeepsNewlinesAndTabs() {
        assertThat(cleaner.clean("a\u0000b\u0007c\u001Bd\u0085e\u009Ff\tg\nh")).isEqualTo("abcdef\tg\nh");
    }

    @Test
    void turnsCarriageReturnsIntoNewlines() {
        assertThat(cleaner.clean("one\r\ntwo\rthree")).isEqualTo("one\ntwo\nthree");
    }

    @Test
    void removesBomZeroWidthSpaceWordJoinerAndSoftHyphen() {
        assertThat(cleaner.clean("\uFEFFभारत\u200B में\u2060 चु\u00ADनाव")).isEqualTo("भारत में चुनाव");
    }

    @Test
    void removesBidiControls() {
        assertThat(cleaner.clean("\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee\u200Ef\u200Fg\u2066h\u2067i\u2068j\u2069"))
                .isEqualTo("abcdefghij");
    }

    @Test
    void keepsZwjInsideDevanagariConjunct() {
        String halfForm = "\u0915\u094D\u200D\u0937"; // क्‍ष
        assertThat(cleaner.clean(halfForm)).isEqualTo(halfForm);
    }

    @Test
    void keepsZwnjBetweenDevanagariLetters() {
        String explicitVirama = "\u0915\u094D\u200C\u0937";
        assertThat(cleaner.clean(explicitVirama)).isEqualTo(explicitVirama);
    }

    @Test
    void dropsJoinersAtWordStartAndEnd() {
        assertThat(cleaner.clean("\u200Dनमस्ते\u200C दुनिया\u200D")).isEqualTo("नमस्ते दुनिया");
    }

    @Test
    void dropsJoinersBetweenLatinLetters() {
        assertThat(cleaner.clean("ab\u200Dcd\u200Cef")).isEqualTo("abcdef");
    }

    @Test
    void turnsOddSpacesIntoPlainSpaces() {
        assertThat(cleaner.clean("a\u00A0b\u2002c\u2009d\u200Ae\u3000f")).isEqualTo("a b c d e f");
    }

    @Test
    void collapsesRunsOfSpacesAndTrims() {
        assertThat(cleaner.clean("   नई    दिल्ली \u00A0 \u2003 ")).isEqualTo("नई दिल्ली");
    }

    @Test
    void keepsNewlinesButNotTheSpacesAroundThem() {
        assertThat(cleaner.clean("पहला   \n   दूसरा\n\nतीसरा")).isEqualTo("पहला\nदूसरा\n\nतीसरा");
    }

    @Test
    void keepsPrivateUseCharacters() {
        assertThat(cleaner.clean("x\uE000y")).isEqualTo("x\uE000y");
    }

    @Test
    void countsControlsAndReplacementCharacters() {
        UnicodeCleaner.Result r = cleaner.cleanCounting("a\u0001b\u0002c\uFFFD");
        assertThat(r.controls()).isEqualTo(2);
        assertThat(r.replacements()).isEqualTo(1);
        assertThat(r.text()).isEqualTo("abc\uFFFD");
    }

    @Test
    void leavesCleanTextAlone() {
        String text = "वाशिंगटन, 12 जुलाई (आईएएनएस)। अमेरिका ने कहा।";
        assertThat(cleaner.clean(text)).isEqualTo(text);
        assertThat(cleaner.cleanCounting(text).controls()).isZero();
    }
}
