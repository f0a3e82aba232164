package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GeographyTest {
    private final Geography geography = Geography.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // name as an agency writes it | kind | English | state | country | national
        "लखनऊ | city | Lucknow | Uttar Pradesh | India | false",
        "LUCKNOW | city | Lucknow | Uttar Pradesh | India | false",
        "पणजी | city | Panaji | Goa | India | false",
        "पंजिम | city | Panaji | Goa | India | false",
        "गुड़गांव | city | Gurugram | Haryana | India | false",
        "गुडगांव | city | Gurugram | Haryana | India | false",
        "बेंगलूरु | city | Bengaluru | Karnataka | India | false",
        "श्रीनगर | city | Srinagar | Jammu and Kashmir | India | false",
        "लेह | city | Leh | Ladakh | India | false",
        "नयी दिल्ली | city | New Delhi | Delhi | India | true",
        "NEW DELHI | city | New Delhi | Delhi | India | true",
        "दिल्ली | state | Delhi | Delhi | India | true",
        "उत्तर प्रदेश | state | Uttar Pradesh | Uttar Pradesh | India | false",
        "U.P. | state | Uttar Pradesh | Uttar Pradesh | India | false",
        "जम्मू और कश्मीर | state | Jammu and Kashmir | Jammu and Kashmir | India | false",
        "भारत | country | India | - | India | false",
        "वाशिंगटन | city | Washington | - | United States | false",
        "वॉशिंगटन डीसी | city | Washington | - | United States | false",
        "Kiev | city | Kyiv | - | Ukraine | false",
        "ग़ाज़ा | city | Gaza | - | Palestine | false",
        "अमरीका | country | United States | - | United States | false",
        "US | country | United States | - | United States | false",
        "काठमांडू | city | Kathmandu | - | Nepal | false",
        "तुर्किये | country | Turkey | - | Turkey | false",
    })
    void placesLieInTheirStateAndCountry(String name, String kind, String english, String state, String country,
                                         boolean national) {
        assertThat(geography.find(name)).contains(new Geography.Where(kind, english, state, country, national));
    }

    @Test
    void everyIndianStateAndUnionTerritoryIsKnownAndInIndia() {
        String[] all = {"आंध्र प्रदेश", "अरुणाचल प्रदेश", "असम", "बिहार", "छत्तीसगढ़", "गोवा", "गुजरात", "हरियाणा",
            "हिमाचल प्रदेश", "झारखंड", "कर्नाटक", "केरल", "मध्य प्रदेश", "महाराष्ट्र", "मणिपुर", "मेघालय", "मिजोरम",
            "नगालैंड", "ओडिशा", "पंजाब", "राजस्थान", "सिक्किम", "तमिलनाडु", "तेलंगाना", "त्रिपुरा", "उत्तर प्रदेश",
            "उत्तराखंड", "पश्चिम बंगाल", "अंडमान और निकोबार द्वीपसमूह", "चंडीगढ़", "दादरा और नगर हवेली और दमन और दीव",
            "दिल्ली", "जम्मू-कश्मीर", "लद्दाख", "लक्षद्वीप", "पुडुचेरी"};
        for (String s : all) {
            assertThat(geography.find(s)).as(s).hasValueSatisfying(w -> {
                assertThat(w.kind()).isEqualTo("state");
                assertThat(w.inIndia()).isTrue();
            });
        }
    }

    @Test
    void countriesAreCountriesAndUnknownOrHostileNamesAreNothing() {
        assertThat(geography.isCountry("नेपाल")).isTrue();
        assertThat(geography.isCountry("[भारत]")).isTrue();
        assertThat(geography.isCountry("गोवा")).isFalse();
        assertThat(geography.find("मलिहाबाद")).isEmpty();
        assertThat(geography.find(null)).isEmpty();
        assertThat(geography.find("")).isEmpty();
        assertThat(geography.find("<script>" + "x".repeat(100_000))).isEmpty();
    }

    @Test
    void aMalformedLineIsAnErrorWithItsLineNumber() {
        assertThatThrownBy(() -> Geography.read(new BufferedReader(new StringReader("# c\ntown\tX\tY\tZ\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":2:");
    }
}
