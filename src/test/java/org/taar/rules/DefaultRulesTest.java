package org.taar.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

/** The profanity and unverified lists, on stories written like real wire copy. */
class DefaultRulesTest {
    private final Rules rules = new Rules(Clock.fixed(Instant.parse("2025-07-12T06:00:00Z"), ZoneOffset.UTC));

    private Decision decide(String headline, String body) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:t";
        b.headline = headline;
        b.bodyHtml = "<p>" + body + "</p>";
        return rules.decide(b.build());
    }

    @Test
    void hindiAbuseInAQuoteIsHeld() {
        Decision d = decide("विधायक के बयान पर हंगामा",
                "लखनऊ, 12 जुलाई (आईएएनएस)। वीडियो में विधायक कथित तौर पर कहते सुने गए, \"ये सब <b>भोसड़ी</b> के हैं\"।");
        assertThat(d.action()).isEqualTo(Decision.Action.HOLD);
        assertThat(d.rule()).isEqualTo("profanity");
        assertThat(d.reason()).contains("भोसड़ी");
    }

    @Test
    void nuktaAndChandrabinduVariantsMatchTheListedWord() {
        assertThat(decide("भोसडी वाले बयान पर माफी", "x").rule()).isEqualTo("profanity");
        assertThat(decide("गाँड़ू कहने पर केस", "x").rule()).isEqualTo("profanity");
        assertThat(decide("हरामजादा कहने पर गिरफ्तार", "x").rule()).isEqualTo("profanity");
    }

    @Test
    void englishProfanityIsHeldAsAWholeWordOrListedPrefix() {
        assertThat(decide("Senator caught on hot mic", "WASHINGTON (AP) — He said: \"This is bullshit.\"").rule())
                .isEqualTo("profanity");
        assertThat(decide("Rapper's FUCKING lyrics row", "x").rule()).isEqualTo("profanity");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Scunthorpe United beat Sussex side in cup tie",
            "Shiitake prices rise; Dickens museum reopens; assassin's trial in Essex",
            "Cocktail bar in Penistone; Hancock and Cockburn at the bass festival",
            "Document titled 'Class assessment' released",
            "अर्जुन के गांडीव की कथा पर नाटक का मंचन",
            "लंडन में भारतीय उच्चायोग के बाहर प्रदर्शन",
            "मादरे वतन के लिए शहीद हुए जवान को श्रद्धांजलि",
            "बहन की शादी में पहुंचे मुख्यमंत्री",
            "रमजान में हराम और हलाल पर मौलाना का बयान",
            "साले की शादी में गए युवक की सड़क हादसे में मौत",
            "पुलिस ने कुत्ते को बचाया",
            "Lund University study on climate"})
    void innocentWordsThatContainOrResembleListedOnesArePublished(String headline) {
        Decision d = decide(headline, "नई दिल्ली, 12 जुलाई (आईएएनएस)। विस्तृत खबर।");
        assertThat(d.rule()).as(headline).isEqualTo("default-publish");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "व्यंग्य: सरकार ने सूरज पर टैक्स लगाया",
            "सोशल मीडिया पर वायरल दावा: 2000 के नोट में चिप",
            "फैक्ट चेक: क्या सच में बंद होंगे 500 के नोट?",
            "अपुष्ट खबरों के मुताबिक अभिनेता अस्पताल में",
            "Satire: Parliament to hold sessions on the Moon",
            "Unconfirmed reports say minister resigned",
            "Viral claim about free laptops is a hoax"})
    void unverifiedOrSatiricalMarkersAreHeld(String headline) {
        Decision d = decide(headline, "x");
        assertThat(d.action()).as(headline).isEqualTo(Decision.Action.HOLD);
        assertThat(d.rule()).as(headline).isEqualTo("unverified");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The claim could not be independently verified, officials said",
            "सत्यापन के बाद सूची जारी; पुष्टि हो गई है",
            "Fake news crackdown: ministry issues advisory",
            "Onion prices soar in Nashik"})
    void soundStoriesWithNearbyWordsArePublished(String headline) {
        assertThat(decide(headline, "x").rule()).as(headline).isEqualTo("default-publish");
    }
}
