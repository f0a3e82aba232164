package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.taar.item.Place;

class DatelineParserTest {

    private final DatelineParser parser = new DatelineParser(new Agencies());

    /*
     * paragraph | place | day | month | year | agency | qualifiers (kind:name;...) | the story's first words after it.
     * "-" for none. Written for Taar after the shapes each agency uses.
     */
    private static final String DATELINES = """
        वाशिंगटन, 12 जुलाई (आईएएनएस)। अमेरिका ने चीन पर नए शुल्क लगाए। | वाशिंगटन | 12 | 7 | - | IANS | - | अमेरिका ने चीन
        नई दिल्ली, 3 मार्च (भाषा) केंद्र सरकार ने सोमवार को कहा कि... | नई दिल्ली | 3 | 3 | - | PTI | - | केंद्र सरकार
        नयी दिल्ली, 5 जून (भाषा) उच्चतम न्यायालय ने... | नयी दिल्ली | 5 | 6 | - | PTI | - | उच्चतम न्यायालय
        लखनऊ, 15 अगस्त (वार्ता) उत्तर प्रदेश के मुख्यमंत्री ने... | लखनऊ | 15 | 8 | - | UNI | - | उत्तर प्रदेश के
        भोपाल, 9 सितम्बर (यूनीवार्ता)। मध्य प्रदेश में... | भोपाल | 9 | 9 | - | UNI | - | मध्य प्रदेश में
        जयपुर, 21 सितंबर (यूएनआई) राजस्थान में... | जयपुर | 21 | 9 | - | UNI | - | राजस्थान में
        श्रीनगर, 5 नवंबर (एएनआई)। जम्मू-कश्मीर में... | श्रीनगर | 5 | 11 | - | ANI | - | जम्मू-कश्मीर में
        वाराणसी, 30 नवम्बर (हि.स.)। काशी विश्वनाथ मंदिर में... | वाराणसी | 30 | 11 | - | HS | - | काशी विश्वनाथ
        पटना, 2 दिसम्बर (हिस) बिहार विधानसभा में... | पटना | 2 | 12 | - | HS | - | बिहार विधानसभा
        रांची, 14 दिसंबर (हिन्दुस्थान समाचार)। झारखंड में... | रांची | 14 | 12 | - | HS | - | झारखंड में
        मुंबई, 1 अक्तूबर (पीटीआई) शेयर बाजार... | मुंबई | 1 | 10 | - | PTI | - | शेयर बाजार
        चेन्नई, 11 अक्टूबर (आईएएनएस)- तमिलनाडु में... | चेन्नई | 11 | 10 | - | IANS | - | तमिलनाडु में
        बीजिंग, 8 फ़रवरी (शिन्हुआ) चीन ने... | बीजिंग | 8 | 2 | - | XINHUA | - | चीन ने
        पेरिस, 19 फरवरी (एएफपी): फ्रांस के राष्ट्रपति... | पेरिस | 19 | 2 | - | AFP | - | फ्रांस के
        लंदन, २२ जनवरी (रायटर) ब्रिटेन में... | लंदन | 22 | 1 | - | REUTERS | - | ब्रिटेन में
        बर्लिन 4 अप्रैल (डीपीए) जर्मनी की... | बर्लिन | 4 | 4 | - | DPA | - | जर्मनी की
        न्यूयॉर्क, 7 मई (एपी) — अमेरिका में... | न्यूयॉर्क | 7 | 5 | - | AP | - | अमेरिका में
        टोक्यो, 16 जून (रॉयटर्स)। जापान... | टोक्यो | 16 | 6 | - | REUTERS | - | जापान...
        मुंबई (भाषा) महाराष्ट्र में... | मुंबई | - | - | - | PTI | - | महाराष्ट्र में
        नई दिल्ली, 12 जुलाई (आईएएनएस/वीएनएस)। सरकार | नई दिल्ली | 12 | 7 | - | IANS | - | सरकार
        लखनऊ (उत्तर प्रदेश) [भारत], 5 जून (एएनआई): राज्य सरकार ने | लखनऊ | 5 | 6 | - | ANI | state:उत्तर प्रदेश;country:भारत | राज्य सरकार ने
        पणजी (गोवा), 14 नवंबर (भाषा) गोवा में | पणजी | 14 | 11 | - | PTI | state:गोवा | गोवा में
        नई दिल्ली [भारत], 5 जून (एएनआई): केंद्रीय | नई दिल्ली | 5 | 6 | - | ANI | country:भारत | केंद्रीय
        इस्लामाबाद [पाकिस्तान], 3 जुलाई (एएनआई): पाकिस्तान के | इस्लामाबाद | 3 | 7 | - | ANI | country:पाकिस्तान | पाकिस्तान के
        काठमांडू (नेपाल), 9 जुलाई (भाषा) नेपाल के | काठमांडू | 9 | 7 | - | PTI | country:नेपाल | नेपाल के
        गुवाहाटी (असम), 2 जनवरी (भाषा) असम में | गुवाहाटी | 2 | 1 | - | PTI | state:असम | असम में
        शिमला (हिमाचल प्रदेश) [भारत], 20 अगस्त (एएनआई): राज्य | शिमला | 20 | 8 | - | ANI | state:हिमाचल प्रदेश;country:भारत | राज्य
        बेंगलुरु (कर्नाटक), 1 मई, 2025 (भाषा) शहर में | बेंगलुरु | 1 | 5 | 2025 | PTI | state:कर्नाटक | शहर में
        पणजी, गोवा, 14 नवंबर (भाषा) गोवा में | पणजी | 14 | 11 | - | PTI | state:गोवा | गोवा में
        हैदराबाद (तेलंगाना) (भाषा) राज्य में | हैदराबाद | - | - | - | PTI | state:तेलंगाना | राज्य में
        वाशिंगटन, 12 जुलाई (आईएएनएस)। ट्रंप ने | वाशिंगटन | 12 | 7 | - | IANS | - | ट्रंप ने
        वाशिंगटन, 12 जुलाइ (आईएएनएस)। ट्रंप ने | वाशिंगटन | 12 | 7 | - | IANS | - | ट्रंप ने
        सिडनी, १२ जुलाई २०२५ (आईएएनएस)। ऑस्ट्रेलिया | सिडनी | 12 | 7 | 2025 | IANS | - | ऑस्ट्रेलिया
        नई दिल्ली, 05 जून (हि.स.)। केंद्र | नई दिल्ली | 5 | 6 | - | HS | - | केंद्र
        कोलकाता, 05.06.2025 (हि.स.)। राज्य | कोलकाता | 5 | 6 | 2025 | HS | - | राज्य
        देहरादून, 7 फरबरी (वार्ता) उत्तराखंड | देहरादून | 7 | 2 | - | UNI | - | उत्तराखंड
        नयी दिल्ली, 5 जून (पीटीआई-भाषा) सरकार | नयी दिल्ली | 5 | 6 | - | PTI | - | सरकार
        रायपुर, 3 अप्रेल (वार्ता) छत्तीसगढ़ | रायपुर | 3 | 4 | - | UNI | - | छत्तीसगढ़
        अमृतसर, 16 जून (यूएनआई)– पंजाब | अमृतसर | 16 | 6 | - | UNI | - | पंजाब
        NEW DELHI, July 12 (IANS) The government on Saturday... | NEW DELHI | 12 | 7 | - | IANS | - | The government
        NEW DELHI, June 5 (PTI) - The Centre on Thursday | NEW DELHI | 5 | 6 | - | PTI | - | The Centre
        Mumbai, Jan 3 (PTI) Shares rose... | Mumbai | 3 | 1 | - | PTI | - | Shares rose...
        LONDON (Reuters) - British inflation fell... | LONDON | - | - | - | REUTERS | - | British inflation
        LONDON, June 5 (Reuters) - British inflation fell | LONDON | 5 | 6 | - | REUTERS | - | British inflation
        WASHINGTON (AP) — The Senate voted | WASHINGTON | - | - | - | AP | - | The Senate
        WASHINGTON, July 12 (AP) — The Senate voted... | WASHINGTON | 12 | 7 | - | AP | - | The Senate
        ROCHESTER, Minn. (AP) — A hospital | ROCHESTER | - | - | - | AP | state:Minn. | A hospital
        Kolkata, 12 July (UNI) The state government... | Kolkata | 12 | 7 | - | UNI | - | The state
        BERLIN, Sept. 3 (dpa) - Germany's... | BERLIN | 3 | 9 | - | DPA | - | Germany's...
        BERLIN, Sept 3 (dpa) - Germany's... | BERLIN | 3 | 9 | - | DPA | - | Germany's...
        PARIS, Dec 31 (AFP) - France... | PARIS | 31 | 12 | - | AFP | - | France...
        PARIS, Dec. 31, 2024 (AFP) - France | PARIS | 31 | 12 | 2024 | AFP | - | France
        BEIJING, March 5 (Xinhua) -- China's | BEIJING | 5 | 3 | - | XINHUA | - | China's
        Guwahati, August 20, 2025 (ANI): Assam... | Guwahati | 20 | 8 | 2025 | ANI | - | Assam...
        Srinagar (Jammu and Kashmir) [India], June 5 (ANI): Security | Srinagar | 5 | 6 | - | ANI | state:Jammu and Kashmir;country:India | Security
        Islamabad [Pakistan], Feb. 2 (ANI): Pakistan's | Islamabad | 2 | 2 | - | ANI | country:Pakistan | Pakistan's
        RIO DE JANEIRO, Nov 18 (Reuters) - Brazil | RIO DE JANEIRO | 18 | 11 | - | REUTERS | - | Brazil
        Rio de Janeiro, Nov 18 (Reuters) - Brazil | Rio de Janeiro | 18 | 11 | - | REUTERS | - | Brazil
        SAN FRANCISCO, Aug 1st (AP) - Tech | SAN FRANCISCO | 1 | 8 | - | AP | - | Tech
        Chennai, 1 Oct. (IANS) Tamil Nadu | Chennai | 1 | 10 | - | IANS | - | Tamil Nadu
        New Delhi, Nov 30 [PTI] The | New Delhi | 30 | 11 | - | PTI | - | The
        नयी दिल्ली, पांच जून (भाषा) केंद्र सरकार | नयी दिल्ली | 5 | 6 | - | PTI | - | केंद्र सरकार
        मुंबई, नौ अगस्त (भाषा) शेयर | मुंबई | 9 | 8 | - | PTI | - | शेयर
        चंडीगढ़, छह जनवरी (भाषा) पंजाब | चंडीगढ़ | 6 | 1 | - | PTI | - | पंजाब
        नयी दिल्ली 05 जून (वार्ता) केंद्र | नयी दिल्ली | 5 | 6 | - | UNI | - | केंद्र
        नयी दिल्ली/मुंबई, 12 मई (भाषा) देश | नयी दिल्ली/मुंबई | 12 | 5 | - | PTI | - | देश
        JERUSALEM/GAZA, June 5 (Reuters) - Israel | JERUSALEM/GAZA | 5 | 6 | - | REUTERS | - | Israel
        UNITED NATIONS, June 5 (AP) — The | UNITED NATIONS | 5 | 6 | - | AP | - | The
        ST. LOUIS (AP) — A | ST. LOUIS | - | - | - | AP | - | A
        WINSTON-SALEM, N.C. (AP) — A | WINSTON-SALEM | - | - | - | AP | state:N.C. | A
        GROSSETO, Italy (AP) -- The trial | GROSSETO | - | - | - | AP | country:Italy | The trial
        Gaza City, Palestinian Territories, May 16, 2021 (AFP) - Israeli | Gaza City | 16 | 5 | 2021 | AFP | state:Palestinian Territories | Israeli
        MOSCOW, Monday (Reuters) - Russia | MOSCOW | - | - | - | REUTERS | - | Russia
        NEW DELHI, Thursday, June 5 (PTI) - The | NEW DELHI | 5 | 6 | - | PTI | - | The
        London (Reuters) – Chancellor | London | - | - | - | REUTERS | - | Chancellor
        """;

