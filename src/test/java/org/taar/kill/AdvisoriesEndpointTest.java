package org.taar.kill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.MutableClock;
import org.taar.pipeline.Pipeline;
import org.taar.TestEngines;
import org.taar.store.PushKeys;
import org.taar.story.Outcome;
import org.taar.story.Status;
import org.taar.intake.DeliveryResult;

/** An ambiguous advisory, listed for editors over HTTP and decided by one: apply kills the chosen story, dismiss kills none. */
class AdvisoriesEndpointTest {
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private static Outcome deliver(App app, byte[] content) {
        DeliveryResult r = app.pipeline.deliver("ians", "file", "f.txt", content, null);
        app.publisher.catchUp();
        return r.outcomes().get(0);
    }

    private HttpResponse<String> call(String base, String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key);
        b = method.equals("GET") ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anEditorAppliesOrDismissesWhatTheAdvisoryCouldNotDecide(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            String push = app.pushKeys.create("ians");
            String other = app.pushKeys.create("pti");
            String editor = app.pushKeys.create("meera", PushKeys.Role.EDITOR);
            long a = KillsTest.id(deliver(app, KillsTest.wire("urn:ians:a", "दिल्ली में मेट्रो सेवा बाधित", null, "पहली ख़बर।")));
            long b = KillsTest.id(deliver(app, KillsTest.wire("urn:ians:b", "दिल्ली में मेट्रो सेवा बाधित", null, "दूसरी ख़बर।")));
            long c = KillsTest.id(deliver(app, KillsTest.wire("urn:ians:c", "मुंबई में बारिश", null, "तीसरी ख़बर।")));
            deliver(app, KillsTest.wire("urn:ians:adv:1", "सूचना", null,
                    "'दिल्ली में मेट्रो सेवा बाधित' शीर्षक से जारी खबर वापस ली जाती है।"));
            deliver(app, KillsTest.wire("urn:ians:adv:2", "सूचना", null,
                    "'दिल्ली में मेट्रो सेवा बाधित' शीर्षक वाली खबर का उपयोग न करें।"));

            JsonNode list = json.readTree(call(base, "GET", "/api/v1/advisories", push, null).body()).path("advisories");
            assertThat(list).hasSize(2);
            long first = list.get(1).path("id").asLong();
            long second = list.get(0).path("id").asLong();
            assertThat(json.readTree(call(base, "GET", "/api/v1/advisories", other, null).body()).path("advisories"))
                    .as("another source's key sees none of them").isEmpty();
            assertThat(json.readTree(call(base, "GET", "/api/v1/advisories", editor, null).body()).path("advisories"))
                    .hasSize(2);

            String apply = "/api/v1/advisories/" + first + "/apply";
            assertThat(call(base, "POST", apply, push, "{\"story\": " + a + "}").statusCode()).isEqualTo(403);
            assertThat(call(base, "POST", apply, editor, "{\"story\": " + c + "}").statusCode())
                    .as("a story the advisory does not name").isEqualTo(409);
            assertThat(call(base, "POST", apply, editor, "{}").statusCode()).isEqualTo(400);
            HttpResponse<String> done = call(base, "POST", apply, editor, "{\"story\": " + b + "}");
            assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
            app.publisher.catchUp();
            assertThat(app.stories.byId(b).orElseThrow().status()).isEqualTo(Status.KILLED);
            assertThat(app.stories.byId(a).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
            assertThat(app.audit.auditTrail(b)).last()
                    .satisfies(e -> assertThat(e.actor()).isEqualTo("editor:meera"))
                    .satisfies(e -> assertThat(e.reason()).contains("advisory " + first));
            assertThat(call(base, "POST", apply, editor, "{\"story\": " + b + "}").statusCode())
                    .as("decided once").isEqualTo(404);

            assertThat(call(base, "POST", "/api/v1/advisories/" + second + "/dismiss", editor, "").statusCode()).isEqualTo(200);
            assertThat(app.stories.byId(a).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
            assertThat(json.readTree(call(base, "GET", "/api/v1/advisories", editor, null).body()).path("advisories")).isEmpty();
        }
    }
}
