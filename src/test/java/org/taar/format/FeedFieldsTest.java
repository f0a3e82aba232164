package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.format.Fixtures.CTX;
import static org.taar.format.Fixtures.printed;
import static org.taar.format.Fixtures.utf8;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

/**
 * Where RSS and Atom really put an entry's text, ids, dates, links, authors, categories and rights,
 * by kind, from the specifications (RSS 0.9x/1.0/2.0, Atom 0.3/1.0) and as feedparser reads them.
 */
class FeedFieldsTest {
    private final RssParser rss = new RssParser();
    private final AtomParser atom = new AtomParser();

    private List<NewsItem> rss(String channelBody, String rootAttributes) throws ParseException {
        return rss.parse(utf8("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\" " + rootAttributes + ">"
                + "<channel><title>c</title><link>https://agency.example/</link>" + channelBody + "</channel></rss>"), CTX).items();
    }

    private List<NewsItem> atom(String feedBody) throws ParseException {
        return atom.parse(utf8("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>f</title><id>urn:f</id>" + feedBody + "</feed>"),
                CTX).items();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://backend.userland.com/rss2", "http://backend.userland.com/rss",
            "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/rss/1.0/", "HTTP://BACKEND.USERLAND.COM/RSS2/"})
    void rssInTheDefaultNamespacesRssHasHadIsRead(String ns) throws Exception {
        NewsItem item = rss("<item><title>शीर्षक</title><link>https://agency.example/a</link><guid>urn:g:1</guid>"
                + "<description>&lt;p&gt;पाठ&lt;/p&gt;</description><author>jo@agency.example (Jo)</author>"
                + "<category>देश</category><pubDate>Sat, 12 Jul 2025 05:30:00 GMT</pubDate></item>", "xmlns=\"" + ns + "\"").get(0);
        assertThat(item.headline()).isEqualTo("शीर्षक");
        assertThat(item.link()).isEqualTo("https://agency.example/a");
        assertThat(item.uri()).isEqualTo("urn:g:1");
        assertThat(item.bodyHtml()).isEqualTo("<p>पाठ</p>");
        assertThat(item.byline()).isEqualTo("Jo");
        assertThat(item.tags()).containsExactly("देश");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:30:00Z"));
    }

    @Test
    void summaryBesideDescriptionIsTheBodyWhenThereIsNoContent() throws Exception {
        NewsItem item = rss("<item><title>t</title><description>Short one.</description>"
                + "<summary>&lt;p&gt;The whole story, told at length.&lt;/p&gt;</summary></item>", "").get(0);
        assertThat(item.summary()).isEqualTo("Short one.");
        assertThat(item.bodyHtml()).isEqualTo("<p>The whole story, told at length.</p>");
    }

    @Test
    void itunesSummaryMediaTitleAndMediaGroupDescriptionAreRead() throws Exception {
        String ns = "xmlns:media=\"http://search.yahoo.com/mrss/\" xmlns:itunes=\"http://www.itunes.com/DTDs/PodCast-1.0.dtd\"";
        List<NewsItem> items = rss("<item><guid>urn:g:m</guid><media:title>Monsoon arrives in Kerala</media:title>"
                + "<media:group><media:description>Rain over Kochi.</media:description>"
                + "<media:content url=\"https://cdn.example/r.jpg\" medium=\"image\"/></media:group></item>"
                + "<item><title>Episode</title><itunes:summary>Talk about the budget.</itunes:summary>"
                + "<itunes:author>Desk</itunes:author><itunes:keywords>budget, tax</itunes:keywords></item>", ns);
        assertThat(items.get(0).headline()).isEqualTo("Monsoon arrives in Kerala");
        assertThat(items.get(0).warnings()).contains("no title; headline taken from media:title");
        assertThat(items.get(0).bodyHtml()).contains("Rain over Kochi.").doesNotContain("https://cdn.example/r.jpg");
        assertThat(items.get(0).media()).singleElement().satisfies(m -> {
            assertThat(m.uri()).isEqualTo("https://cdn.example/r.jpg");
            assertThat(m.caption()).isEqualTo("Rain over Kochi.");
        });
        assertThat(items.get(1).bodyHtml()).isEqualTo("<p>Talk about the budget.</p>");
        assertThat(items.get(1).byline()).isEqualTo("Desk");
        assertThat(items.get(1).tags()).containsExactly("budget", "tax");
    }

    @Test
    void dublinCoreCreatorDateSubjectAndRightsAreRead() throws Exception {
        NewsItem item = rss("<item><title>t</title><dc:creator>रमेश शर्मा</dc:creator><dc:date>2025-07-12T11:00+05:30</dc:date>"
                + "<dc:subject>खेल</dc:subject><dc:rights>© 2025 Agency</dc:rights></item>",
                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"").get(0);
        assertThat(item.byline()).isEqualTo("रमेश शर्मा");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:30:00Z"));
        assertThat(item.tags()).containsExactly("खेल");
        assertThat(item.rights()).isEqualTo("© 2025 Agency");
    }

    @Test
    void channelCopyrightIsInheritedAndAnItemsOwnRightsWin() throws Exception {
        List<NewsItem> items = rss("<copyright>© Channel</copyright><item><title>a</title></item>"
                + "<item><title>b</title><dc:rights>© Item</dc:rights></item>", "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"");
        assertThat(items).extracting(NewsItem::rights).containsExactly("© Channel", "© Item");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jo@example.com (Jo Writer)|Jo Writer",
            "Jo Writer (jo@example.com)|Jo Writer",
            "Jo Writer <jo@example.com>|Jo Writer",
            "mailto:jo@example.com (Jo Writer)|Jo Writer",
            "jo@example.com|jo@example.com",
            "रमेश शर्मा|रमेश शर्मा",
            "  Jo   Writer |Jo Writer"})
    void authorFormsGiveTheName(String written, String byline) {
        assertThat(RssParser.author(written)).isEqualTo(byline);
    }

    @Test
    void guidIsTheLinkOnlyWhenItIsAPermaLinkAndThereIsNoLink() throws Exception {
        List<NewsItem> items = rss("<item><title>a</title><guid>https://agency.example/p/1</guid></item>"
                + "<item><title>b</title><guid isPermaLink=\"false\">https://agency.example/p/2</guid></item>"
                + "<item><title>c</title><link>https://agency.example/c</link><guid>https://agency.example/p/3</guid></item>", "");
        assertThat(items).extracting(NewsItem::link)
                .containsExactly("https://agency.example/p/1", null, "https://agency.example/c");
    }

    @Test
    void rss10ItemsAreNamedByRdfAbout() throws Exception {
        byte[] rdf = utf8("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\">"
                + "<channel rdf:about=\"https://agency.example/\"><title>c</title><link>https://agency.example/</link></channel>"
                + "<item rdf:about=\"https://agency.example/r/1\"><title>t</title></item></rdf:RDF>");
        NewsItem item = rss.parse(rdf, CTX).items().get(0);
        assertThat(item.uri()).isEqualTo("https://agency.example/r/1");
        assertThat(item.link()).isEqualTo("https://agency.example/r/1");
    }

    @Test
    void atomLinkAndXmlBaseResolveRelativeLinksInRss() throws Exception {
        NewsItem item = rss("<item xml:base=\"https://agency.example/desh/\"><title>t</title>"
                + "<atom:link href=\"varta\"/><atom:id>urn:a:1</atom:id><atom:updated>2025-07-12T06:00:00Z</atom:updated></item>",
                "xmlns:atom=\"http://www.w3.org/2005/Atom\"").get(0);
        assertThat(item.link()).isEqualTo("https://agency.example/desh/varta");
        assertThat(item.uri()).isEqualTo("urn:a:1");
        assertThat(item.versionCreated()).isEqualTo(Instant.parse("2025-07-12T06:00:00Z"));
    }

    @Test
    void anEntryWithOnlyAnEnclosureOrAnImageIsStillAnItem() throws Exception {
        List<NewsItem> items = rss("<item><enclosure url=\"https://agency.example/a.mp3\" type=\"audio/mpeg\" length=\"1\"/></item>"
                + "<item><description>&lt;img src=\"https://agency.example/p.jpg\"&gt;</description></item>"
                + "<item><description>&lt;img data-src=\"/lazy.jpg\" src=\"data:image/gif;base64,R0lGOD\"&gt;</description>"
                + "<link>https://agency.example/x</link></item>", "");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).media()).singleElement().satisfies(m -> assertThat(m.uri()).isEqualTo("https://agency.example/a.mp3"));
        assertThat(items.get(0).bodyHtml()).as("the site plays it; a link would say it twice").isNull();
        assertThat(printed(items.get(1).bodyHtml())).contains("src=\"https://agency.example/p.jpg\"");
        assertThat(printed(items.get(2).bodyHtml())).contains("src=\"https://agency.example/lazy.jpg\"").doesNotContain("data:");
        assertThat(items).allSatisfy(i -> assertThat(i.headline()).isNull());
    }

    @Test
    void anEmptyEntryIsSkippedAndTheOthersKept() throws Exception {
        ParseResult r = rss.parse(utf8("<rss version=\"2.0\"><channel><item/><item><title>t</title></item></channel></rss>"), CTX);
        assertThat(r.items()).extracting(NewsItem::headline).containsExactly("t");
        assertThat(r.warnings()).containsExactly("item 1: empty (no title, text, link, id, date or media); skipped");
    }

    @Test
    void itemWarningsCarryNoItemPrefixOfTheirOwn() throws Exception {
        ParseResult r = rss.parse(utf8("<rss version=\"2.0\"><channel><item><title>t</title><pubDate>soon</pubDate>"
                + "<link>javascript:x()</link></item></channel></rss>"), CTX);
        assertThat(r.items().get(0).warnings()).isNotEmpty().noneMatch(w -> w.startsWith("item "));
    }

    @Test
    void atomTextConstructsOfEveryTypeAreRead() throws Exception {
        List<NewsItem> items = atom("<entry><id>urn:e:1</id><title type=\"\">Empty type</title>"
                + "<content type=\"application/octet-stream\">PHA+SGlzdG9yeSBvZiB0aGUgJmx0O2JsaW5rJmd0OyB0YWc8L3A+</content></entry>"
                + "<entry><id>urn:e:2</id><title type=\"TEXT\">Upper case</title><summary type=\"text/plain; charset=utf-8\">s</summary>"
                + "<content type=\"image/png\">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==</content></entry>"
                + "<entry><id>urn:e:3</id><title type=\"plain\">Odd type</title></entry>");
        assertThat(items).extracting(NewsItem::headline).containsExactly("Empty type", "Upper case", "Odd type");
        assertThat(items.get(0).bodyHtml()).isEqualTo("<p>History of the &lt;blink&gt; tag</p>");
        assertThat(items.get(1).summary()).isEqualTo("s");
        assertThat(items.get(1).warnings()).contains("content of type image/png is not text; left out");
    }

    @Test
    void atom03Base64OfBinaryIsLeftOutWithAWarning() throws Exception {
        byte[] feed = utf8("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"><entry><id>urn:e</id><title>t</title>"
                + "<content type=\"text/html\" mode=\"base64\">AAECAwQF</content><issued>2025-07-12T05:00:00Z</issued></entry></feed>");
        NewsItem item = atom.parse(feed, CTX).items().get(0);
        assertThat(item.bodyHtml()).isNull();
        assertThat(item.warnings()).contains("base64 content is not UTF-8 text; left out");
        assertThat(item.firstCreated()).isEqualTo(Instant.parse("2025-07-12T05:00:00Z"));
    }

    @Test
    void atomFeedRightsAndAuthorAreInheritedAndCategoriesAreTags() throws Exception {
        List<NewsItem> items = atom("<rights>© Feed</rights><author><name>Feed Desk</name></author>"
                + "<entry><id>urn:e:1</id><title>a</title><category term=\"desh\" label=\"देश\"/><category term=\"khel\"/></entry>"
                + "<entry><id>urn:e:2</id><title>b</title><rights type=\"html\">&lt;b&gt;© Entry&lt;/b&gt;</rights>"
                + "<author><email>jo@agency.example</email></author></entry>"
                + "<entry><id>urn:e:3</id><title>c</title><source><author><name>Source Desk</name></author></source></entry>");
        assertThat(items).extracting(NewsItem::rights).containsExactly("© Feed", "© Entry", "© Feed");
        assertThat(items).extracting(NewsItem::byline).containsExactly("Feed Desk", "jo@agency.example", "Source Desk");
        assertThat(items.get(0).tags()).containsExactly("देश", "khel");
    }

    @Test
    void windows1252PunctuationInAUtf8FeedIsMappedAndHindiIsUntouched() throws Exception {
        byte[] head = "<rss version=\"2.0\"><channel><item><title>don".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "t stop — नई दिल्ली</title><description>It&#146;s donâ€™t</description></item></channel></rss>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] feed = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, feed, 0, head.length);
        feed[head.length] = (byte) 0x92;
        System.arraycopy(tail, 0, feed, head.length + 1, tail.length);
        ParseResult r = rss.parse(feed, CTX);
        NewsItem item = r.items().get(0);
        assertThat(item.headline()).isEqualTo("don\u2019t stop — नई दिल्ली");
        assertThat(item.bodyHtml()).isEqualTo("<p>It\u2019s don\u2019t</p>");
        assertThat(item.warnings()).contains("repaired mis-decoded characters (windows-1252 punctuation or UTF-8 decoded twice)");
    }

    @Test
    void latin1FeedWithC1CharactersReadsAsWindows1252() throws Exception {
        byte[] feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><title>Caf\u00e9 \u201cquoted\u201d</title></item></channel></rss>"
                .getBytes(Charset.forName("windows-1252"));
        assertThat(rss.parse(feed, CTX).items().get(0).headline()).isEqualTo("Caf\u00e9 \u201cquoted\u201d");
    }

    @Test
    void upperCaseHexadecimalReferencesAreRepairedNotFatal() throws Exception {
        NewsItem item = rss("<item><title>&#X41;&#x42;&#X0915;</title></item>", "").get(0);
        assertThat(item.headline()).isEqualTo("ABक");
    }

    @Test
    void anItemWithoutHeadlineIsStillValidNinjs21() throws Exception {
        List<NewsItem> items = rss("<item><guid isPermaLink=\"false\">urn:g:bare</guid></item>"
                + "<item><enclosure url=\"https://agency.example/a.mp3\" type=\"audio/mpeg\"/></item>", "");
        NinjsValidator ninjs = NinjsValidator.load();
        for (NewsItem item : items) {
            assertThat(item.headline()).isNull();
            assertThat(ninjs.problems("untitled", item)).isEmpty();
        }
    }
}
