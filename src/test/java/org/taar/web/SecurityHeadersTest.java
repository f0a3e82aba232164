package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.LogCapture;
import org.taar.TestEngines;
import org.taar.web.HostileClientsTest;

/**
 * Every kind of answer carries the security headers, and request header values that are nonsense
 * are the reader's problem: never a 500, never a stack trace in the log.
 */
class SecurityHeadersTest {
    @TempDir Path dir;
    private App app;
    private String base;
    private int port;
    private String key;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC());
        key = app.pushKeys.create("ians");
        port = app.serve("127.0.0.1", 0, false);
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        String url = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.wire("urn:sec:1", 1, null, "सुरक्षा की ख़बर", "खेल")))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("url").asText();
        caughtUp(url, 200);
        String home = get("/").body();
        for (String path : new String[] {"/", "/sports/", url, "/feed.xml", "/sports/feed.xml", "/sitemap.xml",
                "/sitemap-news.xml", "/robots.txt", "/search?q=x", "/search?q=" + "x".repeat(300), "/healthz",
                "/api/v1/stories", "/api/v1/stories/999", "/api/v1/sources", "/no/such/page", "/sports/?page=abc",
                "/" + "a".repeat(1_100)}) {
            HttpResponse<String> r = get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
        // A kill's 410, the event stream and answers Jetty makes before any handler, too.
        http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest")).header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.wire("urn:sec:1", 1, "canceled", "सुरक्षा की ख़बर", "खेल")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(caughtUp(url, 410).headers().firstValue("X-Frame-Options")).hasValue("DENY");
        for (String request : new String[] {"GET /events HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /sports/%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
                "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
                "POST /api/v1/ingest HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"}) {
            String head = raw(request);
            assertThat(head).as(request.substring(0, 30)).containsIgnoringCase("Content-Security-Policy:")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff").containsIgnoringCase("X-Frame-Options: DENY");
        }

        String csp = get("/").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").contains("frame-ancestors 'none'")
                .contains("object-src 'none'").contains("base-uri 'none'").contains("img-src 'self' https: data:")
                .contains("upgrade-insecure-requests");
        // The one inline script the templates write is allowed by its hash, exactly.
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(home);
        assertThat(script.find()).as("the home page has its live-update script").isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("script-src 'self' 'sha256-" + hash + "'");
    }

    @Test
    void nonsenseInRequestHeadersIsNeverA500() throws Exception {
        String url = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.wire("urn:sec:2", 1, null, "अजीब हेडर", "खेल")))
                .build(), HttpResponse.BodyHandlers.ofString()).body()).path("url").asText();
        caughtUp(url, 200);
        String[][] headers = {{"Accept-Encoding", ";;;,,,"}, {"Accept-Encoding", ";"}, {"Accept-Encoding", ",;q=1,br;q="},
                {"Accept-Encoding", "gzip;q=1e999"}, {"If-None-Match", ",,,"}, {"If-None-Match", "W/"},
                {"Authorization", "Bearer"}, {"Authorization", "Bearer \u00ff\u00fe"}, {"Range", "bytes=-"},
                {"Range", "bytes=99999999999999999999-"}, {"Last-Event-ID", "99999999999999999999999"}};
        try (LogCapture logs = new LogCapture()) {
            for (String path : new String[] {"/", url, "/sports/", "/feed.xml", "/api/v1/stories", "/api/v1/sources",
                    "/api/v1/stories/1/versions", "/search?q=x"}) {
                for (String[] h : headers) {
                    String head = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + h[0] + ": " + h[1] + "\r\n"
                            + "Connection: close\r\n\r\n");
                    assertThat(head).as(path + " " + h[0] + ": " + h[1]).matches("(?s)HTTP/1.1 [1-4][0-9][0-9] .*");
                }
            }
            for (String query : new String[] {"since=%2B999999999-12-31T23:59:59Z", "since=-999999999-01-01T00:00:00Z",
                    "limit=99999999999", "cursor=OTIyMzM3MjAzNjg1NDc3NTgwNy45", "cursor=%00", "since=&limit=&cursor="}) {
                String head = raw("GET /api/v1/stories?" + query + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                assertThat(head).as(query).matches("(?s)HTTP/1.1 [1-4][0-9][0-9] .*");
            }
            assertThat(logs.errorsAndStacks()).isEmpty();
        }
    }

    private String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return HostileClientsTest.readHead(s, 5_000);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The page once the publisher has applied every event written so far, which must answer {@code status}. */
    private HttpResponse<String> caughtUp(String url, int status) throws Exception {
        app.publisher.catchUp();
        HttpResponse<String> r = get(url);
        assertThat(r.statusCode()).as(url).isEqualTo(status);
        return r;
    }
}
