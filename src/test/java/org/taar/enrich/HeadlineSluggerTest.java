package org.taar.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.taar.text.Slugger;

class HeadlineSluggerTest {
    private final HeadlineSlugger slugger = new HeadlineSlugger(Gazetteer.standard(), new Slugger());

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "रूस के शीर्ष राजनयिक | russia-shirsh-rajnayik",
        "उत्तर कोरिया ने मिसाइल दागी | north-korea-misail-dagi",
        "वाशिंगटन में बारिश | washington-barish",
        "प्रधानमंत्री मोदी ने कहा | narendra-modi-kaha",
        "सरकार का बड़ा फैसला | sarkar-bara-faisla",
        "भाजपा और कांग्रेस में टक्कर | bharatiya-janata-party-indian-national-congress-takkar",
        "लोकसभा चुनाव 2024 | lok-sabha-chunav-2024",
        "नई दिल्ली। बड़ी ख़बर!!! | new-delhi-bari-khabar",
        "दिल्ली में प्रदूषण नहीं घटा | delhi-pradushan-nahin-ghata",
        "Modi's US visit: what’s next? | narendra-modi-united-states-visit-whats-next",
        "The state of the economy | state-economy",
        "IPL 2025: मुंबई इंडियंस की जीत | indian-premier-league-2025-mumbai-indiyans-jit",
    })
    void entitiesInEnglishStopWordsDropped(String headline, String slug) {
        assertThat(slugger.slug(headline)).isEqualTo(slug);
    }

    @Test
    void aHeadlineOfStopWordsOnlyStillHasASlug() {
        assertThat(slugger.slug("है और भी")).isEqualTo("hai-aur-bhi");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "।।", "!!! ???"})
    void neverEmpty(String headline) {
        assertThat(slugger.slug(headline)).isEqualTo("story");
    }

    @Test
    void atMostEightyCharactersCutAtAWord() {
        String headline = "भारत और अमेरिका के बीच व्यापार समझौते पर बातचीत फिर शुरू, दोनों देशों के वार्ताकार अगले सप्ताह "
                + "वाशिंगटन में मिलेंगे और शुल्क पर चर्चा करेंगे";
        String slug = slugger.slug(headline);
        assertThat(slug).hasSizeLessThanOrEqualTo(80).matches("[a-z0-9]+(-[a-z0-9]+)*")
                .startsWith("india-united-states-bich-vyapar-samjhaute-batchit-fir-shuru");
        assertThat(slugger.slug("a".repeat(120))).isEqualTo("a".repeat(80));
    }
}
