package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.utf8;
import static org.taar.format.Fixtures.bytes;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;
import org.taar.item.Subject;
import org.taar.item.Place;

class NewsmlParserTest {
    private final NewsmlParser parser = new NewsmlParser();

    private List<NewsItem> items() throws ParseException {
        return parser.parse(bytes("newsml/uni-hindi.xml"), CTX).items();
    }

    @Test
    void eachNewsItemBecomesAnItem() throws Exception {
        assertThat(items()).extracting(NewsItem::headline)
                .containsExactly("संसद का बजट सत्र आज से", "आरबीआई की नीति घोषणा", "कृपया ध्यान दें: खबर रद्द");
    }

    @Test
    void identityIsStableAcrossRevisions() throws Exception {
        NewsItem item = items().get(0);
        assertThat(item.uri()).isEqualTo("urn:newsml:univarta.com:20250303:UNI-HIN-778");
        assertThat(item.version()).isEqualTo(2);
    }

    @Test
    void newsLinesAndMetadataAreRead() throws Exception {
        NewsItem item = items().get(0);
        assertThat(item.subheadline()).isEqualTo("विपक्ष ने महंगाई पर चर्चा मांगी");
        assertThat(item.byline()).as("वार्ता is UNI's Hindi service, not a writer").isNull();
        assertThat(item.located()).isEqualTo("नई दिल्ली");
        assertThat(item.slugline()).isEqualTo("DEL-PARL");
        assertThat(item.language()).isEqualTo("hi");
        assertThat(item.agency()).isEqualTo("UNI");
        assertThat(item.urgency()).isEqualTo(2);
        assertThat(item.tags()).containsExactly("संसद");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-03-03T05:30:00Z"));
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2025-03-03T06:00:00Z"));
    }

    @Test
    void bodyComesFromTheBodyComponentNotThePhoto() throws Exception {
        assertThat(items().get(0).bodyHtml()).isEqualTo(
                "<p>नई दिल्ली, 3 मार्च (वार्ता) संसद का बजट सत्र सोमवार से शुरू होगा।</p><p>सरकार ने सर्वदलीय बैठक बुलाई है।</p>");
    }

    @Test
    void rectifyInstructionIsACorrection() throws Exception {
        assertThat(items().get(0).correction()).isTrue();
    }

