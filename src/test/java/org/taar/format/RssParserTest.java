package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.bytes;
import static org.taar.format.Fixtures.printed;
import static org.taar.format.Fixtures.utf8;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

class RssParserTest {
    private final RssParser parser = new RssParser();

    private List<NewsItem> items(String fixture) throws ParseException {
        return parser.parse(bytes("feeds/" + fixture), CTX).items();
    }

    @Test
    void acceptsRssAndRdfRootsOnly() {
        assertThat(parser.accepts(bytes("feeds/rss2-hindi.xml"))).isTrue();
        assertThat(parser.accepts(bytes("feeds/rss10-hindi.rdf"))).isTrue();
        assertThat(parser.accepts(bytes("feeds/rss091-latin1.xml"))).isTrue();
        assertThat(parser.accepts(bytes("feeds/atom10-hindi.xml"))).isFalse();
        assertThat(parser.accepts(utf8("<html><body>rss</body></html>"))).isFalse();
        assertThat(parser.accepts(bytes("feeds/jsonfeed-1.1.json"))).isFalse();
    }

    @Test
    void devanagariInCdataSurvives() throws Exception {
        NewsItem first = items("rss2-hindi.xml").get(0);
        assertThat(first.headline()).isEqualTo("वाशिंगटन में भारत-अमेरिका वार्ता शुरू");
        assertThat(first.bodyHtml()).contains("वाशिंगटन, 12 जुलाई (आईएएनएस)।");
    }

    @Test
    void devanagariFromNumericAndHtmlEntitiesSurvives() throws Exception {
        NewsItem second = items("rss2-hindi.xml").get(1);
        assertThat(second.headline()).isEqualTo("भारत ने जीती सीरीज़ & ट्रॉफ़ी");
        assertThat(second.bodyHtml()).contains("—").doesNotContain("&amp;nbsp;").doesNotContain("&lt;p&gt;");
    }

    @Test
    void htmlNamedEntitiesWrittenStraightIntoTheXmlAreRead() throws Exception {
        NewsItem first = items("rss10-hindi.rdf").get(0);
        assertThat(first.headline()).isEqualTo("संसद का मानसून सत्र");
        assertThat(first.summary()).isEqualTo("सत्र — 21 जुलाई से।");
    }

    @Test
    void precomposedAndCombiningNuktaBothSurvive() throws Exception {
        NewsItem second = items("rss2-hindi.xml").get(1);
        assertThat(second.bodyHtml()).contains("\u0958ानून").contains("\u0915\u093Cानून");
        assertThat(second.summary()).contains("\u0958ानून").contains("\u0915\u093Cानून");
    }

    @Test
    void contentEncodedIsTheBodyAndDescriptionTheSummary() throws Exception {
        NewsItem first = items("rss2-hindi.xml").get(0);
        assertThat(first.bodyHtml()).contains("भारत और अमेरिका के बीच");
        assertThat(first.summary()).isEqualTo("दोनों देशों के बीच व्यापार पर बात।");
    }

    @Test
    void descriptionAloneIsTheBodyWithAnExcerptAsSummary() throws Exception {
        NewsItem last = items("rss2-hindi.xml").get(4);
        assertThat(last.bodyHtml()).isEqualTo("<p>Markets rose.</p><p>Banks led the gains.</p>");
        assertThat(last.summary()).isEqualTo("Markets rose. Banks led the gains.");
    }

    @Test
    void longDescriptionSummaryIsCutAtAWord() {
        String excerpt = HtmlContent.excerpt("शब्द ".repeat(200), FeedEntry.SUMMARY_CHARS);
        assertThat(excerpt).endsWith("शब्द…").hasSizeLessThanOrEqualTo(FeedEntry.SUMMARY_CHARS + 1);
    }

    @Test
    void guidIsTheUriAndRelativeLinkIsResolvedAgainstTheChannelLink() throws Exception {
        NewsItem first = items("rss2-hindi.xml").get(0);
        assertThat(first.uri()).isEqualTo("urn:taar:khabar-2025-07-12-0001");
        assertThat(first.link()).isEqualTo("https://khabar.example.in/desh/washington-varta");
    }

    @Test
    void linkIsTheUriWithoutGuidAndADerivedUriWithoutEither() throws Exception {
        List<NewsItem> items = items("rss2-hindi.xml");
        assertThat(items.get(1).uri()).isEqualTo("https://khabar.example.in/khel/series");
        NewsItem noLink = items.get(4);
        assertThat(noLink.uri()).startsWith("urn:taar:ians-drop:");
        assertThat(noLink.warnings()).anyMatch(w -> w.startsWith("no guid, id or link; derived uri"));
        assertThat(items("rss2-hindi.xml").get(4).uri()).isEqualTo(noLink.uri());
    }

