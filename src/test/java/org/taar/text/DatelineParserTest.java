package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatelineParserTest {

    private final DatelineParser parser = new DatelineParser(new Agencies());

    static Stream<Arguments> datelines() {
        return Stream.of(
            Arguments.of("वाशिंगटन, 12 जुलाई (आईएएनएस)। अमेरिका ने चीन पर नए शुल्क लगाए।", "वाशिंगटन", 12, 7, "IANS"),
            Arguments.of("नई दिल्ली, 3 मार्च (भाषा) केंद्र सरकार ने सोमवार को कहा कि...", "नई दिल्ली", 3, 3, "PTI"),
            Arguments.of("नयी दिल्ली, 3 मार्च (भाषा) उच्चतम न्यायालय ने...", "नयी दिल्ली", 3, 3, "PTI"),
            Arguments.of("लखनऊ, 15 अगस्त (वार्ता) उत्तर प्रदेश के मुख्यमंत्री ने...", "लखनऊ", 15, 8, "UNI"),
            Arguments.of("भोपाल, 9 सितम्बर (यूनीवार्ता)। मध्य प्रदेश में...", "भोपाल", 9, 9, "UNI"),
            Arguments.of("जयपुर, 21 सितंबर (यूएनआई) राजस्थान में...", "जयपुर", 21, 9, "UNI"),
            Arguments.of("श्रीनगर, 5 नवंबर (एएनआई)। जम्मू-कश्मीर में...", "श्रीनगर", 5, 11, "ANI"),
            Arguments.of("वाराणसी, 30 नवम्बर (हि.स.)। काशी विश्वनाथ मंदिर में...", "वाराणसी", 30, 11, "HS"),
            Arguments.of("पटना, 2 दिसम्बर (हिस) बिहार विधानसभा में...", "पटना", 2, 12, "HS"),
            Arguments.of("रांची, 14 दिसंबर (हिन्दुस्थान समाचार)। झारखंड में...", "रांची", 14, 12, "HS"),
            Arguments.of("मुंबई, 1 अक्तूबर (पीटीआई) शेयर बाजार...", "मुंबई", 1, 10, "PTI"),
            Arguments.of("चेन्नई, 11 अक्टूबर (आईएएनएस)- तमिलनाडु में...", "चेन्नई", 11, 10, "IANS"),
            Arguments.of("बीजिंग, 8 फ़रवरी (शिन्हुआ) चीन ने...", "बीजिंग", 8, 2, "XINHUA"),
            Arguments.of("पेरिस, 19 फरवरी (एएफपी): फ्रांस के राष्ट्रपति...", "पेरिस", 19, 2, "AFP"),
            Arguments.of("लंदन, २२ जनवरी (रायटर) ब्रिटेन में...", "लंदन", 22, 1, "REUTERS"),
            Arguments.of("बर्लिन 4 अप्रैल (डीपीए) जर्मनी की...", "बर्लिन", 4, 4, "DPA"),
            Arguments.of("न्यूयॉर्क, 7 मई (एपी) — अमेरिका में...", "न्यूयॉर्क", 7, 5, "AP"),
            Arguments.of("टोक्यो, 16 जून (रॉयटर्स)। जापान...", "टोक्यो", 16, 6, "REUTERS"),
            Arguments.of("मुंबई (भाषा) महाराष्ट्र में...", "मुंबई", null, null, "PTI"),
            Arguments.of("NEW DELHI, July 12 (IANS) The government on Saturday...", "NEW DELHI", 12, 7, "IANS"),
            Arguments.of("Mumbai, Jan 3 (PTI) Shares rose...", "Mumbai", 3, 1, "PTI"),
            Arguments.of("LONDON (Reuters) - British inflation fell...", "LONDON", null, null, "REUTERS"),
            Arguments.of("WASHINGTON, July 12 (AP) — The Senate voted...", "WASHINGTON", 12, 7, "AP"),
            Arguments.of("Kolkata, 12 July (UNI) The state government...", "Kolkata", 12, 7, "UNI"),
            Arguments.of("BERLIN, Sept. 3 (dpa) - Germany's...", "BERLIN", 3, 9, "DPA"),
            Arguments.of("PARIS, Dec 31 (AFP) - France...", "PARIS", 31, 12, "AFP"),
            Arguments.of("BEIJING, March 5 (Xinhua) -- China's...", "BEIJING", 5, 3, "XINHUA"),
            Arguments.of("Guwahati, August 20, 2025 (ANI): Assam...", "Guwahati", 20, 8, "ANI"),
            Arguments.of("नई दिल्ली, 12 जुलाई (आईएएनएस/वीएनएस)। ...", "नई दिल्ली", 12, 7, "IANS"));
    }

    @ParameterizedTest
    @MethodSource("datelines")
    void readsPlaceDateAndAgency(String paragraph, String place, Integer day, Integer month, String agency) {
        assertThat(parser.parse(paragraph)).contains(new Dateline(place, day, month, agency));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "प्रधानमंत्री (पीएम) ने कहा कि देश आगे बढ़ेगा।",
        "केंद्रीय मंत्री ने कहा कि सरकार (भाषा) के बारे में बाद में बताएगी।",
        "मोदी ने कहा (एएनआई) कि...",
        "The Reserve Bank of India (RBI) on Friday kept rates unchanged.",
        "He said (AP) was wrong.",
        "अमेरिका ने चीन पर नए शुल्क लगाए हैं और इस बारे में विस्तृत जानकारी आने वाले दिनों में दी जाएगी (आईएएनएस)।",
        "नई दिल्ली, 12 जुलाई। सरकार ने कहा...",
        "नई दिल्ली, 45 जुलाई (भाषा) ...",
        "(आईएएनएस) सरकार ने कहा",
        "नई दिल्ली, 12 जुलाई (आईएएनएस",
        ""
    })
    void findsNoDatelineWhereThereIsNone(String paragraph) {
        assertThat(parser.parse(paragraph)).isEmpty();
    }

    @Test
    void findsNoDatelineInNull() {
        assertThat(parser.parse(null)).isEmpty();
    }

    @Test
    void readsPrecomposedAndDecomposedNuktaMonthsAlike() {
        assertThat(parser.parse("बीजिंग, 8 \u095Eरवरी (शिन्हुआ) ...")).map(Dateline::month).contains(2);
        assertThat(parser.parse("बीजिंग, 8 \u092B\u093Cरवरी (शिन्हुआ) ...")).map(Dateline::month).contains(2);
    }

    @Test
    void readsEveryHindiMonth() {
        String[] months = {"जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर",
            "नवंबर", "दिसंबर"};
        for (int i = 0; i < months.length; i++) {
            assertThat(parser.parse("पटना, 1 " + months[i] + " (वार्ता) ...")).map(Dateline::month).contains(i + 1);
        }
    }
}
