package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;

class NinjsParserTest {
    private final NinjsParser parser = new NinjsParser();

    private NewsItem parseOne(byte[] content) throws ParseException {
        ParseResult r = parser.parse(content, CTX);
        assertThat(r.format()).isEqualTo("ninjs");
        assertThat(r.items()).hasSize(1);
        return r.items().get(0);
    }

    @Test
    void ninjs1HeadlineBecomesMainHeadline() throws Exception {
        NewsItem item = parseOne(bytes("ninjs/hindi-1x.json"));
        assertThat(item.headline()).isEqualTo("मानसून ने पूरे देश को कवर किया, मौसम विभाग ने जारी की चेतावनी");
        assertThat(item.uri()).isEqualTo("urn:newsml:ians.in:20250712:ians-hi-0051");
        assertThat(item.summary()).startsWith("भारत मौसम विज्ञान विभाग");
        assertThat(item.byline()).isEqualTo("आईएएनएस");
        assertThat(item.located()).isEqualTo("नई दिल्ली");
        assertThat(item.slugline()).isEqualTo("मौसम-मानसून");
        assertThat(item.ednote()).startsWith("भारी बारिश");
        assertThat(item.urgency()).isEqualTo(3);
        assertThat(item.language()).isEqualTo("hi");
        assertThat(item.warnings()).isEmpty();
    }

    @Test
    void ninjs1PlainBodyBecomesEscapedParagraphs() throws Exception {
        NewsItem item = parseOne(bytes("ninjs/hindi-1x.json"));
        assertThat(item.bodyHtml()).isEqualTo(
                "<p>नई दिल्ली, 12 जुलाई (आईएएनएस)। दक्षिण-पश्चिम मानसून ने शनिवार को पूरे देश को कवर कर लिया।</p>"
                        + "<p>विभाग ने कहा कि अगले 48 घंटों में भारी बारिश की संभावना है।</p>");
    }

    @Test
    void ninjs1DatesAndSubjectsAndPlacesAreRead() throws Exception {
        NewsItem item = parseOne(bytes("ninjs/hindi-1x.json"));
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2025-07-12T05:49:00Z"));
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:40:00Z"));
        assertThat(item.embargoed()).isEqualTo(Instant.parse("2025-07-12T02:00:00Z"));
        assertThat(item.tags()).containsExactly("मौसम", "मानसून", "नई दिल्ली");
    }

    @Test
    void ninjs2MainAndSubHeadlinesAreRead() throws Exception {
        NewsItem item = parseOne(bytes("ninjs/hindi-2x.json"));
        assertThat(item.headline()).isEqualTo("चंद्रयान मिशन की नई तस्वीरें जारी, इसरो ने दी जानकारी");
        assertThat(item.subheadline()).isEqualTo("चंद्रमा के दक्षिणी ध्रुव के पास के क्षेत्र की तस्वीरें");
        assertThat(item.version()).isEqualTo(2);
        assertThat(item.byline()).isEqualTo("पीटीआई");
    }

    @Test
    void ninjs2SummaryRoleWinsOverCreditLine() throws Exception {
        assertThat(parseOne(bytes("ninjs/hindi-2x.json")).summary()).isEqualTo("इसरो ने चंद्रयान मिशन से मिली नई तस्वीरें जारी कीं।");
    }

    @Test
    void htmlBodyIsPreferredAndADocumentIsReducedToItsBody() throws Exception {
        NewsItem item = parseOne(bytes("ninjs/hindi-2x.json"));
        assertThat(item.bodyHtml()).startsWith("<p>बेंगलुरु, 12 जुलाई (भाषा)। भारतीय अंतरिक्ष")
                .contains("<b>सफल</b>")
                .doesNotContain("<body", "<title", "सादा पाठ");
    }

    @Test
    void originatorInfosourceBecomesAgencyAsWritten() throws Exception {
        assertThat(parseOne(bytes("ninjs/hindi-2x.json")).agency()).isEqualTo("Press Trust of India");
        assertThat(parseOne(bytes("ninjs/hindi-3x.json")).agency()).isEqualTo("UNI");
    }

    @Test
    void dateWithoutOffsetIsUtc() throws Exception {
        NewsItem item = parseOne(bytes("ninjs/hindi-2x.json"));
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T06:10:00Z"));
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2025-07-12T06:35:12.500Z"));
    }

