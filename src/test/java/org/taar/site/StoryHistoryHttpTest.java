package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;

/** Over real HTTP: an old slug's address answers 301, and /api/v1/stories/{id}/versions explains a story. */
class StoryHistoryHttpTest {
    @TempDir Path dir;
    private App app;
    private String base;
    private String key;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    private void start(String engine) throws Exception {
        app = new App(TestEngines.config(engine, dir), Clock.systemUTC());
        key = app.pushKeys.create("ians");
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private JsonNode push(byte[] body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(202);
        return json.readTree(r.body());
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The page once the publisher has applied every event written so far (its thread may not have yet). */
    private HttpResponse<String> caughtUp(String path, int status) throws Exception {
        app.publisher.catchUp();
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        return r;
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theOldAddressOfARenamedStoryAnswers301ToTheNewOne(String engine) throws Exception {
        start(engine);
        String oldUrl = push(Fixtures.wire("urn:h:1", 1, null, "केरल में भारी बारिश", "देश")).path("url").asText();
        assertThat(caughtUp(oldUrl, 200).statusCode()).isEqualTo(200);
        String newUrl = push(Fixtures.wire("urn:h:1", 2, null, "तमिलनाडु में चक्रवात की चेतावनी", "देश"))
                .path("url").asText();
        assertThat(newUrl).isNotEqualTo(oldUrl);
        assertThat(caughtUp(newUrl, 200).body()).contains("तमिलनाडु में चक्रवात की चेतावनी");

        HttpResponse<String> moved = caughtUp(oldUrl, 301);
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValue(newUrl);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theVersionsRouteExplainsAStoryToItsSourceOnly(String engine) throws Exception {
        start(engine);
        String url = push(Fixtures.wire("urn:h:2", 1, null, "केरल में भारी बारिश", "देश")).path("url").asText();
        push(Fixtures.wire("urn:h:2", 3, null, "केरल में भारी बारिश, तीन की मौत", "देश"));
        push(Fixtures.wire("urn:h:2", 2, "corrected", "सुधार: केरल में भारी बारिश", "देश"));
        String id = url.replaceAll(".*-", "");
        String route = "/api/v1/stories/" + id + "/versions";

        assertThat(get(route).statusCode()).isEqualTo(401);
        assertThat(get(route, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        String otherKey = app.pushKeys.create("pti");
        assertThat(get(route, "Authorization", "Bearer " + otherKey).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/stories/abc/versions", "Authorization", "Bearer " + key).statusCode()).isEqualTo(404);

        HttpResponse<String> r = get(route, "Authorization", "Bearer " + key);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("version").asInt()).isEqualTo(3);
        assertThat(body.path("former_urls")).extracting(JsonNode::asText).containsExactly(url);
        JsonNode versions = body.path("versions");
        assertThat(versions).extracting(v -> v.path("version").asInt() + " " + v.path("outcome").asText())
                .containsExactly("1 published", "3 updated", "2 duplicate");
        assertThat(versions).allSatisfy(v -> {
            assertThat(v.path("delivery").path("sha256").asText()).matches("[0-9a-f]{64}");
            assertThat(v.path("delivery").path("channel").asText()).isEqualTo("push");
            assertThat(v.path("received_at").asText()).endsWith("Z");
        });
        assertThat(versions.get(2).path("correction").asBoolean()).isTrue();
        assertThat(versions.get(2).path("reason").asText()).contains("not newer");
        assertThat(body.path("audit")).extracting(a -> a.path("action").asText() + " by " + a.path("actor").asText())
                .containsExactly("published by rule:default-publish", "sectioned by enrich:declared");
        // The stories API itself is unchanged: /api/v1/stories/{id} still answers the ninjs item.
        assertThat(get("/api/v1/stories/" + id).statusCode()).isEqualTo(200);
    }
}
