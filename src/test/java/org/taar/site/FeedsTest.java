package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.format.Formats;
import org.taar.item.NewsItem;
import org.taar.format.ParseContext;
import org.taar.format.ParseResult;
import org.taar.story.Outcome;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Feeds, sitemaps and robots.txt as the publisher materializes them. The sitemaps are checked
 * here for content, well-formedness and namespaces; SitemapSchemaTest validates them against
 * the sitemaps.org and Google News XSDs.
 */
class FeedsTest {
    @TempDir Path dir;

    private App open(String engine, MutableClock clock) {
        return new App(TestEngines.config(engine, dir), clock);
    }

    private static Outcome deliver(App app, byte[] content) {
        return Fixtures.publish(app, content);
    }

    private static byte[] bytes(App app, String path) {
        return app.pages.get(path).orElseThrow(() -> new AssertionError("not cached: " + path)).body();
    }

    private static String text(App app, String path) {
        return new String(bytes(app, path), StandardCharsets.UTF_8);
    }

    private static ParseResult rss(App app, String path) throws Exception {
        assertThat(app.pages.get(path).orElseThrow().contentType()).isEqualTo("application/rss+xml; charset=utf-8");
        return Formats.standard().parse(bytes(app, path), "rss", new ParseContext("taar", Instant.now()));
    }

    private static String id(String url) {
        return url.substring(url.lastIndexOf('-') + 1);
    }