    static Stream<Arguments> datelines() {
        return DATELINES.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] f = Arrays.stream(l.split(" \\| ")).map(String::strip).toArray(String[]::new);
            return Arguments.of(f[0], f[1], num(f[2]), num(f[3]), num(f[4]), f[5], f[6], f[7]);
        });
    }

    private static Integer num(String s) {
        return s.equals("-") ? null : Integer.valueOf(s);
    }

    private static String places(List<Place> places) {
        return places.isEmpty() ? "-" : places.stream().map(p -> p.kind() + ":" + p.name()).collect(Collectors.joining(";"));
    }

    @ParameterizedTest
    @MethodSource("datelines")
    void readsPlaceQualifiersDateAndAgencyAndLeavesTheStoryAfterIt(String paragraph, String place, Integer day,
                                                                   Integer month, Integer year, String agency,
                                                                   String qualifiers, String after) {
        Dateline d = parser.parse(paragraph).orElseThrow(() -> new AssertionError("no dateline in " + paragraph));
        assertThat(List.of(String.valueOf(d.place()), String.valueOf(d.day()), String.valueOf(d.month()),
                String.valueOf(d.year()), d.agencyCode(), places(d.qualifiers())))
                .containsExactly(place, String.valueOf(day), String.valueOf(month), String.valueOf(year), agency, qualifiers);
        assertThat(paragraph).startsWith(d.text());
        assertThat(paragraph.substring(d.text().length()).strip()).startsWith(after);
    }

    @ParameterizedTest
    @MethodSource("datelines")
    void readsTheSameDatelineWithExtraAndNoBreakSpaces(String paragraph, String place, Integer day, Integer month,
                                                      Integer year, String agency) {
        String spaced = "  " + paragraph.replace(", ", " ,\u00A0 ").replace(" (", "\u00A0 (").replaceFirst(" ", "  ");
        Dateline d = parser.parse(spaced).orElseThrow(() -> new AssertionError("no dateline in " + spaced));
        assertThat(List.of(d.place(), String.valueOf(d.day()), String.valueOf(d.month()), d.agencyCode()))
                .containsExactly(place, String.valueOf(day), String.valueOf(month), agency);
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
        "नई दिल्ली, 12 जुलाई (आईएएनएस",
        "(आईएएनएस) सरकार ने कहा",
        "",
        // A sentence with a comma and a date is not a dateline, with an agency credited later or not at all.
        "सरकार ने कहा, 5 जून से नए नियम लागू होंगे।",
        "बैठक 12 जुलाई को होगी, मंत्री ने बताया (भाषा)।",
        "प्रधानमंत्री ने कहा, 15 अगस्त (भाषा) को ध्वज फहराया जाएगा।",
        "Shares fell on Monday, June 5 (Reuters) as investors",
        "The minister said, June 5 (PTI) was the deadline.",
        "India won the match, June 5 (PTI) -",
        "On June 5, 2025, the court (PTI) ruled",
        "नई दिल्ली, 12 जुलाई 1850 (भाषा) ...",
        "नई दिल्ली, 12 तारीख (भाषा) ...",
        "लखनऊ (मुख्यमंत्री ने कहा) (भाषा) ...",
        "लखनऊ (उत्तर प्रदेश) [भारत], 5 जून: राज्य सरकार ने",
        "कोलकाता, 31.13.2025 (हि.स.)। राज्य",
        "नयी दिल्ली, बहुत जून (भाषा) ...",
    })
    void findsNoDatelineWhereThereIsNone(String paragraph) {
        assertThat(parser.parse(paragraph)).isEmpty();
    }

    @Test
    void findsNoDatelineInNullOrInAHugeParagraphWithoutOne() {
        assertThat(parser.parse(null)).isEmpty();
        assertThat(parser.find(null)).isEmpty();
        assertThat(parser.parse("(".repeat(100_000) + "भाषा" + ")".repeat(100_000))).isEmpty();
        assertThat(parser.parse("नई दिल्ली ".repeat(50_000) + "(भाषा)")).isEmpty();
    }

    @Test
    void readsPrecomposedAndDecomposedNuktaMonthsAlike() {
        assertThat(parser.parse("बीजिंग, 8 \u095Eरवरी (शिन्हुआ) ...")).map(Dateline::month).contains(2);
        assertThat(parser.parse("बीजिंग, 8 \u092B\u093Cरवरी (शिन्हुआ) ...")).map(Dateline::month).contains(2);
        String decomposed = Normalizer.normalize("लखनऊ (उत्तर प्रदेश), 5 फ़रवरी (भाषा) पाठ", Normalizer.Form.NFD);
        assertThat(parser.parse(decomposed)).map(Dateline::place).contains("लखनऊ");
    }

    @Test
    void readsEveryMonthInEverySpellingAgenciesUse() {
        String[][] months = {
            {"जनवरी", "January", "Jan."}, {"फरवरी", "फ़रवरी", "फरबरी", "February", "Feb"}, {"मार्च", "March", "Mar."},
            {"अप्रैल", "अप्रेल", "April", "Apr"}, {"मई", "May"}, {"जून", "June", "Jun."},
            {"जुलाई", "जुलाइ", "July", "Jul"}, {"अगस्त", "August", "Aug."},
            {"सितंबर", "सितम्बर", "September", "Sept.", "Sep"}, {"अक्टूबर", "अक्तूबर", "October", "Oct"},
            {"नवंबर", "नवम्बर", "November", "Nov."}, {"दिसंबर", "दिसम्बर", "December", "Dec"}};
        for (int i = 0; i < months.length; i++) {
            for (String name : months[i]) {
                assertThat(parser.parse("पटना, 1 " + name + " (वार्ता) ...")).as(name).map(Dateline::month).contains(i + 1);
                assertThat(parser.parse("PATNA, " + name + " 1 (UNI) ...")).as(name).map(Dateline::month).contains(i + 1);
            }
        }
    }

    @Test
    void findsTheDatelineBelowABylineButNotDeepInTheStory() {
        assertThat(parser.find("राजेश कुमार\n\nलखनऊ, 5 जून (भाषा) राज्य सरकार ने")).map(Dateline::place).contains("लखनऊ");
        assertThat(parser.find("By Jane Smith\nLONDON, June 5 (Reuters) - British")).map(Dateline::place).contains("LONDON");
        assertThat(parser.find("By Jane Smith, Reuters\nUpdated: June 5, 2025\nLONDON (Reuters) - British"))
                .map(Dateline::place).contains("LONDON");
        assertThat(parser.find("वाशिंगटन, 12 जुलाई (आईएएनएस)। पहला\n\nदूसरा")).map(Dateline::place).contains("वाशिंगटन");
        // A first paragraph of the story itself: what follows is the story, not its dateline.
        assertThat(parser.find("सरकार ने सोमवार को संसद में नए विधेयक पेश किए और विपक्ष ने इसका विरोध किया। बहस लंबी चली।\n"
                + "लखनऊ, 5 जून (भाषा) राज्य")).isEmpty();
        assertThat(parser.find("एक\nदो\nतीन\nलखनऊ, 5 जून (भाषा) राज्य")).isEmpty();
    }

    @Test
    void withoutTheDatelineLeavesTheStoryAndAParagraphWithoutOneAlone() {
        assertThat(parser.withoutDateline("लखनऊ (उत्तर प्रदेश) [भारत], 5 जून (एएनआई): राज्य सरकार ने"))
                .isEqualTo(" राज्य सरकार ने");
        assertThat(parser.withoutDateline("सरकार ने कहा, 5 जून से नियम लागू")).isEqualTo("सरकार ने कहा, 5 जून से नियम लागू");
    }
}
