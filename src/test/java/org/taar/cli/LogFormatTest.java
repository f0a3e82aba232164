package org.taar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.Fixtures;
import org.taar.CliRun;
import org.taar.intake.Archive;

/** --log-format json through the real command line: every stderr line is a JSON object, and a story's lines name it. */
class LogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) if (!l.isBlank()) out.add(l);
        return out;
    }

    @Test
    void ingestLogsJsonLinesNamingTheStoryAndTheArchivedBytes() throws Exception {
        byte[] story = Fixtures.wire("urn:log:1", 1, null, "मानसून केरल पहुंचा", "देश");
        Path file = Files.write(dir.resolve("story.txt"), story);
        String data = dir.resolve("data").toString();
        try {
            CliRun r = run("ingest", "--data", data, "--source", "ians", "--log-format", "json", "--debug", file.toString());
            assertThat(r.exit()).as(r.stderr()).isZero();
            assertThat(r.stdout()).contains("\"uri\":\"urn:log:1\"");
            List<JsonNode> logged = new ArrayList<>();
            for (String line : lines(r.stderr())) {
                JsonNode n = JSON.readTree(line);  // throws on a line that is not JSON
                assertThat(n.isObject()).as(line).isTrue();
                assertThat(n.path("ts").asText()).as(line).isNotBlank();
                assertThat(n.path("level").asText()).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
                assertThat(n.has("msg")).as(line).isTrue();
                logged.add(n);
            }
            assertThat(logged).as("--debug logs the store's opening and the story").hasSizeGreaterThan(3);
            JsonNode published = logged.stream().filter(n -> n.path("msg").asText().startsWith("story published"))
                    .findFirst().orElseThrow(() -> new AssertionError("no line about the story in " + r.stderr()));
            assertThat(published.path("uri").asText()).isEqualTo("urn:log:1");
            assertThat(published.path("sha256").asText()).isEqualTo(Archive.sha256(story));
            // Fields are set around a delivery and its items, and cleared after: the store's lines have none.
            assertThat(logged).anyMatch(n -> !n.has("uri") && !n.has("sha256"));
        } finally {
            // Later tests in this JVM log as text again: a text command reads logback.xml anew.
            CliRun text = run("parse", file.toString());
            assertThat(text.exit()).isZero();
        }
        CliRun again = run("ingest", "--data", data, "--source", "ians", "--debug", file.toString());
        assertThat(again.exit()).isZero();
        assertThat(lines(again.stderr())).isNotEmpty().noneMatch(l -> l.startsWith("{")).anyMatch(l -> l.contains("level="));
    }

    @Test
    void anUnknownLogFormatIsABadUsageNamingTheChoices() {
        for (String where : new String[] {"before", "after"}) {
            CliRun r = where.equals("before") ? run("--log-format", "xml", "parse", "x.txt")
                    : run("ingest", "--data", dir.toString(), "--log-format", "xml", "x.txt");
            assertThat(r.exit()).as(where).isEqualTo(Exit.USAGE);
            assertThat(r.stderr()).as(where).contains("--log-format").contains("text or json").contains("'xml'")
                    .doesNotContain("\tat ");
        }
        assertThat(run("parse", "--log-format", "JSON", "x.txt").exit()).as("the words are lower case").isEqualTo(Exit.USAGE);
    }
}
