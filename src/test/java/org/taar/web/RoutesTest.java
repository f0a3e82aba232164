package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.TestEngines;

/** Each route of the table reaches its handler, and a method a route does not take is a 405 naming those it does. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutesTest {
    @TempDir Path dir;
    private App app;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC());
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aMethodARouteDoesNotTakeIs405WithItsAllow() throws Exception {
        String[][] cases = {
                {"GET", "/api/v1/ingest", "POST"},
                {"GET", "/api/v1/stories/7/publish", "POST"},
                {"POST", "/healthz", "GET, HEAD"},
                {"POST", "/search", "GET, HEAD"},
                {"DELETE", "/api/v1/stories", "GET, HEAD"},
                {"PUT", "/api/v1/sources", "GET, HEAD"},
                {"POST", "/", "GET, HEAD"},
                {"POST", "/no/such/page", "GET, HEAD"}};
        for (String[] c : cases) {
            HttpResponse<String> r = send(c[0], c[1]);
            assertThat(r.statusCode()).as(c[0] + " " + c[1]).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).as(c[0] + " " + c[1]).hasValue(c[2]);
        }
    }

    @Test
    void eachPathReachesItsEndpoint() throws Exception {
        HttpResponse<String> health = send("GET", "/healthz");
        assertThat(health.body()).isEqualTo("ok\n");
        assertThat(health.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(send("POST", "/api/v1/ingest").statusCode()).as("ingest wants a key").isEqualTo(401);
        assertThat(send("POST", "/api/v1/stories/7/publish").statusCode()).as("editor wants a key").isEqualTo(401);
        // The advisories endpoint takes GET and POST and checks the key first.
        assertThat(send("GET", "/api/v1/advisories").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/advisories").statusCode()).isEqualTo(401);
        // A story's versions are behind a key; the stories list is open.
        assertThat(send("GET", "/api/v1/stories/7/versions").statusCode()).isEqualTo(401);
        HttpResponse<String> list = send("GET", "/api/v1/stories");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(send("GET", "/api/v1/sources").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/search").body()).contains("noindex");
        assertThat(send("GET", "/").statusCode()).isEqualTo(200);
        HttpResponse<String> head = send("HEAD", "/");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(send("GET", "/" + "a".repeat(Routes.MAX_PATH + 1)).statusCode()).isEqualTo(414);
    }

    @Test
    void theEventStreamIsItsOwnRoute() throws Exception {
        HttpResponse<java.io.InputStream> events = http.send(HttpRequest.newBuilder(URI.create(base + "/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var body = events.body()) {
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        }
    }
}