    @Test
    void relativeUrlsInTheBodyBecomeAbsolute() throws Exception {
        String body = items("rss2-hindi.xml").get(0).bodyHtml();
        assertThat(body).contains("href=\"https://khabar.example.in/desh/vyapar\"")
                .contains("src=\"https://khabar.example.in/desh/images/varta.jpg\"");
    }

    @Test
    void scriptsHandlersJavascriptDataUrlsAndTrackingPixelsAreRemoved() throws Exception {
        // Trackers are the parser's to drop; the rest is the one sanitizer's, which every printed body passed.
        String parsed = items("rss2-hindi.xml").get(0).bodyHtml();
        assertThat(parsed).doesNotContain("pixel.gif").doesNotContain("feedburner");
        String body = printed(parsed);
        assertThat(body).doesNotContain("<script").doesNotContain("alert").doesNotContain("onclick")
                .doesNotContain("javascript:").doesNotContain("data:").doesNotContain("<iframe")
                .doesNotContain("<object").doesNotContain("<embed").doesNotContain("pixel.gif")
                .doesNotContain("feedburner");
        assertThat(body).contains("<p>अंत</p>");
    }

    @Test
    void mediaContentImageIsTheLeadPictureCaptionedByItsTitleAndNotPutIntoTheBody() throws Exception {
        NewsItem item = items("rss2-hindi.xml").get(0);
        assertThat(item.leadPicture().uri()).isEqualTo("https://cdn.khabar.example.in/lead.jpg");
        assertThat(item.leadPicture().caption()).isEqualTo("वार्ता की तस्वीर");
        assertThat(item.bodyHtml()).doesNotContain("lead.jpg").doesNotContain("<figure");
    }

    @Test
    void enclosureImageIsTheLeadPictureWithItsLength() throws Exception {
        NewsItem item = items("rss2-hindi.xml").get(1);
        assertThat(item.leadPicture().renditions()).containsExactly(new org.taar.item.Rendition(
                "https://cdn.khabar.example.in/khel.jpg", "image/jpeg", null, null, 1000L, null));
        assertThat(item.bodyHtml()).doesNotContain("khel.jpg");
    }

