package org.taar.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    @Test
    void normalizationRemovesNuktaMapsChandrabinduAndLowercasesLatin() {
        // ज़ (precomposed U+095B) and ज + nukta both become ज; चाँद → चांद.
        assertThat(Features.normalize("\u095Bमीन")).isEqualTo("जमीन");
        assertThat(Features.normalize("ज\u093Cमीन")).isEqualTo("जमीन");
        assertThat(Features.normalize("चाँद")).isEqualTo("चांद");
        assertThat(Features.normalize("IPL Final")).isEqualTo("ipl final");
    }

    @Test
    void wordsKeepCombiningMarksAndSplitOnPunctuation() {
        assertThat(Features.words(Features.normalize("क्रिकेट: भारत ने, 2023 में—जीत!")))
                .containsExactly("क्रिकेट", "भारत", "ने", "2023", "में", "जीत");
    }

    @Test
    void namesAreCharNgramsWithinWordsWordsAndBigrams() {
        assertThat(Features.names("ab cd")).containsExactly(
                "w:ab", "c: a", "c:ab", "c:b ", "c: ab", "c:ab ", "c: ab ",
                "w:cd", "b:ab cd", "c: c", "c:cd", "c:d ", "c: cd", "c:cd ", "c: cd ");
        // No n-gram crosses a word boundary.
        assertThat(Features.names("ab cd")).noneMatch(n -> n.startsWith("c:") && n.contains("b c"));
    }

    @Test
    void vectorIsSortedDistinctUnitLengthAndDeterministic() {
        Features f = new Features(16);
        Features.Vector v = f.vector("भारत ने मैच जीता, भारत खुश");
        assertThat(v.index()).isSorted();
        assertThat(Arrays.stream(v.index()).distinct().count()).isEqualTo(v.size());
        double norm = 0;
        for (float x : v.value()) norm += x * x;
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(f.vector("भारत ने मैच जीता, भारत खुश").index()).isEqualTo(v.index());
        assertThat(f.vector("ज़मीन").index()).isEqualTo(f.vector("जमीन").index());
        assertThat(f.vector("").size()).isZero();
        assertThat(Features.hash("खेल")).isEqualTo(Features.hash("खेल")); // fixed, not identity-based
    }

    @Test
    void rejectsOddSizes() {
        assertThatThrownBy(() -> new Features(4)).isInstanceOf(IllegalArgumentException.class);
    }
}
