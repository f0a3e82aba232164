package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SluggerTest {

    private final Slugger slugger = new Slugger();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "रूस के शीर्ष राजनयिक | rus-ke-shirsh-rajnayik",
        "प्रधानमंत्री मोदी ने कहा | pradhanmantri-modi-ne-kaha",
        "सरकार का बड़ा फैसला | sarkar-ka-bara-faisla",
        "भाजपा और कांग्रेस में टक्कर | bhajpa-aur-kangres-men-takkar",
        "लोकसभा चुनाव 2024 | loksabha-chunav-2024",
        "छात्रों ने परीक्षा दी | chhatron-ne-pariksha-di",
        "मंगलवार को बारिश की चेतावनी | mangalvar-ko-barish-ki-chetavni",
        "सामाजिक न्याय और राजनीतिक दल | samajik-nyay-aur-rajnitik-dal",
        "संबंध और चंपारण | sambandh-aur-champaran",
        "राष्ट्रपति ने मित्र देशों से बात की | rashtrapati-ne-mitra-deshon-se-bat-ki",
        "क्षेत्र में ज्ञान का प्रसार | kshetra-men-gyan-ka-prasar",
        "उत्तर प्रदेश में अपराध | uttar-pradesh-men-apradh",
        "२०२४ में विकसित भारत | 2024-men-vikasit-bharat",
        "Modi visits US | modi-visits-us",
        "Modi's US visit: what’s next? | modis-us-visit-whats-next",
        "IPL 2025: मुंबई इंडियंस की जीत | ipl-2025-mumbai-indiyans-ki-jit",
        "नई दिल्ली। बड़ी ख़बर!!! | nai-dilli-bari-khabar",
        "Élysée says «non» | elysee-says-non",
    })
    void makesReadableSlugs(String headline, String slug) {
        assertThat(slugger.slug(headline)).isEqualTo(slug);
    }

    @Test
    void spellsNuktaLettersTheSameWhetherPrecomposedOrNot() {
        assertThat(slugger.slug("\u0958\u093E\u0928\u0942\u0928")).isEqualTo(slugger.slug("\u0915\u093C\u093E\u0928\u0942\u0928"))
                .isEqualTo("kanun");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "।।", "!!! ???", "\u200B"})
    void fallsBackToStoryWhenNothingIsLeft(String headline) {
        assertThat(slugger.slug(headline)).isEqualTo("story");
    }

    @Test
    void cutsLongSlugsAtAWordBoundary() {
        String headline = "भारत और अमेरिका के बीच व्यापार समझौते पर बातचीत फिर शुरू, दोनों देशों के वार्ताकार अगले सप्ताह "
                + "वाशिंगटन में मिलेंगे और शुल्क पर चर्चा करेंगे";
        // The next word, "ke", would take the slug to 81 characters.
        assertThat(slugger.slug(headline))
                .isEqualTo("bharat-aur-amerika-ke-bich-vyapar-samjhaute-par-batchit-fir-shuru-donon-deshon");
    }

    @Test
    void cutsASingleOverlongWordHard() {
        assertThat(slugger.slug("a".repeat(120))).isEqualTo("a".repeat(80));
    }

    @Test
    void isPlainLowercaseAscii() {
        assertThat(slugger.slug("शिवसेना (UBT) — ठाकरे गुट, 3 सीटें")).matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