    static Document xml(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    /** Delivers a sports story and runs what the server's threads would: its articles, then a listings pass. */
    private static Outcome inServerPasses(App app, String uri, int version, String status, String headline) {
        Outcome o = app.pipeline.deliver("ians", "file", "story.txt", Fixtures.wire(uri, version, status, headline, "खेल"), null)
                .outcomes().get(0);
        while (app.publisher.applyArticles() > 0) { }
        app.publisher.renderListings(false);
        return o;
    }

    /**
     * In the server's passes a new story reaches the feeds at their next turn (at most a second
     * later, as in a burst), a kill at once; a pass that is asked to render now renders all.
     */
    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void newStoriesWaitForTheFeedsTurnAndKillsDoNot(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        try (App app = open(engine, clock)) {
            app.publisher.rebuildAll();
            Outcome first = inServerPasses(app, "urn:turn:1", 1, null, "पहली बारी");
            assertThat(text(app, "/feed.xml")).as("the first change after a quiet second goes at once").contains(first.url());

            Outcome second = inServerPasses(app, "urn:turn:2", 1, null, "दूसरी बारी");
            assertThat(text(app, "/feed.xml")).as("within the second: waits for the feeds' turn").doesNotContain(second.url());
            assertThat(text(app, "/")).as("the home page does not wait").contains(second.url());
            clock.advance(Duration.ofMillis(999));
            app.publisher.renderListings(false);
            assertThat(text(app, "/feed.xml")).as("still within the second").doesNotContain(second.url());

            inServerPasses(app, "urn:turn:1", 2, "canceled", "पहली बारी");
            assertThat(text(app, "/feed.xml")).as("a kill leaves the feeds at once, and the waiting story comes with it")
                    .doesNotContain(first.url()).contains(second.url());
            assertThat(text(app, "/sports/feed.xml")).doesNotContain(first.url());
            assertThat(text(app, "/sitemap-news.xml")).doesNotContain(first.url()).contains(second.url());

            Outcome third = inServerPasses(app, "urn:turn:3", 1, null, "तीसरी बारी");
            assertThat(text(app, "/feed.xml")).doesNotContain(third.url());
            clock.advance(Duration.ofSeconds(1));
            app.publisher.renderListings(false);
            assertThat(text(app, "/feed.xml")).as("its turn came with a pass of no news").contains(third.url());
            assertThat(text(app, "/sitemap-news.xml")).contains(third.url());

            Outcome fourth = app.pipeline.deliver("ians", "file", "d.txt", Fixtures.wire("urn:turn:4", 1, null, "चौथी बारी", "खेल"), null)
                    .outcomes().get(0);
            app.publisher.catchUp();
            assertThat(text(app, "/sports/feed.xml")).as("catchUp renders now").contains(fourth.url());
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void feedsCarryPublishedStoriesAndLoseKilledOnes(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        try (App app = open(engine, clock)) {
            app.publisher.rebuildAll();
            Outcome killed = deliver(app, Fixtures.wire("urn:feed:1", 1, null, "वापस ली जाने वाली ख़बर & <सूचना>", "खेल"));
            clock.advance(Duration.ofMinutes(5));
            Outcome kept = deliver(app, Fixtures.wire("urn:feed:2", 1, null, "भारत ने मैच जीता", "खेल"));
            String base = app.config.site().baseUrl();

            ParseResult site = rss(app, "/feed.xml");
            assertThat(site.items()).extracting(NewsItem::headline)
                    .containsExactly("भारत ने मैच जीता", "वापस ली जाने वाली ख़बर & <सूचना>");
            assertThat(site.items()).extracting(NewsItem::link).containsExactly(base + kept.url(), base + killed.url());
            assertThat(text(app, "/feed.xml")).contains("<pubDate>Sat, 12 Jul 2025 05:54:00 GMT</pubDate>")
                    .contains("<guid isPermaLink=\"false\">" + base + "/api/v1/stories/" + id(kept.url()) + "</guid>")
                    .contains("<dc:creator>IANS</dc:creator>")
                    .contains("rel=\"self\"").contains("<language>" + app.config.site().language() + "</language>");
            assertThat(rss(app, "/sports/feed.xml").items()).extracting(NewsItem::headline).hasSize(2);
            assertThat(app.pages.get("/india/feed.xml")).as("every section has a feed").isPresent();

            app.publisher.rebuildAll(); // months are refreshed every few seconds; a restart lists them at once
            String month = "/sitemap-2025-07.xml";
            assertThat(text(app, month)).contains(base + killed.url()).contains(base + kept.url());
            assertThat(text(app, "/sitemap-news.xml")).contains(base + killed.url());

            deliver(app, Fixtures.wire("urn:feed:1", 1, "canceled", "वापस ली जाने वाली ख़बर", "खेल"));
            for (String path : new String[] {"/feed.xml", "/sports/feed.xml", "/sitemap-news.xml", month}) {
                assertThat(text(app, path)).as(path).doesNotContain(killed.url()).contains(kept.url());
            }
            assertThat(rss(app, "/feed.xml").items()).extracting(NewsItem::headline).containsExactly("भारत ने मैच जीता");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void newsSitemapHoldsOnlyTheLast48Hours(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        try (App app = open(engine, clock)) {
            app.publisher.rebuildAll();
            Outcome old = deliver(app, Fixtures.wire("urn:news:1", 1, null, "पुरानी ख़बर", "देश"));
            clock.advance(Duration.ofHours(47));
            Outcome fresh = deliver(app, Fixtures.wire("urn:news:2", 1, null, "ताज़ा ख़बर", "देश"));
            assertThat(text(app, "/sitemap-news.xml")).contains(old.url()).contains(fresh.url());

            clock.advance(Duration.ofHours(2)); // the first story is now 49 hours old; nothing else happened
            app.publisher.catchUp();
            String news = text(app, "/sitemap-news.xml");
            assertThat(news).doesNotContain(old.url()).contains(fresh.url())
                    .contains("<news:title>ताज़ा ख़बर</news:title>")
                    .contains("<news:name>" + app.config.site().name() + "</news:name>")
                    .contains("<news:publication_date>2025-07-14T10:19:00+05:30</news:publication_date>");

            Document doc = xml(bytes(app, "/sitemap-news.xml"));
            Element root = doc.getDocumentElement();
            assertThat(root.getLocalName()).isEqualTo("urlset");
            assertThat(root.getNamespaceURI()).isEqualTo(Feeds.SITEMAP_NS);
            assertThat(doc.getElementsByTagNameNS(Feeds.NEWS_NS, "news").getLength()).isEqualTo(1);
            assertThat(doc.getElementsByTagNameNS(Feeds.NEWS_NS, "language").item(0).getTextContent())
                    .isEqualTo(app.config.site().language());
            // The older story still lives in its monthly sitemap.
            app.publisher.rebuildAll();
            assertThat(text(app, "/sitemap-2025-07.xml")).contains(old.url()).contains(fresh.url());
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void sitemapIndexAndRobotsAreWellFormed(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-30T20:00:00Z")); // 1 July 01:30 in Kolkata
        try (App app = open(engine, clock)) {
            app.publisher.rebuildAll();
            assertThat(text(app, "/sitemap.xml")).contains("/sitemap-news.xml").doesNotContain("/sitemap-2025");
            deliver(app, Fixtures.wire("urn:idx:1", 1, null, "जुलाई की ख़बर", "देश"));
            app.publisher.rebuildAll();
            String base = app.config.site().baseUrl();

            Document index = xml(bytes(app, "/sitemap.xml"));
            assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
            assertThat(index.getDocumentElement().getNamespaceURI()).isEqualTo(Feeds.SITEMAP_NS);
            var locs = index.getElementsByTagNameNS(Feeds.SITEMAP_NS, "loc");
            assertThat(locs.getLength()).isEqualTo(2);
            assertThat(locs.item(0).getTextContent()).isEqualTo(base + "/sitemap-news.xml");
            assertThat(locs.item(1).getTextContent()).as("months are in the site's zone")
                    .isEqualTo(base + "/sitemap-2025-07.xml");

            Document month = xml(bytes(app, "/sitemap-2025-07.xml"));
            assertThat(month.getDocumentElement().getNamespaceURI()).isEqualTo(Feeds.SITEMAP_NS);
            assertThat(month.getElementsByTagNameNS(Feeds.SITEMAP_NS, "lastmod").item(0).getTextContent())
                    .isEqualTo("2025-07-01T01:30:00+05:30");
            xml(bytes(app, "/feed.xml"));

            String robots = text(app, "/robots.txt");
            assertThat(robots).contains("Sitemap: " + base + "/sitemap.xml").contains("Sitemap: " + base + "/sitemap-news.xml").contains("Disallow: /desk/")
                    .contains("Disallow: /api/").contains("User-agent: *");
        }
    }

    /**
     * A new version with another headline moves the slug and so the link; the guid stays, in the site
     * feed and the section feed, and after a restart, so a reader updates the item instead of showing a
     * second one.
     */
    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aNewHeadlineMovesTheLinkButNeverTheGuid(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        Map<String, String> guids = new HashMap<>();
        String base;
        Outcome first, second;
        try (App app = open(engine, clock)) {
            app.publisher.rebuildAll();
            base = app.config.site().baseUrl();
            first = deliver(app, Fixtures.wire("urn:guid:1", 1, null, "पटना में बाढ़ का ख़तरा", "खेल"));
            deliver(app, Fixtures.wire("urn:guid:2", 1, null, "दूसरी ख़बर बनी रहती है", "खेल"));
            for (String path : new String[] {"/feed.xml", "/sports/feed.xml"}) {
                for (NewsItem item : rss(app, path).items()) guids.put(path + " " + item.headline(), item.uri());
            }
            clock.advance(Duration.ofMinutes(7));
            second = deliver(app, Fixtures.wire("urn:guid:1", 2, null, "पटना में बाढ़, सेना बुलाई गई", "खेल"));
            assertThat(second.url()).as("the slug follows the headline").isNotEqualTo(first.url());
            assertThat(id(second.url())).isEqualTo(id(first.url()));
            for (String path : new String[] {"/feed.xml", "/sports/feed.xml"}) {
                var items = rss(app, path).items();
                assertThat(items).as(path).hasSize(2);
                NewsItem updated = items.stream().filter(i -> i.headline().equals("पटना में बाढ़, सेना बुलाई गई"))
                        .findFirst().orElseThrow();
                assertThat(updated.link()).as(path + ": the link is where the story is now").isEqualTo(base + second.url());
                assertThat(updated.uri()).as(path + ": the guid did not move")
                        .isEqualTo(guids.get(path + " पटना में बाढ़ का ख़तरा"))
                        .isEqualTo(base + "/api/v1/stories/" + id(first.url()));
                assertThat(items.stream().map(NewsItem::uri)).as(path).doesNotHaveDuplicates()
                        .contains(guids.get(path + " दूसरी ख़बर बनी रहती है"));
            }
            assertThat(text(app, "/feed.xml")).doesNotContain("isPermaLink=\"true\"");
        }
        if (engine.equals(TestEngines.SQLITE)) {
            // Another process on the same store (a restart) renders the same guids.
            try (App again = open(engine, clock)) {
                again.publisher.rebuildAll();
                assertThat(rss(again, "/sports/feed.xml").items()).extracting(NewsItem::uri)
                        .contains(base + "/api/v1/stories/" + id(first.url()));
            }
        }
    }

    /** Every item of every feed, re-read with Taar's own RSS parser: link, guid, pubDate and title. */
    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void everyFeedItemReadsBackWithLinkGuidDateAndTitleAndSummaryOnly(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        try (App app = open(engine, clock)) {
            app.publisher.rebuildAll();
            Outcome a = deliver(app, Fixtures.wire("urn:rss:1", 1, null, "पहली ख़बर", "खेल"));
            clock.advance(Duration.ofMinutes(1));
            Outcome b = deliver(app, Fixtures.wire("urn:rss:2", 1, null, "दूसरी ख़बर", "देश"));
            String base = app.config.site().baseUrl();
            for (String path : new String[] {"/feed.xml", "/sports/feed.xml", "/india/feed.xml"}) {
                String xml = text(app, path);
                ParseResult parsed = new org.taar.format.RssParser().parse(bytes(app, path),
                        new ParseContext("taar", Instant.EPOCH));
                assertThat(parsed.warnings()).as(path).isEmpty();
                assertThat(parsed.items()).as(path).isNotEmpty();
                for (NewsItem item : parsed.items()) {
                    assertThat(item.link()).as(path).startsWith(base + "/").isIn(base + a.url(), base + b.url());
                    assertThat(item.uri()).as("guid is the story's id, not its link")
                            .isEqualTo(base + "/api/v1/stories/" + id(item.link()));
                    assertThat(item.headline()).isIn("पहली ख़बर", "दूसरी ख़बर");
                    assertThat(item.firstCreated()).as("pubDate").isIn(Instant.parse("2025-07-12T05:49:00Z"),
                            Instant.parse("2025-07-12T05:50:00Z"));
                    assertThat(item.summary()).startsWith("सारांश");
                    assertThat(item.bodyHtml()).as("no full text by default").doesNotContain("दूसरा अनुच्छेद");
                }
                assertThat(xml).doesNotContain("content:encoded");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void sourcesLicensedForFullTextCarryItInFeeds(String engine) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("taar.yml"), """
                sources:
                  ians:
                    full_text_in_feeds: true
                """);
        try (App app = open(engine, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            deliver(app, Fixtures.wire("urn:full:1", 1, null, "पूरी ख़बर", "देश"));
            assertThat(text(app, "/feed.xml")).contains("<content:encoded>");
            NewsItem item = new org.taar.format.RssParser().parse(bytes(app, "/feed.xml"),
                    new ParseContext("taar", Instant.EPOCH)).items().get(0);
            assertThat(item.bodyHtml()).contains("पहला अनुच्छेद").contains("दूसरा अनुच्छेद");
            assertThat(item.summary()).startsWith("सारांश");
        }
    }
}