    @Test
    void pubDateCreatorCategoriesAndLanguage() throws Exception {
        NewsItem first = items("rss2-hindi.xml").get(0);
        assertThat(first.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:49:00Z"));
        assertThat(first.versionCreated()).isEqualTo(first.firstCreated());
        assertThat(first.byline()).isEqualTo("रमेश शर्मा");
        assertThat(first.tags()).containsExactly("विदेश", "अमेरिका");
        assertThat(first.section()).isEqualTo("विदेश");
        assertThat(first.language()).isEqualTo("hi");
    }

    @Test
    void itemXmlLangOverridesTheChannelLanguage() throws Exception {
        assertThat(items("rss2-hindi.xml").get(4).language()).isEqualTo("en");
    }

    @Test
    void authorEmailGivesItsNameAsByline() throws Exception {
        assertThat(items("rss2-hindi.xml").get(4).byline()).isEqualTo("Business Desk");
        assertThat(RssParser.author("jo@example.com")).isEqualTo("jo@example.com");
    }

    @Test
    void titleWithMarkupBecomesText() throws Exception {
        assertThat(items("rss2-hindi.xml").get(4).headline()).isEqualTo("Sensex closes higher");
    }

    @Test
    void doubleEscapedDescriptionIsDecodedOnceMore() throws Exception {
        NewsItem untitled = items("rss2-hindi.xml").get(2);
        assertThat(untitled.bodyHtml()).startsWith("<p>बिना शीर्षक की ख़बर").doesNotContain("&lt;");
    }

    @Test
    void itemWithoutTitleIsKeptWithoutHeadlineForTheNormalizeStage() throws Exception {
        NewsItem untitled = items("rss2-hindi.xml").get(2);
        assertThat(untitled.headline()).isNull();
        assertThat(untitled.bodyHtml()).contains("मानसून ने पूरे उत्तर भारत में दस्तक दी");
        assertThat(untitled.warnings()).contains("no title");
    }

    @Test
    void unreadableDateIsAWarningNotAFailure() throws Exception {
        NewsItem untitled = items("rss2-hindi.xml").get(2);
        assertThat(untitled.warnings()).contains("pubDate 'not a date at all' is not a date; ignored");
        assertThat(untitled.firstCreated()).isEqualTo(CTX.receivedAt());
    }

    @Test
    void itemWithOnlyALinkIsStillAnItem() throws Exception {
        ParseResult r = parser.parse(bytes("feeds/rss2-hindi.xml"), CTX);
        assertThat(r.items()).hasSize(5);
        NewsItem linkOnly = r.items().get(3);
        assertThat(linkOnly.headline()).isNull();
        assertThat(linkOnly.link()).isEqualTo("https://khabar.example.in/khali");
        assertThat(linkOnly.uri()).isEqualTo("https://khabar.example.in/khali");
        assertThat(linkOnly.warnings()).containsExactly("no title");
    }

    @Test
    void rdfItemsBesideTheChannelAreRead() throws Exception {
        List<NewsItem> items = items("rss10-hindi.rdf");
        assertThat(items).extracting(NewsItem::headline).containsExactly("संसद का मानसून सत्र", "दूसरी ख़बर");
        NewsItem first = items.get(0);
        assertThat(first.byline()).isEqualTo("पीटीआई");
        assertThat(first.tags()).containsExactly("राजनीति");
        assertThat(first.language()).isEqualTo("hi-IN");
        assertThat(first.firstCreated()).isEqualTo(Instant.parse("2025-07-10T04:00:00Z"));
        assertThat(first.versionCreated()).isEqualTo(Instant.parse("2025-07-11T04:30:00Z"));
    }

    @Test
    void xmlBaseResolvesLinksAndBodyUrls() throws Exception {
        NewsItem first = items("rss10-hindi.rdf").get(0);
        assertThat(first.link()).isEqualTo("https://samachar.example.org/rajniti/monsoon-satra");
        assertThat(first.bodyHtml()).contains("href=\"https://samachar.example.org/rss/sansad.html\"");
    }

    @Test
    void rss091WithDoctypeAndLatin1IsRead() throws Exception {
        NewsItem item = items("rss091-latin1.xml").get(0);
        assertThat(item.headline()).isEqualTo("Crème brûlée été");
        assertThat(item.bodyHtml()).isEqualTo("A <i>sweet</i> story");
        assertThat(item.language()).isEqualTo("en-us");
    }

    @Test
    void feedBrokenAfterGoodItemsKeepsThemWithAWarningNamingTheLine() throws Exception {
        ParseResult r = parser.parse(bytes("feeds/rss-truncated.xml"), CTX);
        assertThat(r.items()).hasSize(30);
        assertThat(r.items().get(29).headline()).isEqualTo("Story 30");
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("feed truncated at line 157: ").endsWith("; 30 items kept");
    }

    @Test
    void feedBrokenBeforeAnyItemIsAParseError() {
        assertThatThrownBy(() -> parser.parse(bytes("feeds/rss-broken-first-item.xml"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessageStartingWith("XML is malformed at line 7: ");
    }

    @Test
    void entityDeclarationsAreRefused() {
        assertThatThrownBy(() -> parser.parse(bytes("feeds/rss-entity-bomb.xml"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("declares entities");
    }

    @Test
    void otherXmlIsNotRss() {
        assertThatThrownBy(() -> parser.parse(utf8("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessage("not RSS: the root element is <feed>");
        assertThatThrownBy(() -> parser.parse(utf8("just text"), CTX)).isInstanceOf(ParseException.class);
    }

    @Test
    void emptyChannelIsAFeedWithoutItems() throws Exception {
        ParseResult r = parser.parse(utf8("<rss version=\"2.0\"><channel><title>t</title></channel></rss>"), CTX);
        assertThat(r.items()).isEmpty();
        assertThat(r.warnings()).containsExactly("the feed has no items");
    }

    @Test
    void anRss10ItemIsIdentifiedByItsRdfAboutBeforeItsDcIdentifier() throws Exception {
        String rdf = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel rdf:about=\"https://example.org/\"><title>c</title>"
                + "<link>https://example.org/</link><description>d</description></channel>"
                + "<item rdf:about=\"https://example.org/a/1\"><title>t</title><link>https://example.org/a/1</link>"
                + "<dc:identifier>doi:10.1/x</dc:identifier></item>"
                + "<item><title>u</title><dc:identifier>doi:10.1/y</dc:identifier></item></rdf:RDF>";
        List<NewsItem> items = parser.parse(rdf.getBytes(java.nio.charset.StandardCharsets.UTF_8), Fixtures.CTX).items();
        assertThat(items.get(0).uri()).isEqualTo("https://example.org/a/1");
        assertThat(items.get(1).uri()).contains("doi:10.1/y");
    }
}
