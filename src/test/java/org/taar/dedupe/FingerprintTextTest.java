package org.taar.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTextTest {
    private final FingerprintText text = new FingerprintText();

    @Test
    void datelineAndCreditAreDroppedSoRelaysCompareEqual() {
        assertThat(text.normalize("नई दिल्ली, 12 जुलाई (आईएएनएस)। सरकार ने नई नीति जारी की।"))
                .isEqualTo(text.normalize("नयी दिल्ली, १२ जुलाई (भाषा) सरकार ने नई नीति जारी की\nइनपुट: भाषा"))
                .isEqualTo("सरकार ने नई नीति जारी की");
    }

    @Test
    void nuktaChandrabinduDigitsCaseAndPunctuationFold() {
        assertThat(text.normalize("ज़िले में फ़सल, हँसी: १२३ Crore!")).isEqualTo(text.normalize("जिले में फसल हंसी 123 crore"));
    }

    @Test
    void parenthesesThatAreNotCreditsStay() {
        assertThat(text.normalize("बैठक (जदयू) में फैसला")).isEqualTo("बैठक जदयू में फैसला");
    }

    @Test
    void fingerprintsAreDeterministicAndSimilarTextsAgree() {
        Fingerprinter f = new Fingerprinter();
        String body = String.join("\n", DuplicatesTest.FLOOD);
        Fingerprint a = f.of("केरल में बारिश", body);
        assertThat(new Fingerprinter().of("केरल में बारिश", body).signature()).isEqualTo(a.signature());
        Fingerprint cut = f.of("केरल में बारिश", DuplicatesTest.FLOOD.get(0) + "\n" + DuplicatesTest.FLOOD.get(1));
        Fingerprint other = f.of("भारत जीता", String.join("\n", DuplicatesTest.CRICKET));
        assertThat(MinHash.overlap(a.signature(), a.shingles(), cut.signature(), cut.shingles())).isGreaterThan(Duplicates.THRESHOLD);
        assertThat(MinHash.overlap(a.signature(), a.shingles(), other.signature(), other.shingles())).isLessThan(Duplicates.THRESHOLD);
    }
}
