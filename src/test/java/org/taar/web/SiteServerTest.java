package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.TestEngines;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The one port over real HTTP on loopback: pages, conditional requests and push delivery. */
class SiteServerTest {
    @TempDir Path dir;
    private App app;
    private String base;
    private String key;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        var config = TestEngines.config(TestEngines.SQLITE, dir);
        // One polled source with secrets, on a closed loopback port: it fails, and its health must not show them.
        var feed = org.taar.config.Config.Feed.of(URI.create("http://127.0.0.1:9/feed?token=QUERYSECRET"), 64 * 1024)
                .withAllowPrivate(true).withCredentials("pti", "PASSWORDSECRET")
                .withHeaders(java.util.Map.of("Authorization", "Bearer HEADERSECRET"));
        var sources = java.util.Map.of("pti", new org.taar.config.Config.Source("pti", null, null, null, feed));
        config = new org.taar.config.Config(config.dataDir(), null, 0, 64 * 1024, config.site(), sources);
        app = new App(config, Clock.systemUTC());
        key = app.pushKeys.create("ians");
        int port = app.serve("127.0.0.1", 0, false);
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private HttpResponse<String> push(byte[] body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth != null) b.header("Authorization", auth);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void pushedStoryAppearsAtItsUrlWithEtagAndGzip() throws Exception {
        HttpResponse<String> r = push(Fixtures.wire("urn:t:1", 1, null, "धक्का देकर भेजी गई ख़बर", "खेल"), "Bearer " + key);
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode answer = new ObjectMapper().readTree(r.body());
        assertThat(answer.path("status").asText()).isEqualTo("published");
        assertThat(answer.path("uri").asText()).isEqualTo("urn:t:1");
        String url = answer.path("url").asText();

        HttpResponse<String> page = caughtUp(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("धक्का देकर भेजी गई ख़बर");
        String etag = page.headers().firstValue("ETag").orElseThrow();
        assertThat(get(url, "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> gz = http.send(HttpRequest.newBuilder(URI.create(base + url))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.body()[0]).isEqualTo((byte) 0x1f);
    }

    @Test
    void pushWithoutValidKeyIs401AndStoresNothing() throws Exception {
        byte[] story = Fixtures.wire("urn:t:2", 1, null, "बिना कुंजी", "खेल");
        assertThat(push(story, null).statusCode()).isEqualTo(401);
        assertThat(push(story, "Bearer wrong").statusCode()).isEqualTo(401);
        int deliveries = app.store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deliveries")
                .mapTo(Integer.class).one());
        assertThat(deliveries).isZero();
    }

    @Test
    void pushBadInputGetsClearStatusCodes() throws Exception {
        assertThat(push(new byte[70 * 1024], "Bearer " + key).statusCode()).isEqualTo(413);
        assertThat(push(new byte[0], "Bearer " + key).statusCode()).isEqualTo(400);
        HttpResponse<String> binary = push(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0}, "Bearer " + key);
        assertThat(binary.statusCode()).isEqualTo(415);
        assertThat(binary.body()).contains("unknown format");
        HttpResponse<String> noHeadline = push("Headline: \nSummary: x\n\nbody\n".getBytes(StandardCharsets.UTF_8),
                "Bearer " + key);
        assertThat(noHeadline.statusCode()).isEqualTo(400);
        assertThat(noHeadline.body()).contains("headline");
        // A bad delivery never affects a good one.
        assertThat(push(Fixtures.wire("urn:t:3", 1, null, "ठीक ख़बर", "खेल"), "Bearer " + key).statusCode())
                .isEqualTo(202);
    }

    @Test
    void unknownPathsAnswer404PageAndHealthzAnswers() throws Exception {
        HttpResponse<String> missing = get("/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<html");
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/sports").statusCode()).isEqualTo(301);
    }

    @Test
    void sourcesListTheirHealthWithoutSecrets() throws Exception {
        assertThat(get("/api/v1/sources").statusCode()).isEqualTo(401);
        String editor = app.pushKeys.create("desk", org.taar.store.PushKeys.Role.EDITOR);
        // The poller's first failure comes on its own thread, and the answer is kept for a few
        // seconds, so the failure may show only after that.
        JsonNode pti = Eventually.value(Duration.ofSeconds(12), () -> {
            HttpResponse<String> r = get("/api/v1/sources", "Authorization", "Bearer " + editor);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(r.body()).doesNotContain("SECRET").doesNotContain("pti:");
            return new ObjectMapper().readTree(r.body()).get(0);
        }, p -> p.path("consecutive_failures").asInt() > 0);
        assertThat(pti.path("name").asText()).isEqualTo("pti");
        assertThat(pti.path("url").asText()).isEqualTo("http://127.0.0.1:9/feed?token=…");
        assertThat(pti.path("state").asText()).isEqualTo("failing");
        assertThat(pti.path("last_error").asText()).contains("127.0.0.1");
        assertThat(pti.path("interval_seconds").asDouble()).isEqualTo(60.0);
        assertThat(pti.has("next_poll_at")).isTrue();
        assertThat(pti.path("items_24h").asInt()).isZero();
        assertThat(get("/api/v1/sources", "Authorization", "Bearer " + editor).statusCode()).isEqualTo(200);
    }

    @Test
    void searchFindsPublishedStoriesAndRejectsBadInput() throws Exception {
        String url = new ObjectMapper().readTree(push(Fixtures.wire("urn:t:s1", 1, null, "सिंह ने <b>शतक</b> जड़ा", "खेल"),
                "Bearer " + key).body()).path("url").asText();
        assertThat(caughtUp(url).statusCode()).isEqualTo(200);
        app.indexer().catchUp();
        HttpResponse<String> found = get("/search?q=" + java.net.URLEncoder.encode("सिँह", StandardCharsets.UTF_8));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("href=\"" + url + "\"").contains("<mark>").doesNotContain("<b>शतक")
                .contains("noindex");
        assertThat(get("/").body()).contains("action=\"/search\"");
        assertThat(get("/search").statusCode()).isEqualTo(200);
        assertThat(get("/search?q=" + "क".repeat(201)).statusCode()).isEqualTo(400);
        assertThat(get("/search?q=x&page=abc").statusCode()).isEqualTo(400);
        assertThat(get("/search?q=x&page=0").statusCode()).isEqualTo(400);
        assertThat(get("/search?q=x&from=2025-13-01").statusCode()).isEqualTo(400);
        // A malformed escape, which java.net.http refuses to send: a raw request.
        try (var socket = new java.net.Socket("127.0.0.1", URI.create(base).getPort())) {
            socket.getOutputStream().write("GET /search?q=%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            assertThat(status).startsWith("HTTP/1.1 400");
        }
        assertThat(get("/search?q=" + java.net.URLEncoder.encode("\"(( * ~ -", StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(200);
        assertThat(get("/search?q=x&section=" + "a".repeat(101)).statusCode()).isEqualTo(400);
    }

    @Test
    void cachedPagesNameWhatTheyShowInSurrogateKey() throws Exception {
        String url = new ObjectMapper().readTree(push(Fixtures.wire("urn:t:k1", 1, null, "सरोगेट कुंजी वाली ख़बर", "खेल"),
                "Bearer " + key).body()).path("url").asText();
        String id = url.substring(url.lastIndexOf('-') + 1);
        HttpResponse<String> article = caughtUp(url);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.headers().firstValue("Surrogate-Key").orElse("").split(" "))
                .startsWith("story-" + id, "section-sports").contains("tag-kerala");
        assertThat(surrogateKey("/")).isEqualTo("home");
        assertThat(surrogateKey("/sports/")).isEqualTo("section-sports");
        assertThat(surrogateKey("/tag/kerala/")).isEqualTo("tag-kerala");
        for (String feed : new String[] {"/feed.xml", "/sports/feed.xml", "/sitemap.xml", "/sitemap-news.xml", "/robots.txt"}) {
            assertThat(get(feed).headers().firstValue("Surrogate-Key")).as(feed).hasValue("feeds");
        }
        // A conditional hit still says what it is.
        String etag = article.headers().firstValue("ETag").orElseThrow();
        assertThat(get(url, "If-None-Match", etag).headers().firstValue("Surrogate-Key")).hasValueSatisfying(
                k -> assertThat(k).startsWith("story-" + id));

        push(Fixtures.wire("urn:t:k1", 1, "canceled", "सरोगेट कुंजी वाली ख़बर", "खेल"), "Bearer " + key);
        HttpResponse<String> gone = caughtUp(url);
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(gone.headers().firstValue("Surrogate-Key")).hasValue("story-" + id);
    }

    @Test
    void badRequestsGetAShortHtmlPageNeverA500() throws Exception {
        String url = new ObjectMapper().readTree(push(Fixtures.wire("urn:t:b1", 1, null, "ख़राब अनुरोध", "खेल"),
                "Bearer " + key).body()).path("url").asText();
        assertThat(caughtUp(url).statusCode()).isEqualTo(200);
        assertThat(get("/sports/").body()).contains(url);
        for (String page : new String[] {"-1", "0", "abc", "999999999", "99999999999", "1.5", ""}) {
            HttpResponse<String> r = get("/sports/?page=" + page);
            assertThat(r.statusCode()).as("page=" + page).isEqualTo(404);
            assertThat(r.body()).as("page=" + page).contains("<html").doesNotContain(url);
        }
        assertThat(get("/sports/?page=1").body()).contains(url);
        assertThat(get("/sports/?utm_source=x").body()).contains(url);
        // A query string on an article is ignored.
        for (String q : new String[] {"?page=2", "?page=abc", "?utm_source=x&page=-1"}) {
            HttpResponse<String> r = get(url + q);
            assertThat(r.statusCode()).as(q).isEqualTo(200);
            assertThat(r.body()).contains("ख़राब अनुरोध");
        }
        HttpResponse<String> tooLong = get("/sports/" + "a".repeat(1_001));
        assertThat(tooLong.statusCode()).isEqualTo(414);
        assertThat(tooLong.body()).contains("<html").contains("414");
        assertThat(get("/sports/" + "a".repeat(900)).statusCode()).isEqualTo(404);

        for (String target : new String[] {"/sports/%ZZ", "/sports/%", "/sports/?page=%ZZ", "/%C0%AF", "/sports/%E0%A4"}) {
            String answer = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(target).startsWith("HTTP/1.1 400").contains("text/html").contains("<h1>400 Bad Request</h1>")
                    .doesNotContain("org.eclipse").doesNotContain("Exception").doesNotContain("Caused by");
        }
        String apiBad = raw("GET /api/v1/stories?since=%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(apiBad).startsWith("HTTP/1.1 400").contains("application/json");
        // Past Jetty's header limit: Jetty answers before any handler, still with the short page.
        String huge = raw("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(huge).matches("(?s)HTTP/1.1 4(14|31|00) .*").contains("मुखपृष्ठ").doesNotContain("org.eclipse").doesNotContain("Exception");
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
    }

    private String raw(String request) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", URI.create(base).getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String surrogateKey(String path) throws Exception {
        app.publisher.catchUp();
        return get(path).headers().firstValue("Surrogate-Key").orElse("");
    }

    /** The page once the publisher has applied every event written so far (its thread may not have yet). */
    private HttpResponse<String> caughtUp(String path) throws Exception {
        app.publisher.catchUp();
        return get(path);
    }
}
