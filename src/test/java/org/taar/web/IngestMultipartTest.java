package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.web.MultipartPushTest.body;
import static org.taar.web.MultipartPushTest.field;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.media.SamplePictures;
import org.taar.store.MediaStore;
import org.taar.text.Digest;

/** POST /api/v1/ingest with the story and its picture in one multipart body, over real HTTP, on each engine. */
class IngestMultipartTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(int port, String key, String type, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aStoryPushedWithItsPictureIsAnsweredOnlyOnceBothAreArchived(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            int port = app.serve("127.0.0.1", 0, false);
            String key = app.pushKeys.create("ians");
            byte[] jpeg = SamplePictures.jpeg(400, 300, 3);
            byte[] story = Fixtures.wire("urn:push:1", 1, null, "संसद में बहस", "देश");
            HttpResponse<String> r = post(port, key, MultipartPushTest.TYPE, body(
                    field("story", "story.txt", "text/plain"), story,
                    field("photo", "../../etc/passwd.jpg", "image/jpeg"), jpeg));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            JsonNode answer = JSON.readTree(r.body());
            assertThat(answer.path("status").asText()).isEqualTo("published");
            assertThat(answer.path("attachments").get(0).asText()).isEqualTo("passwd.jpg");
            long id = Long.parseLong(answer.path("url").asText().replaceAll(".*-", ""));
            MediaStore.Entry pic = app.media.ofStory(id).get(0);
            assertThat(pic.originalSha256()).isEqualTo(Digest.sha256Hex(jpeg));
            assertThat(Files.readAllBytes(app.archive.pathOf(pic.originalSha256()))).isEqualTo(jpeg);
            assertThat(Files.exists(app.archive.pathOf(answer.path("sha256").asText()))).isTrue();

            // A body that is not multipart is a push as it always was.
            HttpResponse<String> plain = post(port, key, "text/plain; charset=utf-8",
                    Fixtures.wire("urn:push:2", 1, null, "बाज़ार में तेज़ी", "देश"));
            assertThat(plain.statusCode()).as(plain.body()).isEqualTo(202);
            assertThat(JSON.readTree(plain.body()).has("attachments")).isFalse();

            HttpResponse<String> noBoundary = post(port, key, "multipart/form-data", body(field("story", null, null), "x"));
            assertThat(noBoundary.statusCode()).isEqualTo(400);
            assertThat(noBoundary.body()).contains("boundary");
            HttpResponse<String> onlyPicture = post(port, key, MultipartPushTest.TYPE, body(
                    field("photo", "a.jpg", "image/jpeg"), jpeg));
            assertThat(onlyPicture.statusCode()).isEqualTo(400);
            assertThat(onlyPicture.body()).contains("no story part");
        }
    }
}
