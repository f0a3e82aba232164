package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.story.Outcome;
import org.w3c.dom.Document;

/**
 * A month with more stories than one sitemap file may hold (the protocol's 50,000 URLs or 50 MB)
 * is cut into parts, oldest stories first, every story in exactly one part, every part in the
 * index; when the month shrinks, the parts it no longer needs are gone. Tried with limits of a
 * few stories, on the site's real store and renderer.
 */
class SitemapPartsTest {
    @TempDir Path dir;

    private static List<String> locs(byte[] xml) throws Exception {
        Document d = FeedsTest.xml(xml);
        var nodes = d.getElementsByTagNameNS(Feeds.SITEMAP_NS, "loc");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    private static byte[] body(PageCache cache, String path) {
        return cache.get(path).orElseThrow(() -> new AssertionError("not cached: " + path)).body();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aLongMonthIsCutIntoPartsWithinTheLimits(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-02T05:49:00Z"));
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            List<Outcome> stories = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                stories.add(Fixtures.publish(app, Fixtures.wire("urn:parts:" + i, 1, null,
                        "महीने की ख़बर संख्या " + i + " " + "क ख ग घ".repeat(i + 1), "देश")));
                clock.advance(Duration.ofHours(1));
            }
            String base = app.config.site().baseUrl();
            PageCache cache = new PageCache(64L << 20);
            Feeds feeds = new Feeds(app.listings, app.mediaReads, cache, new RssFeed(app.config),
                    new Sitemaps(app.config.site()), app.config.site(), clock, new Sitemaps.Limits(3, 1L << 20));
            feeds.renderAll();

            assertThat(locs(body(cache, "/sitemap.xml"))).containsExactly(base + "/sitemap-news.xml",
                    base + "/sitemap-2025-07.xml", base + "/sitemap-2025-07-2.xml", base + "/sitemap-2025-07-3.xml");
            List<String> listed = new ArrayList<>();
            for (String part : List.of("/sitemap-2025-07.xml", "/sitemap-2025-07-2.xml", "/sitemap-2025-07-3.xml")) {
                List<String> urls = locs(body(cache, part));
                assertThat(urls).as(part).hasSizeBetween(1, 3);
                listed.addAll(urls);
            }
            assertThat(listed).as("every story once, oldest first")
                    .containsExactlyElementsOf(stories.stream().map(o -> base + o.url()).toList());

            // Limits in bytes too: a part that would pass them is halved.
            int oneStory = body(cache, "/sitemap-2025-07-3.xml").length;
            PageCache small = new PageCache(64L << 20);
            Feeds bytes = new Feeds(app.listings, app.mediaReads, small, new RssFeed(app.config),
                    new Sitemaps(app.config.site()), app.config.site(), clock, new Sitemaps.Limits(50_000, oneStory + 200));
            bytes.renderAll();
            List<String> parts = locs(body(small, "/sitemap.xml"));
            assertThat(parts).hasSizeGreaterThan(3);
            List<String> again = new ArrayList<>();
            for (String p : parts.subList(1, parts.size())) {
                byte[] b = body(small, p.substring(base.length()));
                assertThat(b.length).as(p).isLessThanOrEqualTo(oneStory + 200);
                again.addAll(locs(b));
            }
            assertThat(again).containsExactlyElementsOf(listed);

            // Four stories killed: the month needs one part less, and the third part is gone.
            for (int i = 0; i < 4; i++) Fixtures.publish(app, Fixtures.wire("urn:parts:" + i, 2, "canceled", "वापस", "देश"));
            feeds.refresh(true, true, false, List.of("india"), List.of(java.time.YearMonth.of(2025, 7)));
            assertThat(locs(body(cache, "/sitemap.xml"))).containsExactly(base + "/sitemap-news.xml",
                    base + "/sitemap-2025-07.xml");
            assertThat(cache.get("/sitemap-2025-07-2.xml")).isEmpty();
            assertThat(new String(body(cache, "/sitemap-2025-07.xml"), StandardCharsets.UTF_8))
                    .contains(stories.get(6).url()).doesNotContain(stories.get(0).url());
        }
    }

    /**
     * As the server starts: the index is made from the months' counts and each month is rendered
     * on its first request, over HTTP too; a month the bounded tier let go is rendered again, and
     * a path the index does not list stays a 404.
     */
    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void monthsAreRenderedOnTheirFirstRequest(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-20T05:49:00Z"));
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            List<Outcome> stories = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                stories.add(Fixtures.publish(app, Fixtures.wire("urn:lazy:" + i, 1, null, "आलसी महीने की ख़बर " + i, "देश")));
                clock.advance(Duration.ofDays(4));
            }
            String base = app.config.site().baseUrl();
            PageCache cache = new PageCache(64L << 20);
            Feeds feeds = new Feeds(app.listings, app.mediaReads, cache, new RssFeed(app.config),
                    new Sitemaps(app.config.site()), app.config.site(), clock, new Sitemaps.Limits(2, 1L << 20));
            feeds.renderAll(false);

            // June holds three stories (two parts of two), July two (one part).
            assertThat(locs(body(cache, "/sitemap.xml"))).containsExactly(base + "/sitemap-news.xml",
                    base + "/sitemap-2025-07.xml", base + "/sitemap-2025-06.xml", base + "/sitemap-2025-06-2.xml");
            assertThat(cache.get("/sitemap-2025-06.xml")).as("not rendered at start").isEmpty();
            assertThat(locs(feeds.monthOnRequest("/sitemap-2025-06-2.xml").orElseThrow().body()))
                    .containsExactly(base + stories.get(2).url());
            assertThat(locs(body(cache, "/sitemap-2025-06.xml"))).as("the month's other part came with it")
                    .containsExactly(base + stories.get(0).url(), base + stories.get(1).url());
            cache.evict("/sitemap-2025-06.xml");
            assertThat(locs(feeds.monthOnRequest("/sitemap-2025-06.xml").orElseThrow().body())).hasSize(2);
            assertThat(feeds.monthOnRequest("/sitemap-2025-05.xml")).as("a month without stories").isEmpty();
            assertThat(feeds.monthOnRequest("/sitemap-2025-06-3.xml")).as("a part the month does not have").isEmpty();
            assertThat(feeds.monthOnRequest("/sitemap-2025-13.xml")).as("no such month").isEmpty();
            assertThat(feeds.monthOnRequest("/feed.xml")).isEmpty();

            // The server starts the same way, and a crawler's first request finds the month.
            int port = app.serve("127.0.0.1", 0, false);
            var http = java.net.http.HttpClient.newHttpClient();
            var july = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + port + "/sitemap-2025-07.xml")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(july.statusCode()).isEqualTo(200);
            assertThat(locs(july.body())).containsExactly(base + stories.get(3).url(), base + stories.get(4).url());
            var none = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + port + "/sitemap-2024-01.xml")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertThat(none.statusCode()).isEqualTo(404);
        }
    }
}
