package org.taar.web;

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
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.store.PushKeys;
import org.taar.store.AuditLog;
import org.taar.story.Outcome;

/** The editor API over real HTTP: key roles, every transition, audit rows, and the page following. */
class EditorEndpointTest {
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String base;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body, StandardCharsets.UTF_8));
        if (key != null) b.header("Authorization", "Bearer " + key);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The page's status once the publisher has applied every event written so far (its thread may not have yet). */
    private int caughtUpStatus(App app, String path) throws Exception {
        app.publisher.catchUp();
        return get(path).statusCode();
    }

    private static <T> T last(Supplier<List<T>> list) {
        List<T> l = list.get();
        return l.get(l.size() - 1);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void editorReleasesHoldsAndKillsAHeldStoryAndThePageFollows(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            String pushKey = app.pushKeys.create("ians");
            String editorKey = app.pushKeys.create("asha", PushKeys.Role.EDITOR);
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            Outcome held = Fixtures.publish(app, Fixtures.wire("urn:ed:1", 1, null,
                    "विधायक बोले- सब चूतिया हैं, वीडियो वायरल", "देश"));
            assertThat(held.status().label()).isEqualTo("held");
            assertThat(held.reason()).contains("(rule profanity)");
            long id = Long.parseLong(held.url().substring(held.url().lastIndexOf('-') + 1));
            // The hold comes first; the section's reason (enrich:declared) follows it.
            AuditLog.AuditEntry first = app.audit.auditTrail(id).get(0);
            assertThat(first.actor()).isEqualTo("rule:profanity");
            assertThat(get(held.url()).statusCode()).isEqualTo(404);
            String publish = "/api/v1/stories/" + id + "/publish";

            // Keys: none or unknown is 401, a push key is 403, and an editor key cannot push.
            assertThat(post(publish, null, null).statusCode()).isEqualTo(401);
            assertThat(post(publish, "taar_wrong", null).statusCode()).isEqualTo(401);
            assertThat(post(publish, pushKey, null).statusCode()).isEqualTo(403);
            assertThat(app.pushKeys.sourceFor(editorKey)).isEmpty();
            assertThat(post("/api/v1/stories/999999/publish", editorKey, null).statusCode()).isEqualTo(404);
            assertThat(post(publish, editorKey, "{not json").statusCode()).isEqualTo(400);
            assertThat(get(held.url()).statusCode()).isEqualTo(404);

            HttpResponse<String> released = post(publish, editorKey, "{\"reason\": \"quote is the news\"}");
            assertThat(released.statusCode()).as(released.body()).isEqualTo(200);
            JsonNode r = json.readTree(released.body());
            assertThat(r.path("status").asText()).isEqualTo("published");
            assertThat(r.path("url").asText()).isEqualTo(held.url());
            AuditLog.AuditEntry audit = last(() -> app.audit.auditTrail(id));
            assertThat(audit.action()).isEqualTo("published");
            assertThat(audit.actor()).isEqualTo("editor:asha");
            assertThat(audit.reason()).isEqualTo("quote is the news");
            assertThat(caughtUpStatus(app, held.url())).isEqualTo(200);
            assertThat(get("/api/v1/stories/" + id).statusCode()).isEqualTo(200);
            // Publishing again changes nothing.
            assertThat(json.readTree(post(publish, editorKey, null).body()).path("changed").asBoolean()).isFalse();

            HttpResponse<String> down = post("/api/v1/stories/" + id + "/hold", editorKey, null);
            assertThat(down.statusCode()).isEqualTo(200);
            assertThat(json.readTree(down.body()).path("status").asText()).isEqualTo("held");
            assertThat(caughtUpStatus(app, held.url())).isEqualTo(404);
            assertThat(get("/feed.xml").body()).doesNotContain("/" + id + "<");
            assertThat(last(() -> app.audit.auditTrail(id)).actor()).isEqualTo("editor:asha");

            HttpResponse<String> kill = post("/api/v1/stories/" + id + "/kill", editorKey, "{\"reason\": \"legal\"}");
            assertThat(kill.statusCode()).isEqualTo(200);
            assertThat(json.readTree(kill.body()).path("status").asText()).isEqualTo("killed");
            assertThat(caughtUpStatus(app, held.url())).isEqualTo(410);
            AuditLog.AuditEntry killed = last(() -> app.audit.auditTrail(id));
            assertThat(killed.action()).isEqualTo("killed");
            assertThat(killed.reason()).isEqualTo("legal");

            // A killed story never comes back.
            HttpResponse<String> again = post(publish, editorKey, null);
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(json.readTree(again.body()).path("error").asText()).contains("killed");
            assertThat(post("/api/v1/stories/" + id + "/hold", editorKey, null).statusCode()).isEqualTo(409);
            assertThat(get(held.url()).statusCode()).isEqualTo(410);
            assertThat(get("/api/v1/stories/" + id).statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void editorHoldsAPublishedStoryAndCannotReleaseAnUnlicensedOne(String engine) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("taar.yml"), "sources:\n  ians: {web: false}\n");
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            String editorKey = app.pushKeys.create("ravi", PushKeys.Role.EDITOR);
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            Outcome o = Fixtures.publish(app, Fixtures.wire("urn:ed:2", 1, null, "मानसून केरल पहुंचा", "देश"));
            assertThat(o.status().label()).isEqualTo("held");
            assertThat(o.reason()).startsWith("not licensed").contains("(rule not-licensed)");
            long id = Long.parseLong(o.url().substring(o.url().lastIndexOf('-') + 1));
            HttpResponse<String> r = post("/api/v1/stories/" + id + "/publish", editorKey, null);
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.body()).contains("not licensed");
            assertThat(get(o.url()).statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void heldByAnEditorAPublishedStoryLeavesItsPage(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            String editorKey = app.pushKeys.create("ravi", PushKeys.Role.EDITOR);
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            Outcome o = Fixtures.publish(app, Fixtures.wire("urn:ed:3", 1, null, "मानसून केरल पहुंचा", "देश"));
            assertThat(o.status().label()).isEqualTo("published");
            assertThat(caughtUpStatus(app, o.url())).isEqualTo(200);
            long id = Long.parseLong(o.url().substring(o.url().lastIndexOf('-') + 1));
            assertThat(post("/api/v1/stories/" + id + "/hold", editorKey, "{\"reason\": \"checking facts\"}")
                    .statusCode()).isEqualTo(200);
            assertThat(caughtUpStatus(app, o.url())).isEqualTo(404);
            app.publisher.catchUp();
            assertThat(get("/").body()).doesNotContain(o.url());
            AuditLog.AuditEntry a = last(() -> app.audit.auditTrail(id));
            assertThat(a.action()).isEqualTo("held");
            assertThat(a.reason()).isEqualTo("checking facts");
        }
    }
}