    @Test
    void embargoedStatusTakesTheTimeItWillChange() throws Exception {
        NewsItem item = items().get(1);
        assertThat(item.embargoed()).isEqualTo(Instant.parse("2025-03-03T08:30:00Z"));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.bodyHtml()).isEqualTo("<p>मुंबई, 3 मार्च (वार्ता) रिज़र्व बैंक आज नीति घोषित करेगा।</p>");
    }

    @Test
    void canceledStatusIsCanceled() throws Exception {
        NewsItem item = items().get(2);
        assertThat(item.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(item.version()).isEqualTo(3);
    }

    @Test
    void standardFormatsSniffNewsml() throws Exception {
        assertThat(Formats.standard().parse(bytes("newsml/uni-hindi.xml"), null, CTX).format()).isEqualTo("newsml");
    }

    @Test
    void afpSampleGivesTheLocationsCityNotTheDatelinesDateAndKeepsEveryField() throws Exception {
        NewsItem item = parser.parse(java.nio.file.Files.readAllBytes(Fixtures.sharedData("iptc/ninjs/tools/xslt")
                .resolve("afp.com_newsml1.2_sample.xml")), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Israel strikes key Hamas targets as UN Security Council to meet");
        assertThat(item.uri()).isEqualTo("urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71");
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.language()).isEqualTo("en");
        assertThat(item.urgency()).isEqualTo(4);
        assertThat(item.located()).isEqualTo("Gaza City");
        assertThat(item.places()).containsExactly(new Place("PSE", "country"));
        assertThat(item.contentCreated()).isEqualTo(Instant.parse("2021-05-16T08:06:25Z"));
        assertThat(item.byline()).isEqualTo("Adel Zaanoun with Guillaume Lavallee in Jerusalem");
        assertThat(item.agency()).isEqualTo("AFP");
        assertThat(item.subjects()).extracting(Subject::code)
                .containsExactly("16000000", "16002000", "02003000", "11000000", "02000000", "02003001");
        assertThat(item.tags()).contains("Israel", "Palestinians");
        assertThat(item.bodyHtml()).startsWith("<p>Gaza City, Palestinian Territories, May 16, 2021 (AFP) - Israel's army");
    }

    @Test
    void datelineGivesItsPlaceWhenThereIsNoLocationAndNeverADate() throws Exception {
        assertThat(one("<NewsLines><HeadLine>h</HeadLine><DateLine>KANSAS CITY, Mo.</DateLine></NewsLines>").located())
                .isEqualTo("KANSAS CITY");
        NewsItem dated = one("<NewsLines><HeadLine>h</HeadLine><DateLine>May 16, 2021</DateLine></NewsLines>");
        assertThat(dated.located()).isNull();
        assertThat(dated.bodyHtml()).startsWith("<p>May 16, 2021 ");
    }

    @Test
    void originLocationWinsAndItsAreaAndCountryArePlaces() throws Exception {
        NewsItem item = one("<NewsLines><HeadLine>h</HeadLine><DateLine>12 July</DateLine></NewsLines>"
                + "<DescriptiveMetadata><Location HowPresent=\"Subject\"><Property FormalName=\"City\" Value=\"Delhi\"/></Location>"
                + "<Location HowPresent=\"Origin\"><Property FormalName=\"City\" Value=\"Lucknow\"/>"
                + "<Property FormalName=\"CountryArea\" Value=\"Uttar Pradesh\"/><Property FormalName=\"Country\" Value=\"IN\"/>"
                + "<Property FormalName=\"City\"/></Location>"
                + "<SubjectCode><SubjectMatter FormalName=\"\"/><Subject FormalName=\"04000000\"/></SubjectCode></DescriptiveMetadata>");
        assertThat(item.located()).isEqualTo("Lucknow");
        assertThat(item.places()).containsExactly(new Place("Uttar Pradesh", "state"), new Place("IN", "country"));
        assertThat(item.subjects()).containsExactly(new Subject(null, "04000000"));
    }

    @Test
    void rightsCreatorAndEnvelopePriorityAreRead() throws Exception {
        NewsItem item = one("<NewsLines><HeadLine>h</HeadLine><CopyrightLine>Copyright UNI 2025</CopyrightLine>"
                + "<CreditLine>UNI</CreditLine></NewsLines>"
                + "<AdministrativeMetadata><Creator><Party FormalName=\"UNI\"/></Creator></AdministrativeMetadata>");
        assertThat(item.rights()).isEqualTo("Copyright UNI 2025");
        assertThat(item.byline()).isNull();
        assertThat(item.urgency()).isEqualTo(3);
    }

    @Test
    void itemWithoutHeadlineTakesTheSluglineAndOneWithNothingIsDropped() throws Exception {
        assertThat(one("<NewsLines><SlugLine>DEL-RAIN</SlugLine></NewsLines>").headline()).isEqualTo("DEL-RAIN");
        ParseResult r = parser.parse(utf8(newsml("<NewsLines><HeadLine> </HeadLine></NewsLines>", "")), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("no headline"));
    }

    private NewsItem one(String component) throws ParseException {
        ParseResult r = parser.parse(utf8(newsml(component, "<ContentItem><MimeType FormalName=\"text/plain\"/>"
                + "<DataContent>Text of the story.</DataContent></ContentItem>")), CTX);
        assertThat(r.items()).as(r.warnings().toString()).hasSize(1);
        return r.items().get(0);
    }

    private static String newsml(String component, String content) {
        return "<NewsML><NewsEnvelope><Priority FormalName=\"3\"/></NewsEnvelope><NewsItem><Identification><NewsIdentifier>"
                + "<ProviderId>example.com</ProviderId><DateId>20250712</DateId><NewsItemId>N1</NewsItemId>"
                + "<RevisionId>1</RevisionId></NewsIdentifier></Identification><NewsComponent>" + component + content
                + "</NewsComponent></NewsItem></NewsML>";
    }
}
