package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.story.Outcome;

/**
 * Serving from compressed pages over real HTTP on each engine: encodings and their ETags, the
 * external stylesheet, pages rendered on demand after eviction, deep listing pages, tag aliases.
 */
class PageServingTest {
    @TempDir Path dir;
    private App app;
    private String base;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private void start(String engine) throws Exception {
        app = new App(TestEngines.config(engine, dir), clock);
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private Outcome publish(String uri, String headline, String section) {
        clock.advance(Duration.ofMinutes(1));
        return Fixtures.publish(app, Fixtures.wire(uri, 1, null, headline, section));
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send("GET", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static String etag(HttpResponse<byte[]> r) {
        return r.headers().firstValue("ETag").orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void brotliGzipAndIdentityEachWithTheirOwnEtag(String engine) throws Exception {
        start(engine);
        String url = publish("urn:serve:1", "संकुचित पन्ने की ख़बर", "देश").url();
        byte[] rendered = app.pages.get(url).orElseThrow().body();

        HttpResponse<byte[]> br = get(url, "Accept-Encoding", "gzip, deflate, br");
        assertThat(br.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(br.headers().firstValue("Vary")).hasValue("Accept-Encoding");
        assertThat(Decoder.decompress(br.body()).getDecompressedData()).isEqualTo(rendered);

        HttpResponse<byte[]> gz = get(url, "Accept-Encoding", "gzip, br;q=0");
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes()).isEqualTo(rendered);

        HttpResponse<byte[]> plain = get(url);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(rendered);
        assertThat(text(plain)).contains("संकुचित पन्ने की ख़बर");
        assertThat(List.of(etag(br), etag(gz), etag(plain))).doesNotHaveDuplicates();

        // 304 only for the representation the client holds.
        assertThat(get(url, "Accept-Encoding", "br", "If-None-Match", etag(br)).statusCode()).isEqualTo(304);
        assertThat(get(url, "Accept-Encoding", "gzip", "If-None-Match", etag(br)).statusCode()).isEqualTo(200);
        assertThat(get(url, "Accept-Encoding", "gzip", "If-None-Match", "\"old\", " + etag(gz)).statusCode()).isEqualTo(304);
        assertThat(get(url, "If-None-Match", "*").statusCode()).isEqualTo(304);
        assertThat(get(url, "If-None-Match", etag(gz)).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> head = send("HEAD", url, "Accept-Encoding", "br");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(br.body().length));
        assertThat(head.headers().firstValue("Cache-Control").orElseThrow()).contains("stale-while-revalidate");
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void stylesheetIsLinkedFromPagesAndCachedForAYear(String engine) throws Exception {
        start(engine);
        String url = publish("urn:serve:css", "शैली पत्रक वाली ख़बर", "देश").url();
        for (String path : List.of("/", url, "/india/", "/no-such-page")) {
            String html = text(get(path));
            assertThat(html).as(path).contains("<link rel=\"stylesheet\" href=\"" + Stylesheet.PATH + "\">")
                    .doesNotContain("<style>");
        }
        HttpResponse<byte[]> css = get(Stylesheet.PATH, "Accept-Encoding", "gzip");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(text(get(Stylesheet.PATH))).contains(".skip{position:absolute").contains("a:focus-visible");
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void evictedArticleIsRenderedAgainOnDemandAndWrongSlugRedirects(String engine) throws Exception {
        start(engine);
        publish("urn:serve:ev1", "पहली ख़बर", "देश");
        app.indexer().catchUp();  // so that the next story's page gets its related stories, as a render later would
        String url = publish("urn:serve:ev2", "दूसरी ख़बर जो निकाली जाएगी", "देश").url();
        app.indexer().catchUp();
        assertThat(new String(app.pages.get(url).orElseThrow().body(), StandardCharsets.UTF_8)).contains("data-role=\"related\"");
        byte[] before = app.pages.get(url).orElseThrow().body();
        String etagBefore = etag(get(url, "Accept-Encoding", "br"));

        app.pages.evict(url);
        assertThat(app.pages.get(url)).isEmpty();
        HttpResponse<byte[]> again = get(url);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(new String(again.body(), StandardCharsets.UTF_8)).as("the request waited for no related search")
                .contains("दूसरी ख़बर जो निकाली जाएगी").doesNotContain("data-role=\"related\"");
        assertThat(app.pages.get(url)).as("kept after the render").isPresent();
        // The related thread's next pass gives it back its related stories: the page it had before.
        app.publisher.catchUp();
        assertThat(get(url).body()).isEqualTo(before);
        assertThat(etag(get(url, "Accept-Encoding", "br"))).isEqualTo(etagBefore);

        long id = Long.parseLong(url.substring(url.lastIndexOf('-') + 1));
        HttpResponse<byte[]> moved = get("/sports/old-headline-" + id);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue(url);
        assertThat(get("/india/no-such-story-" + (id + 1000)).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void onlyTheNewestArticlesAreRenderedAtStart(String engine) throws Exception {
        var config = TestEngines.config(engine, dir);
        var site = config.site().withEagerArticles(2);
        config = new org.taar.config.Config(config.dataDir(), config.jdbcUrl(), 0, config.maxDeliveryBytes(), site,
                config.sources());
        String oldest;
        String killed;
        List<String> newest;
        try (App first = new App(config, clock)) {
            oldest = Fixtures.publish(first, Fixtures.wire("urn:eager:1", 1, null, "सबसे पुरानी ख़बर", "देश")).url();
            clock.advance(Duration.ofMinutes(1));
            killed = Fixtures.publish(first, Fixtures.wire("urn:eager:2", 1, null, "हटाई जाने वाली ख़बर", "देश")).url();
            clock.advance(Duration.ofMinutes(1));
            Fixtures.publish(first, Fixtures.wire("urn:eager:2", 2, "canceled", "हटाई जाने वाली ख़बर", "देश"));
            newest = new java.util.ArrayList<>();
            for (int i = 3; i <= 4; i++) {
                clock.advance(Duration.ofMinutes(1));
                newest.add(Fixtures.publish(first, Fixtures.wire("urn:eager:" + i, 1, null, "ताज़ा ख़बर " + i, "देश")).url());
            }
        }
        app = new App(config, clock);
        app.publisher.rebuildAll();
        for (String url : newest) assertThat(app.pages.get(url)).as(url).isPresent();
        assertThat(app.pages.get(killed).orElseThrow().status()).as("kills are pinned at start").isEqualTo(410);
        assertThat(app.pages.get(oldest)).as("older than the newest two").isEmpty();
        assertThat(app.onDemand.find(oldest).orElseThrow().page().status()).isEqualTo(200);
        assertThat(app.pages.get(oldest)).isPresent();

        // As the server starts: the port opens before the newest articles are rendered; the kill is
        // pinned at once, a request renders its article, and the related thread renders the rest.
        app.close();
        app = new App(config, clock);
        app.publisher.rebuildAll(false);
        assertThat(app.pages.get(killed).orElseThrow().status()).as("kills are pinned before the port opens").isEqualTo(410);
        assertThat(app.pages.get(newest.get(0))).as("left to the related thread").isEmpty();
        assertThat(app.pages.get("/")).as("the home page is there before the port opens").isPresent();
        assertThat(app.onDemand.find(newest.get(1)).orElseThrow().page().status()).isEqualTo(200);
        app.publisher.catchUp();
        for (String url : newest) assertThat(app.pages.get(url)).as(url + " after a pass of the related thread").isPresent();
        assertThat(app.pages.get(oldest)).as("still only on request").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void deepListingPagesAreRenderedOnDemandAndEndWithTheLastPage(String engine) throws Exception {
        start(engine);
        // 250 stories in one section, 20 a page: 13 pages, of which the publisher keeps 10.
        List<String> urls = new java.util.ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            clock.advance(Duration.ofMinutes(1));
            var r = app.pipeline.deliver("ians", "file", "s.txt", Fixtures.wire("urn:deep:" + i, 1, null, "गहरी ख़बर " + i, "खेल"), null);
            urls.add(r.outcomes().get(0).url());
        }
        app.publisher.catchUp();
        String section = urls.get(0).substring(0, urls.get(0).indexOf('/', 1) + 1);
        // Pages 2-10 follow a burst of new stories within Publisher.DEEP_PAGES_EVERY.
        // That refresh runs on the listings thread's own timer (real time), which no catch-up call advances.
        String page10 = Eventually.value(Publisher.DEEP_PAGES_EVERY.multipliedBy(3), () -> text(get(section + "?page=10")),
                t -> t.contains("?page=11"));
        assertThat(page10).as("page 10 links on").contains("?page=11");
        // Newest first: page 12 holds stories 30..11 (the 221st to 240th newest).
        HttpResponse<byte[]> page12 = get(section + "?page=12");
        assertThat(page12.statusCode()).isEqualTo(200);
        assertThat(text(page12)).contains("href=\"" + urls.get(19) + "\"").contains("href=\"" + urls.get(10) + "\"")
                .doesNotContain("href=\"" + urls.get(9) + "\"").contains("?page=13");
        HttpResponse<byte[]> page13 = get(section + "?page=13");
        assertThat(text(page13)).contains("href=\"" + urls.get(0) + "\"").doesNotContain("?page=14");
        assertThat(get(section + "?page=14").statusCode()).isEqualTo(404);
        assertThat(get(section + "?page=999999").statusCode()).isEqualTo(404);

        // A kill re-renders the section deeply: the on-demand page 12 must not keep the story.
        clock.advance(Duration.ofMinutes(1));
        Fixtures.publish(app, Fixtures.wire("urn:deep:15", 2, "canceled", "गहरी ख़बर 15", "खेल"));
        app.publisher.catchUp();
        assertThat(text(get(section + "?page=12"))).doesNotContain("href=\"" + urls.get(14) + "\"")
                .contains("href=\"" + urls.get(9) + "\"");
        assertThat(get(section + "?page=13").statusCode()).as("249 stories: still 13 pages").isEqualTo(200);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void mergedTagAddressRedirectsToTheTagItWentInto(String engine) throws Exception {
        start(engine);
        publish("urn:tag:1", "टैग वाली ख़बर", "देश");  // tags केरल and मौसम विभाग
        List<String> slugs = app.tags.all().stream().map(t -> t.slug()).toList();
        assertThat(slugs).hasSizeGreaterThanOrEqualTo(2);
        String from = slugs.get(0);
        String into = slugs.get(1);
        assertThat(get("/tag/" + from + "/").statusCode()).isEqualTo(200);

        app.tags.merge(from, into);
        app.publisher.tagsChanged(List.of(from, into));
        app.publisher.catchUp();
        HttpResponse<byte[]> moved = get("/tag/" + from + "/");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue("/tag/" + into + "/");
        assertThat(get("/tag/" + from + "/?page=2").headers().firstValue("Location")).hasValue("/tag/" + into + "/?page=2");
        assertThat(get("/tag/" + into + "/").statusCode()).isEqualTo(200);
        assertThat(get("/tag/no-such-tag/").statusCode()).isEqualTo(404);
    }
}
