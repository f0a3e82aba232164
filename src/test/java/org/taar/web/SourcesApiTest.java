package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.store.PushKeys;

/** GET /api/v1/sources over real HTTP: behind a key, nothing secret in it, and cheap to ask often. */
class SourcesApiTest {
    @TempDir Path dir;
    private App app;
    private String base;
    private final MutableClock clock = new MutableClock(Instant.now());
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        var config = TestEngines.config(TestEngines.SQLITE, dir);
        var feed = Config.Feed.of(URI.create("http://127.0.0.1:9/feed?token=QUERYSECRET&x=1#FRAGSECRET"), 64 * 1024)
                .withAllowPrivate(true).withCredentials("pti", "PASSWORDSECRET");
        config = new Config(config.dataDir(), null, 0, 64 * 1024, config.site(),
                Map.of("pti", new Config.Source("pti", null, null, null, feed)));
        app = new App(config, clock);
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void sourcesNeedAKeyAndAPushKeySeesOnlyItsOwnSource() throws Exception {
        String editor = app.pushKeys.create("desk", PushKeys.Role.EDITOR);
        String pti = app.pushKeys.create("pti");
        String ians = app.pushKeys.create("ians");
        HttpResponse<String> anonymous = get(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"taar\"");
        assertThat(anonymous.body()).contains("\"error\"").doesNotContain("127.0.0.1");
        assertThat(get("wrong").statusCode()).isEqualTo(401);
        assertThat(json(get(editor)).findValuesAsText("name")).containsExactly("pti");
        assertThat(json(get(pti)).findValuesAsText("name")).containsExactly("pti");
        assertThat(json(get(ians)).size()).isZero();
    }

    @Test
    void urlsAndErrorsShowNoSecretsAndNoRemoteFragments() throws Exception {
        String editor = app.pushKeys.create("desk", PushKeys.Role.EDITOR);
        waitForFirstFailure();
        app.sources.recordFailure("pti", clock.instant(), "the body could not be used: unknown format: XML with root "
                + "<SECRETROOT>, 'SECRETQUOTE' \"SECRETDOUBLE\" (keys: SECRETKEY) [SECRETBRACKET] see "
                + "https://user:SECRETPASS@feeds.example/x?token=SECRETTOKEN\nSECOND LINE " + "y".repeat(500),
                n -> clock.instant().plus(Duration.ofHours(1)));
        HttpResponse<String> r = get(editor);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("SECRET").doesNotContain("pti:");
        JsonNode source = json(r).get(0);
        assertThat(source.path("url").asText()).isEqualTo("http://127.0.0.1:9/feed?token=…&x=…");
        String error = source.path("last_error").asText();
        assertThat(error).startsWith("the body could not be used: unknown format").doesNotContain("\n")
                .contains("https://feeds.example/x?token=…");
        assertThat(error.length()).isLessThanOrEqualTo(160);
    }

    @Test
    void itemCountsAreReadAtMostOnceEveryFewSeconds() throws Exception {
        String editor = app.pushKeys.create("desk", PushKeys.Role.EDITOR);
        app.pipeline.deliver("pti", "poll", "one", Fixtures.wire("urn:src:1", 1, null, "पहली ख़बर", "खेल"), null);
        assertThat(json(get(editor)).get(0).path("items_24h").asInt()).isEqualTo(1);
        app.pipeline.deliver("pti", "poll", "two", Fixtures.wire("urn:src:2", 1, null, "दूसरी ख़बर", "खेल"), null);
        // Within a few seconds the answer is the kept one: a monitor asking every second costs no query each time.
        for (int i = 0; i < 20; i++) assertThat(json(get(editor)).get(0).path("items_24h").asInt()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(6));
        assertThat(json(get(editor)).get(0).path("items_24h").asInt()).isEqualTo(2);
    }

    /** The poller's own first failure, on its thread, so that it cannot overwrite the one this test records. */
    private void waitForFirstFailure() throws Exception {
        assertThat(Eventually.until(Duration.ofSeconds(5),
                () -> app.sources.find("pti", clock.instant()).map(s -> s.consecutiveFailures()).orElse(0) > 0))
                .as("the poller's first failure").isTrue();
    }

    private HttpResponse<String> get(String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/sources")).GET();
        if (key != null) b.header("Authorization", "Bearer " + key);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }
}
