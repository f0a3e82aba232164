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

class AtomParserTest {
    private final AtomParser parser = new AtomParser();

    private List<NewsItem> items(String fixture) throws ParseException {
        return parser.parse(bytes("feeds/" + fixture), CTX).items();
    }

    @Test
    void acceptsAtom10Atom03AndBareFeedRoots() {
        assertThat(parser.accepts(bytes("feeds/atom10-hindi.xml"))).isTrue();
        assertThat(parser.accepts(bytes("feeds/atom03.xml"))).isTrue();
        assertThat(parser.accepts(utf8("<feed><entry><title>t</title></entry></feed>"))).isTrue();
        assertThat(parser.accepts(utf8("<feed xmlns=\"urn:other\"/>"))).isFalse();
        assertThat(parser.accepts(bytes("feeds/rss2-hindi.xml"))).isFalse();
    }

    @Test
    void entryIdTitleLinkDatesAuthorAndCategories() throws Exception {
        NewsItem first = items("atom10-hindi.xml").get(0);
        assertThat(first.uri()).isEqualTo("tag:lokvani.example.in,2025:khel-101");
        assertThat(first.headline()).isEqualTo("क्रिकेट: भारत की जीत");
        assertThat(first.link()).isEqualTo("https://lokvani.example.in/khel/cricket-jeet");
        assertThat(first.firstCreated()).isEqualTo(Instant.parse("2025-07-12T04:30:00Z"));
        assertThat(first.versionCreated()).isEqualTo(Instant.parse("2025-07-12T06:00:00Z"));
        assertThat(first.byline()).isEqualTo("सुनील कुमार");
        assertThat(first.tags()).containsExactly("खेल", "cricket");
        assertThat(first.section()).isEqualTo("खेल");
        assertThat(first.language()).isEqualTo("hi");
    }

    @Test
    void textSummaryStaysLiteral() throws Exception {
        assertThat(items("atom10-hindi.xml").get(0).summary()).isEqualTo("भारत ने मैच 5 विकेट से जीता <सारांश>");
    }

    @Test
    void htmlContentIsResolvedAgainstTheContentsOwnXmlBaseAndCleaned() throws Exception {
        String body = printed(items("atom10-hindi.xml").get(0).bodyHtml());
        assertThat(body).contains("href=\"https://static.lokvani.example.in/story/scorecard.html\"")
                .contains("src=\"https://static.lokvani.example.in/story/photo.jpg\"")
                .doesNotContain("onerror");
    }

    @Test
    void enclosureLinkImageIsTheLeadPictureResolvedAgainstTheEntryBase() throws Exception {
        NewsItem item = items("atom10-hindi.xml").get(0);
        assertThat(item.leadPicture().uri()).isEqualTo("https://lokvani.example.in/img/cricket.jpg");
        assertThat(item.bodyHtml()).doesNotContain("cricket.jpg");
    }

    @Test
    void xhtmlTitleAndContentAreReadAsMarkup() throws Exception {
        NewsItem second = items("atom10-hindi.xml").get(1);
        assertThat(second.headline()).isEqualTo("मौसम अलर्ट");
        assertThat(second.bodyHtml()).contains("<p>दिल्ली में <a href=\"https://lokvani.example.in/desh/delhi\">बारिश</a> &amp; ओले।</p>");
        assertThat(printed(second.bodyHtml())).contains("<p>दिल्ली में <a href=\"https://lokvani.example.in/desh/delhi\"")
                .doesNotContain("script").doesNotContain("bad()");
    }

    @Test
    void mediaThumbnailIsTheLeadPicture() throws Exception {
        NewsItem item = items("atom10-hindi.xml").get(1);
        assertThat(item.leadPicture().uri()).isEqualTo("https://cdn.lokvani.example.in/mausam.jpg");
        assertThat(item.bodyHtml()).doesNotContain("mausam.jpg");
    }

    @Test
    void outOfLineContentKeepsOnlyTheLinkWithAWarning() throws Exception {
        NewsItem video = items("atom10-hindi.xml").get(2);
        assertThat(video.link()).isEqualTo("https://video.lokvani.example.in/sansad.mp4");
        assertThat(video.bodyHtml()).isNull();
        assertThat(video.warnings()).containsExactly(
                "content is out of line (src=https://video.lokvani.example.in/sansad.mp4); only the link kept");
    }

