package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.taar.item.Place;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;

class WireTextParserTest {
    private final WireTextParser parser = new WireTextParser();

    private NewsItem parseOne(byte[] content) throws ParseException {
        ParseResult r = parser.parse(content, CTX);
        assertThat(r.format()).isEqualTo("wiretext");
        assertThat(r.items()).hasSize(1);
        return r.items().get(0);
    }

    @Test
    void headerFieldsFillTheItem() throws Exception {
        NewsItem item = parseOne(bytes("wiretext/ians-washington.txt"));
        assertThat(item.headline()).isEqualTo("अमेरिका ने भारत के साथ व्यापार वार्ता का नया दौर शुरू किया");
        assertThat(item.subheadline()).isEqualTo("दोनों देशों के अधिकारी अगले सप्ताह नई दिल्ली में मिलेंगे");
        assertThat(item.summary()).startsWith("अमेरिका और भारत ने");
        assertThat(item.section()).isEqualTo("विदेश");
        assertThat(item.tags()).containsExactly("अमेरिका", "भारत", "व्यापार");
        assertThat(item.agency()).isEqualTo("IANS");
        assertThat(item.uri()).isEqualTo("urn:taar:ians-2025-07-12-0042");
        assertThat(item.version()).isEqualTo(2);
        // The agency's own name is no byline.
        assertThat(item.byline()).isNull();
        assertThat(item.urgency()).isEqualTo(4);
        assertThat(item.language()).isEqualTo("hi");
        assertThat(item.located()).isEqualTo("वाशिंगटन");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:15:00Z"));
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2025-07-12T05:49:00Z"));
    }

    @Test
    void correctedStatusIsUsable() throws Exception {
        assertThat(parseOne(bytes("wiretext/ians-washington.txt")).pubstatus()).isEqualTo(PubStatus.USABLE);
    }

    @Test
    void bodyParagraphsAreSeparatedByBlankLinesAndEscaped() throws Exception {
        NewsItem item = parseOne(bytes("wiretext/ians-washington.txt"));
        assertThat(item.bodyHtml()).startsWith("<p>वाशिंगटन, 12 जुलाई (आईएएनएस)। अमेरिका ने शनिवार को भारत के साथ व्यापार वार्ता का नया दौर शुरू करने की घोषणा की।");
        assertThat(item.bodyHtml()).contains("शुल्क &lt; 10% और बाज़ार पहुँच पर सहमति चाहते हैं &amp; जल्द");
        assertThat(item.bodyHtml()).endsWith("<p>--आईएएनएस</p>");
        assertThat(item.bodyHtml().split("<p>")).hasSize(4);
    }

    @Test
    void unknownHeaderKeyIsAWarningNotAnError() throws Exception {
        NewsItem item = parseOne(bytes("wiretext/ians-washington.txt"));
        assertThat(item.warnings()).containsExactly("unknown header 'X-Desk-Note' ignored");
    }

