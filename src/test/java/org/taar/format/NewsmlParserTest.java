package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;

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
        assertThat(item.byline()).isEqualTo("वार्ता");
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
}