    @Test
    void entryWithOnlyAnIdAndADateIsStillAnItem() throws Exception {
        ParseResult r = parser.parse(bytes("feeds/atom10-hindi.xml"), CTX);
        assertThat(r.items()).hasSize(4);
        NewsItem bare = r.items().get(3);
        assertThat(bare.uri()).isEqualTo("tag:lokvani.example.in,2025:empty");
        assertThat(bare.headline()).isNull();
        assertThat(bare.versionCreated()).isEqualTo(java.time.Instant.parse("2025-07-12T04:00:00Z"));
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void atom03EscapedBase64AndXmlModes() throws Exception {
        List<NewsItem> items = items("atom03.xml");
        assertThat(items).extracting(NewsItem::headline).containsExactly("Escaped & titled", "Base64 entry", "XML mode");
        assertThat(items.get(0).bodyHtml()).isEqualTo("<p>Escaped <a href=\"http://old.example.com/2004/01/two\">body</a></p>");
        assertThat(items.get(0).summary()).isEqualTo("Plain summary");
        assertThat(items.get(1).bodyHtml()).isEqualTo("<p>Base64 body</p>");
        assertThat(items.get(2).bodyHtml()).isEqualTo("<div><p>Inline <em>XHTML</em></p></div>");
    }

    @Test
    void atom03IssuedModifiedCreatedAndDcSubject() throws Exception {
        List<NewsItem> items = items("atom03.xml");
        assertThat(items.get(0).firstCreated()).isEqualTo(Instant.parse("2004-01-01T15:00:00Z"));
        assertThat(items.get(0).versionCreated()).isEqualTo(Instant.parse("2004-01-02T10:00:00Z"));
        assertThat(items.get(0).tags()).containsExactly("Archive");
        assertThat(items.get(0).byline()).isEqualTo("Mark");
        assertThat(items.get(2).firstCreated()).isEqualTo(Instant.parse("2004-01-04T10:00:00Z"));
    }

    @Test
    void withoutXmlBaseTheSelfLinkIsTheBase() throws Exception {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <link href="."/><link rel="self" href="http://www.example.com/blog/index.atom"/>
                  <entry><id>tag:x,2006:1</id><title>t</title><link href="post-1"/>
                    <content type="html">&lt;img src="../img/a.png"&gt;</content></entry>
                </feed>""";
        NewsItem item = parser.parse(utf8(feed), CTX).items().get(0);
        assertThat(item.link()).isEqualTo("http://www.example.com/blog/post-1");
        assertThat(item.bodyHtml()).isEqualTo("<img src=\"http://www.example.com/img/a.png\">");
    }

    @Test
    void prefixedAtomElementsAndAttributesAreRead() throws Exception {
        String feed = """
                <atom:feed xmlns:atom="http://www.w3.org/2005/Atom">
                  <atom:entry><atom:id>urn:x:1</atom:id><atom:title>Prefixed</atom:title>
                    <atom:link atom:rel="alternate" atom:href="http://foo.com/2"/></atom:entry>
                </atom:feed>""";
        NewsItem item = parser.parse(utf8(feed), CTX).items().get(0);
        assertThat(item.headline()).isEqualTo("Prefixed");
        assertThat(item.link()).isEqualTo("http://foo.com/2");
    }

    @Test
    void truncatedFeedKeepsTheEntriesRead() throws Exception {
        String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry><id>urn:x:1</id><title>One</title></entry>\n"
                + "<entry><id>urn:x:2</id><title>Two</title></entry>\n<entry><id>urn:x:3</id><title>Thr";
        ParseResult r = parser.parse(utf8(feed), CTX);
        assertThat(r.items()).extracting(NewsItem::headline).containsExactly("One", "Two");
        assertThat(r.warnings()).singleElement().asString().startsWith("feed truncated at line 4: ").endsWith("; 2 items kept");
    }

    @Test
    void rssIsNotAtom() {
        assertThatThrownBy(() -> parser.parse(bytes("feeds/rss2-hindi.xml"), CTX))
                .isInstanceOf(ParseException.class)
                .hasMessage("not Atom: the root element is <rss>");
    }
}
