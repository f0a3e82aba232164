package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTest {
    @Test
    void nuktaChandrabinduAndJoinersFoldAway() {
        assertThat(Folding.words("ख़बर ज\u093Cमीन \u095Bमीन सिँह क\u200Dर"))
                .containsExactly("खबर", "जमीन", "सिंह", "कर");
        assertThat(Folding.words("\u0958\u0959\u095A\u095C\u095D\u095E\u095F")).containsExactly("कखगडढफय");
    }

    @Test
    void wordsAreLettersDigitsAndMarksInLowerCaseWithAsciiDigits() {
        assertThat(Folding.words("बजट २०२५: Delhi-NCR में ५०% बारिश। सब_ठीक"))
                .containsExactly("बजट", "2025", "delhi", "ncr", "में", "50", "बारिश", "सब", "ठीक");
        // A matra and a virama belong to their word; a repeated word is kept once.
        assertThat(Folding.words("क्रिकेट क्रिकेट")).containsExactly("क्रिकेट");
    }

    @Test
    void theKeyPutsASpaceBeforeEachWord() {
        assertThat(Folding.key("केरल में भारी बारिश")).isEqualTo(" केरल में भारी बारिश");
        assertThat(Folding.key("ख़बर")).isEqualTo(Folding.key("खबर"));
        assertThat(Folding.key(null)).isEmpty();
        assertThat(Folding.key("%_!' ;--")).isEmpty();
    }

    @Test
    void hostileTextFoldsToPlainWordsAndAKeyOfBoundedLength() {
        assertThat(Folding.words("<script>alert('x')</script>")).containsExactly("script", "alert", "x");
        assertThat(Folding.key("बारिश ".repeat(10_000))).isEqualTo(" बारिश");
        String many = "w".repeat(10);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) text.append(many).append(i).append(' ');
        assertThat(Folding.key(text.toString())).hasSizeLessThanOrEqualTo(Folding.MAX_KEY).startsWith(" wwwwwwwwww0 ");
        assertThat(Folding.key("x".repeat(10_000))).as("a word longer than any key is dropped").isEmpty();
        assertThat(Folding.words("\uD83D\uDE00 \u0000 \uFFFF")).isEmpty();
    }
}