    @Test
    void withoutHeaderTheFirstLineIsTheHeadlineEvenWithAColon() throws Exception {
        NewsItem item = parseOne(bytes("wiretext/no-header.txt"));
        assertThat(item.headline()).isEqualTo("मुंबई: शेयर बाज़ार में तेज़ी, सेंसेक्स 500 अंक चढ़ा");
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.firstCreated()).isEqualTo(CTX.receivedAt());
    }

    @Test
    void bodyWithoutBlankLinesHasOneParagraphPerLine() throws Exception {
        NewsItem item = parseOne(bytes("wiretext/no-header.txt"));
        assertThat(item.bodyHtml()).isEqualTo(
                "<p>मुंबई, 12 जुलाई (आईएएनएस)। घरेलू शेयर बाज़ार में शनिवार को तेज़ी देखी गई।</p>"
                        + "<p>बैंकिंग और आईटी शेयरों में सबसे ज़्यादा खरीदारी हुई।</p><p>--आईएएनएस</p>");
    }

    @Test
    void englishLookingFirstLineWithUnknownKeyIsNotAHeader() throws Exception {
        NewsItem item = parseOne(utf8("Breaking: भूकंप के झटके\n\nदिल्ली में भूकंप।"));
        // Not a header; "Breaking:" is the urgency it signals, not a word of the headline.
        assertThat(item.headline()).isEqualTo("भूकंप के झटके");
        assertThat(item.urgency()).isEqualTo(2);
        assertThat(item.bodyHtml()).isEqualTo("<p>दिल्ली में भूकंप।</p>");
    }

    @Test
    void canceledStatusMakesACanceledItem() throws Exception {
        NewsItem item = parseOne(bytes("wiretext/canceled.txt"));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(item.uri()).isEqualTo("urn:taar:ians-2025-07-12-0042");
        assertThat(item.version()).isEqualTo(3);
        assertThat(item.headline()).startsWith("कृपया ध्यान दें:");
    }

    @Test
    void headerKeysAreCaseInsensitive() throws Exception {
        NewsItem item = parseOne(utf8("HEADLINE: शीर्षक\nstatus: Withheld\n\nपाठ"));
        assertThat(item.headline()).isEqualTo("शीर्षक");
        assertThat(item.pubstatus()).isEqualTo(PubStatus.WITHHELD);
    }

    @Test
    void embargoWithoutOffsetIsReadInKolkata() throws Exception {
        NewsItem item = parseOne(utf8("Headline: शीर्षक\nEmbargo: 2025-07-12 18:30\n\nपाठ"));
        assertThat(item.embargoed()).isEqualTo(Instant.parse("2025-07-12T13:00:00Z"));
    }

    @Test
    void embargoWithOffsetIsReadAsWritten() throws Exception {
        NewsItem item = parseOne(utf8("Headline: शीर्षक\nEmbargo: 2025-07-12T18:30:00Z\n\nपाठ"));
        assertThat(item.embargoed()).isEqualTo(Instant.parse("2025-07-12T18:30:00Z"));
    }

    @Test
    void unreadableEmbargoHoldsTheItem() throws Exception {
        NewsItem item = parseOne(utf8("Headline: शीर्षक\nEmbargo: कल सुबह\n\nपाठ"));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.WITHHELD);
        assertThat(item.warnings()).anyMatch(w -> w.contains("Embargo"));
    }

    @Test
    void urgencyOutsideOneToNineIsAWarning() throws Exception {
        NewsItem item = parseOne(utf8("Headline: शीर्षक\nUrgency: 12\n\nपाठ"));
        assertThat(item.urgency()).isNull();
        assertThat(item.warnings()).containsExactly("urgency '12' is not 1-9; ignored");
    }

    @Test
    void derivedUriIsDeterministicPerSourceHeadlineAndCreated() throws Exception {
        byte[] story = utf8("Headline: शीर्षक\nCreated: 2025-07-12 10:00\n\nपाठ");
        String a = parseOne(story).uri();
        assertThat(parseOne(story).uri()).isEqualTo(a);
        assertThat(a).matches("urn:taar:ians-drop:[0-9a-f]{20}");
        ParseContext other = new ParseContext("pti-drop", CTX.receivedAt());
        assertThat(parser.parse(story, other).items().get(0).uri()).isNotEqualTo(a);
        assertThat(parseOne(utf8("Headline: शीर्षक\nCreated: 2025-07-12 10:01\n\nपाठ")).uri()).isNotEqualTo(a);
    }

    @Test
    void idThatIsNotAUriIsWrappedAndPercentEncoded() throws Exception {
        assertThat(parseOne(utf8("Headline: h\nID: आईएएनएस 42/a\n\nb")).uri())
                .isEqualTo("urn:taar:%E0%A4%86%E0%A4%88%E0%A4%8F%E0%A4%8F%E0%A4%A8%E0%A4%8F%E0%A4%B8%2042%2Fa");
        assertThat(parseOne(utf8("Headline: h\nURI: https://ians.in/story/42\n\nb")).uri())
                .isEqualTo("https://ians.in/story/42");
    }

    @Test
    void byteOrderMarkIsSkipped() throws Exception {
        byte[] withBom = utf8("\uFEFFHeadline: शीर्षक\n\nपाठ");
        assertThat(parseOne(withBom).headline()).isEqualTo("शीर्षक");
        assertThat(parser.accepts(withBom)).isTrue();
    }

    @Test
    void invalidUtf8IsRejectedWithItsByteOffset() {
        assertThatThrownBy(() -> parser.parse(bytes("wiretext/invalid-utf8.txt"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessage("invalid UTF-8 at byte offset 49");
    }

    @Test
    void emptyFileIsRejected() {
        assertThatThrownBy(() -> parser.parse(bytes("wiretext/empty.txt"), CTX)).hasMessage("empty file");
        assertThatThrownBy(() -> parser.parse(new byte[0], CTX)).hasMessage("empty file");
    }

    @Test
    void headerWithoutHeadlineIsRejected() {
        assertThatThrownBy(() -> parser.parse(bytes("wiretext/no-headline.txt"), CTX)).hasMessage("no headline");
    }

    @Test
    void acceptsTextButNotJsonXmlBinaryOrOtherEncodings() {
        assertThat(parser.accepts(bytes("wiretext/no-header.txt"))).isTrue();
        assertThat(parser.accepts(utf8("  {\"uri\": \"x\"}"))).isFalse();
        assertThat(parser.accepts(utf8("[1]"))).isFalse();
        assertThat(parser.accepts(utf8("\n<rss/>"))).isFalse();
        assertThat(parser.accepts(new byte[] {'a', 0, 'b'})).isFalse();
        assertThat(parser.accepts(bytes("wiretext/invalid-utf8.txt"))).isFalse();
        assertThat(parser.accepts(utf8("  \n"))).isFalse();
    }

    @Test
    void statusCorrectedIsUsableAndMarksACorrection() throws Exception {
        NewsItem corrected = parseOne("Headline: Senate passes budget\nStatus: corrected\n\nBody.\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(corrected.pubstatus()).isEqualTo(org.taar.item.PubStatus.USABLE);
        assertThat(corrected.correction()).isTrue();
        NewsItem plain = parseOne("Headline: Senate passes budget\nStatus: usable\n\nBody.\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(plain.correction()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // headline line | headline | correction | version | urgency
            "CORRECTED-Senate passes budget | Senate passes budget | true | 2 | -",
            "UPDATE 2-Senate passes budget | Senate passes budget | false | 3 | -",
            "FLASH: Quake hits Kabul | Quake hits Kabul | false | 1 | 1",
            "सुधार: केरल में भारी बारिश | केरल में भारी बारिश | true | 2 | -",
            "ब्रेकिंग: केरल में भारी बारिश | केरल में भारी बारिश | false | 1 | 2",
            "सुधार की राह पर अर्थव्यवस्था | सुधार की राह पर अर्थव्यवस्था | false | 1 | -",
    })
    void headlineSignalWordsAreReadOffInBothLayouts(String sent, String shown, boolean correction, int version,
            Integer urgency) throws Exception {
        for (String file : List.of(sent + "\n\nनई दिल्ली, 12 जुलाई (भाषा)। पाठ।\n", "Headline: " + sent + "\n\nपाठ।\n")) {
            NewsItem item = parseOne(file.getBytes(StandardCharsets.UTF_8));
            assertThat(item.headline()).isEqualTo(shown);
            assertThat(item.correction()).isEqualTo(correction);
            assertThat(item.version()).isEqualTo(version);
            assertThat(item.urgency()).isEqualTo(urgency);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "By JANE DOE | JANE DOE",
            "— संवाददाता | संवाददाता",
            "By Tom Krasovic, The San Diego Union-Tribune | Tom Krasovic",
            "— आईएएनएस | -",
            "By Reuters Staff | -",
    })
    void bylineLineUnderTheHeadlineIsReadAndLeftOutOfTheBody(String line, String byline) throws Exception {
        String file = "Senate passes budget\n" + line + "\n\nWASHINGTON, D.C. (AP) — The Senate passed the budget.\n";
        NewsItem item = parseOne(file.getBytes(StandardCharsets.UTF_8));
        assertThat(item.byline()).isEqualTo(byline);
        assertThat(item.bodyHtml()).startsWith("<p>WASHINGTON, D.C. (AP)");
        assertThat(item.located()).isEqualTo("WASHINGTON");
        assertThat(item.places()).extracting(Place::kind).containsExactly(Place.STATE);
    }

    @Test
    void aDeskCreditEndingTheTextIsTheByline() throws Exception {
        String file = "लखनऊ में बारिश\n\nलखनऊ, 12 जुलाई। शहर में बारिश हुई।\n\n— संवाददाता\n";
        NewsItem item = parseOne(file.getBytes(StandardCharsets.UTF_8));
        assertThat(item.byline()).isEqualTo("संवाददाता");
        assertThat(item.bodyHtml()).doesNotContain("संवाददाता");
    }

    @Test
    void hostileBylineAndDatelineLinesLoseNothing() throws Exception {
        String longCredit = "By " + "A".repeat(5000);
        String file = "Senate passes budget\n" + longCredit + "\n\n((((((( (AP) — " + "x(".repeat(10_000) + "\n";
        NewsItem item = parseOne(file.getBytes(StandardCharsets.UTF_8));
        assertThat(item.headline()).isEqualTo("Senate passes budget");
        assertThat(item.byline()).isNull();
        assertThat(item.bodyHtml()).contains("AAAA").contains("x(x(");
    }
}
