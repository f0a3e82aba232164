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

class NewsmlG2ParserTest {
    private final NewsmlG2Parser parser = new NewsmlG2Parser();

    private NewsItem only(String fixture) throws ParseException {
        ParseResult r = parser.parse(bytes(fixture), CTX);
        assertThat(r.items()).hasSize(1);
        return r.items().get(0);
    }

    @Test
    void hindiNewsItemGivesIdentityHeadlinesAndMetadata() throws Exception {
        NewsItem item = only("newsmlg2/bhasha-hindi.xml");
        assertThat(item.uri()).isEqualTo("urn:newsml:ptinews.com:20250303:BHASHA-DEL-0042");
        assertThat(item.version()).isEqualTo(1);
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.language()).isEqualTo("hi");
        assertThat(item.headline()).isEqualTo("रिज़र्व बैंक ने रेपो दर में बदलाव नहीं किया");
        assertThat(item.subheadline()).isEqualTo("महंगाई पर नज़र");
        assertThat(item.summary()).isEqualTo("केंद्रीय बैंक ने नीतिगत दर 6.5 प्रतिशत पर बरकरार रखी।");
        assertThat(item.byline()).isEqualTo("भाषा संवाददाता");
        assertThat(item.located()).isEqualTo("नई दिल्ली");
        assertThat(item.slugline()).isEqualTo("DEL-RBI-RATE");
        assertThat(item.ednote()).isEqualTo("संपादक ध्यान दें: आंकड़े अस्थायी हैं।");
        assertThat(item.agency()).isEqualTo("PTI");
        assertThat(item.urgency()).isEqualTo(3);
        assertThat(item.tags()).containsExactly("अर्थव्यवस्था", "रिज़र्व बैंक");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-03-03T04:45:00Z"));
        assertThat(item.contentCreated()).isEqualTo(Instant.parse("2025-03-03T04:30:00Z"));
        assertThat(item.embargoed()).isNull();
    }

    @Test
    void datelineOpensTheBodyWhereTheTextStageLooksForIt() throws Exception {
        NewsItem item = only("newsmlg2/bhasha-hindi.xml");
        assertThat(item.bodyHtml()).startsWith("<p>नई दिल्ली, 3 मार्च (भाषा) भारतीय रिज़र्व बैंक ने सोमवार");
        assertThat(item.bodyHtml()).contains("गवर्नर ने कहा").contains("&amp; विकास दर");
    }

    @Test
    void bodyIsSanitized() throws Exception {
        String body = printed(only("newsmlg2/bhasha-hindi.xml").bodyHtml());
        assertThat(body).doesNotContain("<script", "onclick", "javascript:", "data:", "alert");
        assertThat(body).contains("<a href=\"https://rbi.org.in/\"");
    }

    @Test
    void canceledVersionIsCanceled() throws Exception {
        NewsItem item = only("newsmlg2/bhasha-canceled.xml");
        assertThat(item.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(item.version()).isEqualTo(3);
        assertThat(item.uri()).isEqualTo(only("newsmlg2/bhasha-hindi.xml").uri());
    }

    @Test
    void killNoticeWithoutHeadlineIsKeptSoTheKillArrives() throws Exception {
        NewsItem item = only("newsmlg2/kill-notice.xml");
        assertThat(item.pubstatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(item.version()).isEqualTo(4);
        assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("canceled item without a headline"));
    }

    @Test
    void correctionSignalIsAWarningAndKeepsTheVersion() throws Exception {
        NewsItem item = only("newsmlg2/bhasha-corrected.xml");
        assertThat(item.correction()).isTrue();
        assertThat(item.version()).isEqualTo(2);
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
        assertThat(item.summary()).contains("6.25");
    }

    @Test
    void embargoIsRead() throws Exception {
        NewsItem item = only("newsmlg2/bhasha-embargoed.xml");
        assertThat(item.embargoed()).isEqualTo(Instant.parse("2025-03-03T06:30:00Z"));
        assertThat(item.pubstatus()).isEqualTo(PubStatus.USABLE);
    }

    @Test
    void emptyEmbargoHoldsTheItem() throws Exception {
        String xml = new String(bytes("newsmlg2/bhasha-hindi.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<pubStatus qcode=\"stat:usable\"/>", "<embargoed/><pubStatus qcode=\"stat:usable\"/>");
        NewsItem item = parser.parse(utf8(xml), CTX).items().get(0);
        assertThat(item.pubstatus()).isEqualTo(PubStatus.WITHHELD);
    }

    @Test
    void newsMessageGivesOneItemPerNewsItem() throws Exception {
        ParseResult r = parser.parse(bytes("newsmlg2/ians-message.xml"), CTX);
        assertThat(r.items()).extracting(NewsItem::headline)
                .containsExactly("भारत ने ऑस्ट्रेलिया को चार विकेट से हराया", "सेंसेक्स 500 अंक चढ़ा");
        NewsItem first = r.items().get(0);
        assertThat(first.agency()).isEqualTo("IANS");
        assertThat(first.bodyHtml()).isEqualTo("<p>दुबई, 3 मार्च (आईएएनएस) भारत ने चैंपियंस ट्रॉफी के सेमीफाइनल में "
                + "ऑस्ट्रेलिया को हराया।</p><p>विराट कोहली ने 84 रन बनाए।</p>");
        NewsItem second = r.items().get(1);
        assertThat(second.version()).isEqualTo(4);
        assertThat(second.bodyHtml()).isEqualTo("<p>मुंबई, 3 मार्च (आईएएनएस) शेयर बाजार में तेजी रही।</p>");
    }

    @Test
    void newsItemWithoutHeadlineIsDroppedWithAWarning() throws Exception {
        ParseResult r = parser.parse(bytes("newsmlg2/no-headline.xml"), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("IANS-NOHL").contains("no headline"));
    }

    @Test
    void pictureWithOnlyACaptionIsNotPublished() throws Exception {
        ParseResult r = parser.parse(bytes("newsmlg2/photo-with-caption.xml"), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("picture item; nothing to publish"));
    }

    @Test
    void conceptItemIsNotNewsAndNotAnError() throws Exception {
        ParseResult r = parser.parse(utf8("<conceptItem xmlns=\"" + NewsmlG2Parser.NAMESPACE
                + "\" guid=\"urn:x:c\" version=\"1\"><concept/></conceptItem>"), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).containsExactly("conceptItem urn:x:c: not a news item, nothing to publish");
    }

    @Test
    void packageWithoutTextListsItsReferences() throws Exception {
        ParseResult r = parser.parse(utf8("<packageItem xmlns=\"" + NewsmlG2Parser.NAMESPACE + "\" guid=\"urn:x:p\">"
                + "<contentMeta><headline>Top ten</headline></contentMeta>"
                + "<groupSet root=\"G1\"><group id=\"G1\"><itemRef residref=\"urn:x:a\"/><itemRef residref=\"urn:x:b\"/>"
                + "</group></groupSet></packageItem>"), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("2 item references: urn:x:a, urn:x:b");
    }

    @Test
    void packageWithItsOwnHeadlineAndSummaryIsPublishedAsThatText() throws Exception {
        ParseResult r = parser.parse(utf8("<packageItem xmlns=\"" + NewsmlG2Parser.NAMESPACE + "\" guid=\"urn:x:p2\" xml:lang=\"hi\">"
                + "<contentMeta><headline>आज की बड़ी खबरें</headline><description role=\"drol:summary\">दिन भर की दस खबरें।</description>"
                + "</contentMeta><groupSet root=\"G1\"><group id=\"G1\"><itemRef residref=\"urn:x:a\"/></group></groupSet>"
                + "</packageItem>"), CTX);
        assertThat(r.items()).singleElement().satisfies(item -> {
            assertThat(item.headline()).isEqualTo("आज की बड़ी खबरें");
            assertThat(item.bodyHtml()).isEqualTo("<p>दिन भर की दस खबरें।</p>");
            assertThat(item.type()).isEqualTo("composite");
            assertThat(item.warnings()).anySatisfy(w -> assertThat(w).contains("1 item reference: urn:x:a"));
        });
    }

    @Test
    void headlineInTheItemsLanguageWins() throws Exception {
        NewsItem item = parser.parse(utf8("<newsItem xmlns=\"" + NewsmlG2Parser.NAMESPACE + "\" guid=\"urn:x:l\" xml:lang=\"en\">"
                + "<contentMeta><headline xml:lang=\"hi\">हिंदी</headline><headline xml:lang=\"en-IN\">English</headline>"
                + "</contentMeta></newsItem>"), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("English");
    }

    @Test
    void truncatedXmlIsAParseErrorNamingTheLine() {
        assertThatThrownBy(() -> parser.parse(bytes("newsmlg2/truncated.xml"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("XML is malformed at line 28:");
    }

    @Test
    void billionLaughsIsRefused() {
        assertThatThrownBy(() -> parser.parse(bytes("newsmlg2/billion-laughs.xml"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("declares entities");
    }

    @Test
    void billionLaughsIsRefusedWhenSniffedToo() {
        assertThatThrownBy(() -> Formats.standard().parse(bytes("newsmlg2/billion-laughs.xml"), null, CTX))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("declares entities");
    }

    @Test
    void absurdNestingIsRefusedNotOverflowed() {
        String deep = "<x>".repeat(5000) + "</x>".repeat(5000);
        assertThatThrownBy(() -> parser.parse(utf8("<newsItem xmlns=\"" + NewsmlG2Parser.NAMESPACE + "\">"
                + "<contentSet><inlineXML>" + deep + "</inlineXML></contentSet></newsItem>"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("nests deeper than 256");
    }

    @Test
    void acceptsG2RootsOnly() {
        assertThat(parser.accepts(bytes("newsmlg2/bhasha-hindi.xml"))).isTrue();
        assertThat(parser.accepts(bytes("newsmlg2/ians-message.xml"))).isTrue();
        assertThat(parser.accepts(bytes("nitf/ians-hindi.xml"))).isFalse();
        assertThat(parser.accepts(bytes("newsml/uni-hindi.xml"))).isFalse();
        assertThat(parser.accepts(utf8("<rss version=\"2.0\"/>"))).isFalse();
    }

    @Test
    void standardFormatsSniffNewsmlG2() throws Exception {
        assertThat(Formats.standard().parse(bytes("newsmlg2/bhasha-hindi.xml"), null, CTX).format()).isEqualTo("newsmlg2");
    }
}
