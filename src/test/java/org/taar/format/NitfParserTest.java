package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.printed;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;

class NitfParserTest {
    private final NitfParser parser = new NitfParser();

    @Test
    void hindiStoryGivesHeadlinesDocdataAndBody() throws Exception {
        ParseResult r = parser.parse(bytes("nitf/ians-hindi.xml"), CTX);
        assertThat(r.items()).hasSize(1);
        NewsItem item = r.items().get(0);
        assertThat(item.headline()).isEqualTo("मानसून के समय पर पहुंचने की उम्मीद");
        assertThat(item.subheadline()).isEqualTo("मौसम विभाग ने जारी किया पूर्वानुमान");
        assertThat(item.uri()).isEqualTo("urn:taar:ians-2025-03-03-0311");
        assertThat(item.version()).isEqualTo(2);
        assertThat(item.urgency()).isEqualTo(4);
        assertThat(item.agency()).isEqualTo("IANS");
        assertThat(item.language()).isEqualTo("hi");
        assertThat(item.byline()).isEqualTo("आईएएनएस संवाददाता");
        assertThat(item.located()).isEqualTo("नई दिल्ली");
        assertThat(item.summary()).isEqualTo("भारत मौसम विज्ञान विभाग ने कहा कि इस साल मानसून सामान्य रहेगा।");
        assertThat(item.ednote()).isEqualTo("तस्वीरें अलग से भेजी जा रही हैं।");
        assertThat(item.tags()).containsExactly("मौसम", "मानसून");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-03-03T04:15:00Z"));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
    }

    @Test
    void bodyContentBecomesSanitizedHtml() throws Exception {
        String body = printed(parser.parse(bytes("nitf/ians-hindi.xml"), CTX).items().get(0).bodyHtml());
        assertThat(body).startsWith("<p>नई दिल्ली, 3 मार्च (आईएएनएस) भारत मौसम विज्ञान विभाग");
        assertThat(body).contains("<h2>किसानों के लिए राहत</h2>", "<em>खरीफ</em>", "<li>उत्तर भारत: सामान्य</li>",
                "<p>बादलों से घिरा आसमान</p>", "<td>102%</td>", "<p>--आईएएनएस</p>");
        assertThat(body).doesNotContain("media-reference", "monsoon.jpg", "javascript:", "onmouseover", "<block");
    }

    @Test
    void documentWithoutNamespaceUsesTitleWhenThereIsNoHedline() throws Exception {
        NewsItem item = parser.parse(bytes("nitf/plain-no-namespace.xml"), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Floods in Assam");
        assertThat(item.uri()).startsWith("urn:taar:ians-drop:");
        assertThat(item.bodyHtml()).isEqualTo("<p>GUWAHATI, March 3 (PTI) Floods hit Assam.</p>");
    }

    @Test
    void canceledManagementStatusIsCanceled() throws Exception {
        NewsItem item = parser.parse(utf8("<nitf><head><docdata management-status=\"canceled\"><doc-id id-string=\"a1\"/>"
                + "</docdata></head><body><body.head><hedline><hl1>रद्द</hl1></hedline></body.head></body></nitf>"), CTX)
                .items().get(0);
        assertThat(item.pubstatus()).isEqualTo(PubStatus.CANCELED);
    }

    @Test
    void releaseAfterIssueIsAnEmbargo() throws Exception {
        NewsItem item = parser.parse(utf8("<nitf><head><docdata><date.issue norm=\"20250303T090000+0530\"/>"
                + "<date.release norm=\"20250303T120000+0530\"/><correction info=\"fixes figure\"/></docdata></head>"
                + "<body><body.head><hedline><hl1>x</hl1></hedline></body.head></body></nitf>"), CTX).items().get(0);
        assertThat(item.embargoed()).isEqualTo(Instant.parse("2025-03-03T06:30:00Z"));
        assertThat(item.correction()).isTrue();
    }

    @Test
    void storyWithoutHeadlineGivesNoItemAndAWarning() throws Exception {
        ParseResult r = parser.parse(utf8("<nitf><body><body.content><p>x</p></body.content></body></nitf>"), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("no headline"));
    }

    @Test
    void truncatedNitfIsAParseErrorNamingTheLine() {
        byte[] all = bytes("nitf/ians-hindi.xml");
        byte[] cut = java.util.Arrays.copyOf(all, all.length / 2);
        assertThatThrownBy(() -> parser.parse(cut, CTX)).isInstanceOf(ParseException.class).hasMessageContaining("line ");
    }

    @Test
    void standardFormatsSniffNitf() throws Exception {
        assertThat(Formats.standard().parse(bytes("nitf/plain-no-namespace.xml"), null, CTX).format()).isEqualTo("nitf");
        assertThat(Formats.standard().parse(bytes("nitf/ians-hindi.xml"), null, CTX).format()).isEqualTo("nitf");
    }
}
