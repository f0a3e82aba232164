package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;
import org.taar.item.Subject;
import org.taar.item.Place;

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
        assertThat(item.byline()).as("an agency is not a writer").isNull();
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
        assertThat(item.byline()).as("an agency is not a writer").isNull();
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
    void aStoryWithoutHeadlineTakesItsFirstSentenceAndAnEmptyArrayIsNoStory() throws Exception {
        // As for NewsML-G2: dropping the item would lose the story; a stand-in with a warning lets the desk fix it.
        ParseResult r = parser.parse(bytes("ninjs/no-headline.json"), CTX);
        assertThat(r.items()).singleElement().satisfies(item -> {
            assertThat(item.headline()).isEqualTo("इस खबर में शीर्षक नहीं है।");
            assertThat(item.warnings()).anyMatch(w -> w.contains("no headline"));
        });
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

    @Test
    void agencyExamplesKeepTheSendersUriSubjectCodesPlacesAndRights() throws Exception {
        java.nio.file.Path dir = Fixtures.sharedData("iptc/ninjs/examples");
        NewsItem ntb = parseOne(java.nio.file.Files.readAllBytes(dir.resolve("2.1/ntb_text.json")));
        assertThat(ntb.uri()).isEqualTo("urn:8d19cf88-b3ab-4972-8fec-1207599f2872");
        assertThat(ntb.subjects()).contains(new Subject("Teknologi", "13010000"), new Subject("Industri", "04011000"));
        assertThat(ntb.rights()).isEqualTo("© NTB");
        assertThat(ntb.byline()).as("NTB is the agency").isNull();
        assertThat(ntb.summary()).startsWith("IT-giganten Google");
        NewsItem dpa = parseOne(java.nio.file.Files.readAllBytes(dir.resolve("3.0/dpa_text.json")));
        assertThat(dpa.uri()).isEqualTo("urn:newsml:dpa.com:20090101:190510-99-167362");
        assertThat(dpa.byline()).isEqualTo("Von Christian Hollmann, dpa");
        assertThat(dpa.rights()).isEqualTo("Copyright 2019, dpa (www.dpa.de). Alle Rechte vorbehalten");
        assertThat(dpa.urgency()).isEqualTo(4);
        NewsItem tt = parseOne(java.nio.file.Files.readAllBytes(dir.resolve("3.0/tt_text_image_3.json")));
        assertThat(tt.uri()).isEqualTo("http://tt.se/media/text/210526-militarovning-a0f2d045");
        assertThat(tt.subjects()).singleElement().satisfies(sub -> {
            assertThat(sub.name()).isEqualTo("Krig, konflikter och oroligheter");
            assertThat(sub.code()).isEqualTo("http://tt.se/spec/subref/1.0/16000000");
        });
        assertThat(tt.tags()).contains("Sverige", "Gotland");
    }

    @Test
    void ninjs3NitfBodyBecomesHtmlAndTheLeadIsTheSummary() throws Exception {
        java.nio.file.Path file = Fixtures.sharedData("iptc/ninjs/examples/3.0").resolve(
                "20231008-anti-doping-measures-at-the-tour-down-under-will-be-the-toughest-ever-addb-ninjs-nitf.json");
        NewsItem item = parseOne(java.nio.file.Files.readAllBytes(file));
        assertThat(item.uri()).startsWith("https://antidopingdatabase.com/news/");
        assertThat(item.bodyHtml()).isNotNull().doesNotContain("<nitf", "<head>", "<?xml");
        assertThat(Fixtures.printed(item.bodyHtml())).contains("<p>");
        assertThat(item.summary()).startsWith("The Australian Sports Anti-Doping Authority");
        assertThat(item.subjects()).extracting(Subject::code).contains("http://cv.iptc.org/newscodes/mediatopic/15000000");
        assertThat(item.located()).isEqualTo("Oslo, Norway");
        assertThat(item.byline()).isEqualTo("Trond Husø, The Anti-Doping Database");
    }

    @Test
    void envelopesThatWrapItemsAreRecognisedAndTheUriKept() throws Exception {
        String a = "{\"uri\": \"urn:agency:1\", \"headline\": \"One\"}";
        String b = "{\"uri\": \"https://api.ap.org/media/v/content/abc\", \"headline\": \"Two\", \"version\": 0}";
        for (String envelope : List.of("{\"total\": 2, \"items\": [" + a + ", " + b + "]}",
                "{\"api_version\": \"2\", \"data\": {\"current_item_count\": 2, \"items\": [{\"meta\": {\"score\": 1}, "
                        + "\"item\": " + a + "}, {\"meta\": {}, \"item\": " + b + "}]}}",
                "{\"_items\": [" + a + ", " + b + "], \"_meta\": {\"total\": 2}}")) {
            ParseResult r = Formats.standard().parse(utf8(envelope), null, CTX);
            assertThat(r.format()).as(envelope).isEqualTo("ninjs");
            assertThat(r.items()).extracting(NewsItem::uri).containsExactly("urn:agency:1", "https://api.ap.org/media/v/content/abc");
        }
        ParseResult single = Formats.standard().parse(utf8("{\"data\": {\"item\": " + b + "}}"), null, CTX);
        assertThat(single.format()).isEqualTo("ninjs");
        assertThat(single.items()).singleElement().satisfies(i -> assertThat(i.uri()).isEqualTo("https://api.ap.org/media/v/content/abc"));
    }

    @Test
    void apMediaApiFieldsGiveSubjectsPlacesBylinesAndTheItemIdWhenThereIsNoUri() throws Exception {
        NewsItem item = parseOne(utf8("{\"altids\": {\"itemid\": \"8a7b6c\", \"etag\": \"x\"}, \"type\": \"text\","
                + "\"headline\": \"Vote count\", \"summary\": \"The count goes on.\", \"located\": \"WASHINGTON\","
                + "\"bylines\": [{\"by\": \"By JANE DOE\", \"title\": \"Associated Press\"}],"
                + "\"datelinelocation\": {\"city\": \"Washington\", \"countryareaname\": \"District of Columbia\","
                + "\"countryname\": \"United States\"},"
                + "\"subject\": [{\"name\": \"Elections\", \"scheme\": \"http://cv.ap.org/id/\", \"code\": \"c8e409f8\"}]}"));
        assertThat(item.uri()).isEqualTo("urn:taar:8a7b6c");
        assertThat(item.summary()).isEqualTo("The count goes on.");
        assertThat(item.byline()).isEqualTo("By JANE DOE");
        assertThat(item.located()).isEqualTo("WASHINGTON");
        assertThat(item.places()).containsExactly(new Place("District of Columbia", "state"), new Place("United States", "country"));
        assertThat(item.subjects()).containsExactly(new Subject("Elections", "c8e409f8"));
    }

    @Test
    void ninjs2PlacesWithAKindArePlacesAndAltidsGiveTheUri() throws Exception {
        NewsItem item = parseOne(utf8("{\"altids\": [{\"role\": \"itemid\", \"value\": \"urn:x:9\"}], \"headlines\": "
                + "[{\"role\": \"main\", \"value\": \"h\"}], \"places\": [{\"name\": \"Lucknow\", \"rel\": \"city\"},"
                + "{\"name\": \"Uttar Pradesh\", \"rel\": \"state\"}, {\"name\": \"India\", \"rel\": \"country\"},"
                + "{\"name\": \"Ganga\"}, {\"rel\": \"country\"}], \"subjects\": [{\"name\": \"मौसम\"},"
                + "{\"literal\": \"medtop:20000106\"}], \"copyrightHolder\": {\"name\": \"IANS\"}}"));
        assertThat(item.uri()).isEqualTo("urn:x:9");
        assertThat(item.places()).containsExactly(new Place("Lucknow", "city"), new Place("Uttar Pradesh", "state"),
                new Place("India", "country"));
        assertThat(item.tags()).contains("Ganga", "मौसम");
        assertThat(item.subjects()).containsExactly(new Subject(null, "medtop:20000106"));
        assertThat(item.rights()).isEqualTo("© IANS");
    }

    @Test
    void hostileEnvelopesAndBodiesWarnOrFailClearly() throws Exception {
        for (String empty : List.of("{\"total\": 0, \"items\": []}", "{\"data\": {\"items\": []}}")) {
            ParseResult page = Formats.standard().parse(utf8(empty), null, CTX);
            assertThat(page.format()).isEqualTo("ninjs");
            assertThat(page.items()).isEmpty();
            assertThat(page.warnings()).anySatisfy(w -> assertThat(w).contains("no items"));
        }
        assertThatThrownBy(() -> parser.parse(utf8("{\"items\": []}"), CTX))
                .isInstanceOf(ParseException.class).hasMessageContaining("no items");
        assertThat(parser.accepts(utf8("{\"items\": [{\"title\": \"not ninjs\"}]}"))).isFalse();
        ParseResult mixed = parser.parse(utf8("{\"items\": [1, \"x\", {\"item\": 3}, {\"uri\": \"urn:a:1\", \"headline\": \"ok\"}]}"), CTX);
        assertThat(mixed.items()).extracting(NewsItem::uri).containsExactly("urn:a:1");
        assertThat(mixed.warnings()).anySatisfy(w -> assertThat(w).contains("not a JSON object"));
        NewsItem broken = parseOne(utf8("{\"uri\": \"urn:a:2\", \"headline\": \"h\", \"bodies\": [{\"contenttype\": "
                + "\"application/nitf+xml\", \"value\": \"<nitf><body><!DOCTYPE x [<!ENTITY a 'b'>]>\"},"
                + "{\"contenttype\": \"text/plain\", \"value\": \"plain text\"}]}"));
        assertThat(broken.bodyHtml()).isEqualTo("<p>plain text</p>");
        assertThat(broken.warnings()).anySatisfy(w -> assertThat(w).contains("NITF body"));
        String deep = "{\"data\": ".repeat(50) + "{\"uri\": \"urn:a:3\", \"headline\": \"deep\"}" + "}".repeat(50);
        assertThat(parser.accepts(utf8(deep))).isFalse();
    }

    @Test
    void ninjs1PatternedPropertiesGiveHeadlineSummaryAndBody() throws Exception {
        // ninjs 1.x schemas allow ^headline_, ^description_ and ^body_ properties named by role.
        String json = "{\"uri\":\"urn:x:1\",\"headline_main\":\"मुख्य शीर्षक\",\"headline_sub\":\"उप\","
                + "\"description_summary\":\"सार\",\"body_main\":\"पहला वाक्य। दूसरा।\"}";
        NewsItem item = parser.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("मुख्य शीर्षक");
        assertThat(item.subheadline()).isEqualTo("उप");
        assertThat(item.summary()).isEqualTo("सार");
        assertThat(item.bodyHtml()).contains("पहला वाक्य।");
    }

    @Test
    void anItemWithoutHeadlineButWithTextGetsAStandInAndMetadataAloneIsNoStory() throws Exception {
        String withBody = "{\"uri\":\"urn:x:2\",\"bodies\":[{\"role\":\"main\",\"contenttype\":\"text/plain\","
                + "\"value\":\"Rain fell on the city. More tomorrow.\"}]}";
        NewsItem item = parser.parse(withBody.getBytes(java.nio.charset.StandardCharsets.UTF_8), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Rain fell on the city.");
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("no headline"));
        String event = "{\"uri\":\"urn:x:3\",\"type\":\"event\",\"versioncreated\":\"2024-01-01T00:00:00Z\"}";
        var r = parser.parse(event.getBytes(java.nio.charset.StandardCharsets.UTF_8), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("no headline"));
    }
}