    @Test
    void ninjs3CamelCaseNamesAreRead() throws Exception {
        NewsItem item = parseOne(bytes("ninjs/hindi-3x.json"));
        assertThat(item.headline()).isEqualTo("भारत ने इंग्लैंड को पाँच विकेट से हराया");
        assertThat(item.version()).isEqualTo(4);
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T02:30:00Z"));
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2025-07-12T03:45:00Z"));
        assertThat(item.contentCreated()).isEqualTo(Instant.parse("2025-07-12T02:25:00Z"));
        assertThat(item.embargoed()).isEqualTo(Instant.parse("2025-07-12T04:30:00Z"));
        assertThat(item.ednote()).isEqualTo("स्कोरकार्ड अपडेट किया गया");
        assertThat(item.tags()).containsExactly("क्रिकेट", "खेल");
        assertThat(item.urgency()).isEqualTo(2);
    }

    @Test
    void htmlSummaryBecomesPlainText() throws Exception {
        assertThat(parseOne(bytes("ninjs/hindi-3x.json")).summary()).isEqualTo("लॉर्ड्स टेस्ट में भारत की शानदार जीत।");
    }

    @Test
    void plainBodyWithoutBlankLinesHasOneParagraphPerLine() throws Exception {
        assertThat(parseOne(bytes("ninjs/hindi-3x.json")).bodyHtml())
                .isEqualTo("<p>लंदन, 12 जुलाई (यूएनआई)। भारत ने लॉर्ड्स टेस्ट जीता।</p><p>कप्तान ने टीम की तारीफ़ की।</p>");
    }

    @Test
    void itemWithoutHeadlineIsDroppedWithAWarning() throws Exception {
        ParseResult r = parser.parse(bytes("ninjs/collection-mixed.json"), CTX);
        assertThat(r.warnings()).containsExactly("item 1: no headline");
        assertThat(r.items()).singleElement().satisfies(item -> {
            assertThat(item.headline()).isEqualTo("दूसरी खबर की हेडलाइन");
            assertThat(item.uri()).isEqualTo("urn:example:story-2");
            assertThat(item.bodyHtml()).isEqualTo("<p>पहली पंक्ति</p><p>दूसरी पंक्ति &lt;टैग&gt;</p>");
        });
    }

    @Test
    void unreadableDateIsAWarningOnTheItem() throws Exception {
        NewsItem item = parser.parse(bytes("ninjs/collection-mixed.json"), CTX).items().get(0);
        assertThat(item.versionCreated()).isNull();
        assertThat(item.warnings()).containsExactly("item 2: versioncreated '12 जुलाई 2025' is not an ISO-8601 date-time; ignored");
    }

    @Test
    void fileWithoutAnyStoryGivesNoItemAndSaysWhy() throws Exception {
        ParseResult r = parser.parse(bytes("ninjs/no-headline.json"), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).anyMatch(w -> w.contains("no headline"));
        assertThatThrownBy(() -> parser.parse(utf8("[]"), CTX)).hasMessageContaining("no items");
    }

    @Test
    void brokenJsonReportsLineAndColumn() {
        assertThatThrownBy(() -> parser.parse(bytes("ninjs/broken.json"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("invalid JSON at line 4, column 3:");
    }

    @Test
    void missingUriIsDerivedAndWarned() throws Exception {
        NewsItem item = parseOne(utf8("{\"headline\": \"शीर्षक\", \"type\": \"text\"}"));
        assertThat(item.uri()).matches("urn:taar:ians-drop:[0-9a-f]{20}");
        assertThat(item.warnings()).singleElement().asString().startsWith("item 1: no uri");
    }

    @Test
    void typeOutsideNinjs21IsReadAsText() throws Exception {
        NewsItem item = parseOne(utf8("{\"uri\": \"urn:x:1\", \"type\": \"event\", \"headlines\": [{\"value\": \"h\"}]}"));
        assertThat(item.type()).isEqualTo("text");
        assertThat(item.warnings()).containsExactly("item 1: type 'event' is not a ninjs 2.1 type; read as text");
    }

    @Test
    void canceledPubstatusIsRead() throws Exception {
        NewsItem item = parseOne(utf8("{\"uri\": \"urn:x:1\", \"headline\": \"h\", \"pubstatus\": \"canceled\"}"));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.CANCELED);
    }

    @Test
    void acceptsNinjsButNotOtherJsonOrText() {
        assertThat(parser.accepts(bytes("ninjs/hindi-1x.json"))).isTrue();
        assertThat(parser.accepts(bytes("ninjs/collection-mixed.json"))).isTrue();
        assertThat(parser.accepts(utf8("{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"t\", \"items\": []}")))
                .isFalse();
        assertThat(parser.accepts(bytes("ninjs/broken.json"))).isFalse();
        assertThat(parser.accepts(bytes("wiretext/no-header.txt"))).isFalse();
        assertThat(parser.accepts(utf8("[1, 2]"))).isFalse();
    }
}
