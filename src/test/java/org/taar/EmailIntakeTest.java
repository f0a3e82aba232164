package org.taar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.intake.DeliveryResult;
import org.taar.intake.DropFolder;

/** An e-mailed story (a .eml file) through every intake: parse, ingest, the drop folder and push. */
class EmailIntakeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADLINE = "लखनऊ में भारी बारिश से जनजीवन अस्त-व्यस्त";
    @TempDir Path dir;

    private static byte[] eml(String name) throws IOException {
        try (InputStream in = EmailIntakeTest.class.getResourceAsStream("/email/" + name)) {
            return in.readAllBytes();
        }
    }

    private record Run(int exit, List<JsonNode> lines) {}

    private static Run run(String... args) throws Exception {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            exit = Taar.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : o.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) lines.add(JSON.readTree(line));
        }
        return new Run(exit, lines);
    }

    @Test
    void parseReadsAMailByContentOrByName() throws Exception {
        // The file name says nothing: the content does.
        Path file = Files.write(dir.resolve("incoming.dat"), eml("hindi-stringer.eml"));
        for (String[] args : List.of(new String[] {"parse", file.toString()},
                new String[] {"parse", "--format", "email", file.toString()})) {
            Run r = run(args);
            assertThat(r.exit()).isZero();
            JsonNode line = r.lines().get(0);
            assertThat(line.path("format").asText()).isEqualTo("email");
            JsonNode item = line.path("items").get(0);
            assertThat(item.path("headlines").get(0).path("value").asText()).isEqualTo(HEADLINE);
            assertThat(item.path("uri").asText()).isEqualTo("mid:CAF3kq9Ud1x%3D7Hq@mail.gmail.com");
            assertThat(item.path("located").asText()).isEqualTo("लखनऊ");
            assertThat(item.path("language").asText()).isEqualTo("hi");
            assertThat(item.path("by").asText()).isEqualTo("रमेश कुमार");
            assertThat(line.path("warnings").toString()).contains("IMG_20250712_1102.jpg");
        }
    }

    @Test
    void ingestPublishesAMailedStoryOnSqlite() throws Exception {
        Path file = Files.write(dir.resolve("story.eml"), eml("pti-english.eml"));
        Run r = run("ingest", "--data", dir.resolve("data").toString(), "--source", "pti", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(1);
        assertThat(r.lines().get(0).path("status").asText()).isEqualTo("published");
        assertThat(r.lines().get(0).path("uri").asText()).startsWith("mid:PN2PR01MB4567A1B2C3D4E5F6@");
    }

    @Test
    void pipelineStoresTheStoryAndHoldsAMailWithoutText() {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.parse("2025-07-12T06:00:00Z")))) {
            app.publisher.rebuildAll();
            DeliveryResult ok = app.pipeline.deliver("ians", "file", "story.eml", uncheckedEml("html-script.eml"), null);
            assertThat(ok.outcomes()).hasSize(1);
            assertThat(ok.outcomes().get(0).status().label()).isEqualTo("published");
            app.publisher.catchUp();
            String page = new String(app.pages.get(ok.outcomes().get(0).url()).orElseThrow().body(), StandardCharsets.UTF_8);
            assertThat(page).contains("Flood alert in Assam as Brahmaputra crosses danger mark")
                    .contains("12 districts are affected").doesNotContain("document.cookie");

            byte[] headersOnly = "From: a@b.in\r\nSubject: केवल शीर्षक\r\nMessage-ID: <h@b.in>\r\n".getBytes(StandardCharsets.UTF_8);
            DeliveryResult held = app.pipeline.deliver("ians", "file", "empty.eml", headersOnly, null);
            assertThat(held.outcomes().get(0).status().label()).isEqualTo("held");
        }
    }

    @Test
    void aMailInTheDropFolderIsIngested() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.now()))) {
            Path inbox = dir.resolve("inbox");
            DropFolder drop = new DropFolder(inbox, app.pipeline, 1 << 20, app.clock);
            Path folder = Files.createDirectories(inbox.resolve("stringers"));
            Path file = Files.write(folder.resolve("lucknow-rain.eml"), eml("hindi-stringer.eml"));
            drop.scan();
            assertThat(drop.scan()).isEqualTo(1);
            assertThat(file).doesNotExist();
            String source = app.store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT source FROM stories WHERE uri = 'mid:CAF3kq9Ud1x%3D7Hq@mail.gmail.com'").mapTo(String.class).one());
            assertThat(source).isEqualTo("stringers");
        }
    }

    @Test
    void aMailPushedOverHttpIsAccepted() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC())) {
            String key = app.pushKeys.create("ians");
            int port = app.serve("127.0.0.1", 0, false);
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/ingest"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "message/rfc822")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(eml("hindi-stringer.eml"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(202);
            JsonNode answer = JSON.readTree(r.body());
            assertThat(answer.path("uri").asText()).isEqualTo("mid:CAF3kq9Ud1x%3D7Hq@mail.gmail.com");
            assertThat(answer.path("status").asText()).isEqualTo("published");

            // A header bomb is refused with a reason, and nothing else is harmed.
            StringBuilder bomb = new StringBuilder("From: a@b.in\r\nSubject: bomb\r\n");
            for (int i = 0; i < 10_000; i++) bomb.append("X-F").append(i).append(": x\r\n");
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/ingest"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "message/rfc822")
                    .POST(HttpRequest.BodyPublishers.ofString(bomb + "\r\nbody\r\n")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("header fields");
        }
    }

    private static byte[] uncheckedEml(String name) {
        try {
            return eml(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
