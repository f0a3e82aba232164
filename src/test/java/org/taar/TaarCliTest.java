package org.taar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract's commands: JSON Lines on stdout and sysexits codes. */
class TaarCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path file(String name, byte[] content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void parsePrintsNinjsWithDatelineFields() throws Exception {
        Path story = file("story.txt", Fixtures.wire("urn:cli:1", 3, null, "केरल में बारिश", "देश"));
        CliRun r = run("parse", "--data", dir.resolve("data").toString(), story.toString());
        assertThat(r.exit()).isZero();
        JsonNode line = r.lines().get(0);
        assertThat(line.path("format").asText()).isEqualTo("wiretext");
        assertThat(line.path("error").isNull()).isTrue();
        JsonNode item = line.path("items").get(0);
        assertThat(item.path("uri").asText()).isEqualTo("urn:cli:1");
        assertThat(item.path("version").asText()).isEqualTo("3");
        assertThat(item.path("headlines").get(0).path("role").asText()).isEqualTo("main");
        assertThat(item.path("located").asText()).isEqualTo("तिरुवनंतपुरम");
        assertThat(item.path("infosources").get(0).path("name").asText()).isEqualTo("IANS");
        assertThat(item.path("contentcreated").asText()).matches("\\d{4}-05-2[89]T\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(item.path("language").asText()).isEqualTo("hi");
        assertThat(item.path("bodies").get(0).path("contenttype").asText()).isEqualTo("text/html");
    }

    @Test
    void parseKeepsAnUntitledFeedItemAndPrefixesEachWarningOnce() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><link>https://agency.example/</link>"
                + "<item><guid isPermaLink=\"false\">urn:cli:bare</guid><pubDate>not a date</pubDate></item>"
                + "<item><title>दूसरी</title><link>https://agency.example/b</link><pubDate>never</pubDate></item></channel></rss>";
        Path feed = file("feed.xml", rss.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun r = run("parse", "--data", dir.resolve("data").toString(), feed.toString());
        assertThat(r.exit()).isZero();
        JsonNode line = r.lines().get(0);
        assertThat(line.path("items")).hasSize(2);
        JsonNode bare = line.path("items").get(0);
        assertThat(bare.path("uri").asText()).isEqualTo("urn:cli:bare");
        assertThat(bare.has("headlines")).isFalse();
        java.util.List<String> warnings = new java.util.ArrayList<>();
        line.path("warnings").forEach(w -> warnings.add(w.asText()));
        assertThat(warnings).contains("item 1: no title", "item 1: no headline and nothing to build one from",
                "item 2: pubDate 'never' is not a date; ignored");
        assertThat(warnings).noneMatch(w -> w.matches("item \\d+: item \\d+: .*"));
    }

    @Test
    void parseReportsEachBadFileAndExits65() throws Exception {
        Path empty = file("empty.txt", new byte[0]);
        Path good = file("good.txt", Fixtures.wire("urn:cli:2", 1, null, "ठीक", "देश"));
        CliRun r = run("parse", empty.toString(), good.toString());
        assertThat(r.exit()).isEqualTo(65);
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0).path("error").asText()).contains("empty");
        assertThat(r.lines().get(1).path("items")).hasSize(1);
    }

    @Test
    void ingestPrintsOneLinePerVersionWithStatusAndUrl() throws Exception {
        String data = dir.resolve("data").toString();
        Path v1 = file("v1.txt", Fixtures.wire("urn:cli:3", 1, null, "पहला", "खेल"));
        Path v2 = file("v2.txt", Fixtures.wire("urn:cli:3", 2, null, "दूसरा", "खेल"));
        Path kill = file("kill.txt", Fixtures.wire("urn:cli:3", 3, "canceled", "दूसरा", "खेल"));
        CliRun first = run("ingest", "--data", data, "--source", "ians", v1.toString(), v2.toString(), v1.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.lines()).extracting(l -> l.path("status").asText())
                .containsExactly("published", "updated", "duplicate");
        String firstUrl = first.lines().get(0).path("url").asText();
        assertThat(firstUrl).startsWith("/sports/");
        // A new headline gives the story the slug of its new headline (same id); the late v1 keeps it there.
        String url = first.lines().get(1).path("url").asText();
        assertThat(url).startsWith("/sports/").isNotEqualTo(firstUrl).endsWith(firstUrl.replaceAll(".*-", "-"));
        assertThat(first.lines().get(2).path("url").asText()).isEqualTo(url);

        CliRun killed = run("ingest", "--data", data, "--source", "ians", kill.toString());
        assertThat(killed.lines().get(0).path("status").asText()).isEqualTo("killed");
        assertThat(killed.lines().get(0).path("url").asText()).isEqualTo(url);
    }

    @Test
    void storedRulesAreAddedListedAppliedAndRemoved() throws Exception {
        String data = dir.resolve("data").toString();
        CliRun added = run("rule", "add", "--data", data, "hold-cricket",
                "{\"match\": {\"keywords\": [\"क्रिकेट\"]}, \"action\": \"hold\", \"reason\": \"the sports desk checks cricket\"}");
        assertThat(added.exit()).as(added.stderr()).isZero();
        assertThat(run("rule", "add", "--data", data, "hold-cricket", "{\"action\": \"hold\"}").exit())
                .as("a second rule of the same name").isEqualTo(64);
        CliRun badRegex = run("rule", "add", "--data", data, "broken", "{\"match\": {\"regex\": \"(unclosed\"}, \"action\": \"hold\"}");
        assertThat(badRegex.exit()).isEqualTo(64);
        assertThat(badRegex.stderr()).contains("broken").doesNotContain("\tat ");

        CliRun list = run("rule", "list", "--data", data);
        assertThat(list.lines()).extracting(l -> l.path("name").asText()).containsExactly("hold-cricket");
        assertThat(list.lines()).extracting(l -> l.path("enabled").asBoolean(false)).containsExactly(true);

        Path story = file("s.txt", Fixtures.wire("urn:cli:rule", 1, null, "क्रिकेट टीम की घोषणा आज", "खेल"));
        CliRun held = run("ingest", "--data", data, "--source", "ians", story.toString());
        assertThat(held.lines().get(0).path("status").asText()).isEqualTo("held");
        assertThat(held.lines().get(0).path("reason").asText()).contains("hold-cricket");

        assertThat(run("rule", "remove", "--data", data, "hold-cricket").exit()).isZero();
        assertThat(run("rule", "list", "--data", data).lines()).isEmpty();
        assertThat(run("rule", "remove", "--data", data, "hold-cricket").exit()).isEqualTo(64);
    }

    @Test
    void ingestRejectsBadFilesWith65AndNoStackTrace() throws Exception {
        Path junk = file("junk.bin", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        CliRun r = run("ingest", "--data", dir.resolve("data").toString(), junk.toString());
        assertThat(r.exit()).isEqualTo(65);
        assertThat(r.lines().get(0).path("status").asText()).isEqualTo("rejected");
        assertThat(r.lines().get(0).path("reason").asText()).isNotBlank();
        assertThat(r.stderr()).doesNotContain("\tat ");
    }

    @Test
    void fileOverTheSizeLimitIsRejectedWithoutTouchingOthers() throws Exception {
        byte[] huge = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        Path big = file("big.txt", huge);
        Path good = file("good.txt", Fixtures.wire("urn:cli:5", 1, null, "छोटी ख़बर", "देश"));
        CliRun r = run("ingest", "--data", dir.resolve("data").toString(), big.toString(), good.toString());
        assertThat(r.exit()).isEqualTo(65);
        assertThat(r.lines().get(0).path("status").asText()).isEqualTo("rejected");
        assertThat(r.lines().get(0).path("reason").asText()).contains("too large");
        assertThat(r.lines().get(1).path("status").asText()).isEqualTo("published");
    }

    @Test
    void badUsageExits64AndUnreachableDatabaseExits69() throws Exception {
        assertThat(run("parse").exit()).isEqualTo(64);
        assertThat(run("no-such-command").exit()).isEqualTo(64);
        assertThat(run("key").exit()).as("a command group alone").isEqualTo(64);
        assertThat(run("rule").stderr()).contains("missing subcommand: add, list or remove");
        Path story = file("s.txt", Fixtures.wire("urn:cli:4", 1, null, "क", "देश"));
        CliRun r = run("ingest", "--db", "jdbc:postgresql://127.0.0.1:1/none?user=postgres&connectTimeout=2",
                story.toString());
        assertThat(r.exit()).isEqualTo(69);
        assertThat(r.stderr()).contains("taar:").doesNotContain("\tat ");
    }

    @Test
    void aBadRuleInTaarYmlStopsEveryCommandThatLoadsTheConfiguration() throws Exception {
        String data = dir.resolve("data").toString();
        String yml = Files.writeString(dir.resolve("bad.yml"),
                "rules:\n  - {name: broken, match: {regex: \"[a-\"}, action: discard}\n").toString();
        Path story = file("b.txt", Fixtures.wire("urn:cli:bad", 1, null, "क", "देश"));
        List<List<String>> commands = List.of(List.of("parse", story.toString()), List.of("ingest", story.toString()),
                List.of("classify"), List.of("reindex"), List.of("key", "add", "pti"), List.of("key", "list"),
                List.of("key", "revoke", "pti"), List.of("rule", "list"), List.of("rule", "remove", "x"),
                List.of("rule", "add", "x", "{\"action\": \"hold\"}"), List.of("serve", "--port", "0"));
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--data", data, "--config", yml));
            Piped r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> piped("", args.toArray(String[]::new)), String.join(" ", command));
            assertThat(r.exit()).as(String.join(" ", command) + ": " + r.stderr()).isEqualTo(64);
            assertThat(r.stderr()).as(String.join(" ", command)).contains("taar: rules[1] (broken).match.regex")
                    .doesNotContain("\tat ");
            assertThat(r.stdout()).as(String.join(" ", command)).isEmpty();
        }
    }

    @Test
    void aDatabasePasswordIsNeverPrintedWhenTheConnectionFails() throws Exception {
        Path story = file("p.txt", Fixtures.wire("urn:cli:pw", 1, null, "क", "देश"));
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logs.start();
        root.addAppender(logs);
        try {
            for (String url : List.of("jdbc:postgresql://127.0.0.1:1/none?user=postgres&password=s3cr3tPW&connectTimeout=2",
                    "jdbc:postgresql://postgres:s3cr3tPW@127.0.0.1:1/none?connectTimeout=2",
                    "jdbc:mysql://postgres:s3cr3tPW@127.0.0.1:1/none?password=s3cr3tPW")) {
                for (List<String> extra : List.of(List.<String>of(), List.of("--debug"))) {
                    List<String> args = new ArrayList<>(List.of("ingest", "--data", dir.resolve("data").toString(), "--db", url));
                    args.addAll(extra);
                    args.add(story.toString());
                    Piped r = piped("", args.toArray(String[]::new));
                    assertThat(r.exit()).as(r.stderr()).isIn(64, 69);
                    assertThat(r.stderr()).as("stderr with " + extra).contains("taar:").doesNotContain("s3cr3tPW");
                    assertThat(r.stdout()).doesNotContain("s3cr3tPW");
                }
            }
            // The log as logback.xml writes it (its %msg and %ex mask credentials, whoever logged them).
            var layout = new ch.qos.logback.classic.PatternLayout();
            layout.setContext(root.getLoggerContext());
            layout.setPattern("%msg%ex");
            layout.start();
            assertThat(logs.list).as("--debug logs the pool's settings").isNotEmpty();
            for (var event : logs.list) assertThat(layout.doLayout(event)).doesNotContain("s3cr3tPW");
        } finally {
            root.detachAppender(logs);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("org.taar.TestEngines#all")
    void keysAreListedWithoutSecretsAndARevokedKeyIsRefusedAtOnce(String engine) throws Exception {
        Path data = dir.resolve("data-" + engine);
        String db = TestEngines.config(engine, data).jdbcUrl();
        // Every command takes the common options: --data, --db (or db: in --config), --config, --debug.
        List<String> common = new ArrayList<>(List.of("--data", data.toString()));
        if (db != null) common.addAll(List.of("--db", db));
        Path yml = Files.writeString(dir.resolve("taar-" + engine + ".yml"),
                "port: 8099\n" + (db == null ? "" : "db: \"" + db + "\"\n"));
        List<String> viaConfig = List.of("--data", data.toString(), "--config", yml.toString(), "--debug");

        Piped source = piped("", args(List.of("key", "add", "pti"), common));
        Piped editor = piped("", args(List.of("key", "add", "--editor", "meera"), common));
        assertThat(source.exit()).as(source.stderr()).isZero();
        String pushKey = source.stdout().strip(), editorKey = editor.stdout().strip();

        try (App node = new App(new org.taar.config.ConfigLoader(java.util.Map.of()).load(data, null, db),
                java.time.Clock.systemUTC())) {
            assertThat(node.pushKeys.sourceFor(pushKey)).contains("pti");

            Piped list = piped("", args(List.of("key", "list"), viaConfig));
            assertThat(list.exit()).as(list.stderr()).isZero();
            List<JsonNode> keys = new ArrayList<>();
            for (String line : list.stdout().split("\n")) if (line.startsWith("{")) keys.add(JSON.readTree(line));
            assertThat(keys).extracting(k -> k.path("name").asText() + "/" + k.path("role").asText())
                    .containsExactly("pti/source", "meera/editor");
            assertThat(keys.get(0).path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(keys.get(0).path("last_used").asText()).as("pti's key was just used").isNotEmpty();
            assertThat(keys.get(1).path("last_used").isNull()).isTrue();
            assertThat(list.stdout()).doesNotContain(pushKey).doesNotContain(editorKey)
                    .doesNotContain(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(pushKey.getBytes(StandardCharsets.UTF_8))));

            Piped revoked = piped("", args(List.of("key", "revoke", "pti"), viaConfig));
            assertThat(revoked.exit()).as(revoked.stderr()).isZero();
            assertThat(node.pushKeys.sourceFor(pushKey)).as("refused at once by a node that is already running").isEmpty();
            assertThat(node.pushKeys.holder(editorKey)).isPresent();

            assertThat(piped("", args(List.of("key", "revoke", "pti"), common)).exit()).isEqualTo(65);
            assertThat(piped("", args(List.of("key", "revoke", "--id", "999999"), common)).exit()).isEqualTo(65);
            long editorId = keys.get(1).path("id").asLong();
            assertThat(piped("", args(List.of("key", "revoke", "--id", String.valueOf(editorId)), common)).exit()).isZero();
            assertThat(node.pushKeys.holder(editorKey)).isEmpty();
            assertThat(piped("", args(List.of("key", "list"), common)).stdout()).isBlank();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("org.taar.TestEngines#all")
    void deskUsersAreAddedFromStdinOrWithAGeneratedPasswordAndCanBeDisabled(String engine) throws Exception {
        Path data = dir.resolve("users-" + engine);
        String db = TestEngines.config(engine, data).jdbcUrl();
        List<String> common = new ArrayList<>(List.of("--data", data.toString(), "--debug"));
        if (db != null) common.addAll(List.of("--db", db));
        Path yml = Files.writeString(dir.resolve("users-" + engine + ".yml"), db == null ? "" : "db: \"" + db + "\"\n");
        List<String> viaConfig = List.of("--data", data.toString(), "--config", yml.toString());

        Piped added = piped("  correct horse battery  \n", args(List.of("user", "add", "asha", "--role", "editor"), common));
        assertThat(added.exit()).as(added.stderr()).isZero();
        assertThat(added.stdout()).as("a password from stdin is never printed").isEmpty();
        Piped generated = piped("", args(List.of("user", "add", "ravi", "--role", "viewer"), viaConfig));
        assertThat(generated.exit()).as(generated.stderr()).isZero();
        String password = generated.stdout().strip();
        assertThat(password).hasSize(20);

        assertThat(piped("x\n", args(List.of("user", "add", "asha", "--role", "admin"), common)).exit())
                .as("a weak password").isEqualTo(65);
        Piped taken = piped("another long password\n", args(List.of("user", "add", "asha", "--role", "admin"), common));
        assertThat(taken.exit()).isEqualTo(65);
        assertThat(taken.stderr()).contains("already exists");
        assertThat(piped("another long password\n", args(List.of("user", "add", "<b>x</b>", "--role", "admin"), common))
                .exit()).isEqualTo(65);
        assertThat(piped("another long password\n", args(List.of("user", "add", "mira", "--role", "boss"), common))
                .exit()).isEqualTo(65);
        assertThat(piped("", args(List.of("user", "add", "mira"), common)).exit()).as("--role is required").isEqualTo(64);

        try (App node = new App(new org.taar.config.ConfigLoader(java.util.Map.of()).load(data, null, db),
                java.time.Clock.systemUTC())) {
            var asha = node.accounts.all().stream().filter(u -> u.name().equals("asha")).findFirst().orElseThrow();
            assertThat(asha.role()).isEqualTo("editor");
            assertThat(asha.passwordHash()).startsWith("$argon2id$v=19$").doesNotContain("correct horse");
            assertThat(new org.taar.desk.Passwords().matches("  correct horse battery  ", asha.passwordHash())).isTrue();

            assertThat(piped("", args(List.of("user", "disable", "asha"), common)).exit()).isZero();
            assertThat(node.accounts.all().stream().filter(u -> u.name().equals("asha")).findFirst().orElseThrow()
                    .disabled()).isTrue();
            assertThat(piped("", args(List.of("user", "enable", "asha"), viaConfig)).exit()).isZero();
            assertThat(piped("", args(List.of("user", "disable", "nobody"), common)).exit()).isEqualTo(65);
            Piped changed = piped("a brand new password\n", args(List.of("user", "password", "ravi"), common));
            assertThat(changed.exit()).as(changed.stderr()).isZero();
            var ravi = node.accounts.all().stream().filter(u -> u.name().equals("ravi")).findFirst().orElseThrow();
            assertThat(new org.taar.desk.Passwords().matches(password, ravi.passwordHash())).isFalse();
            assertThat(new org.taar.desk.Passwords().matches("a brand new password", ravi.passwordHash())).isTrue();
        }
    }

    private static String[] args(List<String> command, List<String> options) {
        List<String> all = new ArrayList<>(command);
        all.addAll(options);
        return all.toArray(String[]::new);
    }

    private record Piped(int exit, String stdout, String stderr) {}

    private Piped piped(String stdin, String... args) {
        PrintStream out = System.out, err = System.err;
        java.io.InputStream in = System.in;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int exit;
        try {
            System.setIn(new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = Taar.run(args);
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
        return new Piped(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @Test
    void classifyTrainsFromCsvThenLabelsStdinLines() throws Exception {
        String data = dir.resolve("data").toString();
        Piped none = piped("क्रिकेट\n", "classify", "--data", data);
        assertThat(none.exit()).isEqualTo(69);
        assertThat(none.stderr()).contains("no section model").contains("classify --train");

        StringBuilder csv = new StringBuilder("text,labels\n");
        for (int i = 0; i < 3; i++) {
            csv.append("\"भारत ने क्रिकेट मैच जीता, कोहली का शतक\",sports\n");
            csv.append("\"खिलाड़ी ने ओलंपिक में पदक जीता\",sports\n");
            csv.append("\"सेंसेक्स चढ़ा, शेयर बाजार में तेजी\",business\n");
            csv.append("\"Sensex and Nifty rally; bank shares up\",business\n");
        }
        Path file = file("train.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        Piped trained = piped("", "classify", "--train", file.toString(), "--data", data);
        assertThat(trained.exit()).as(trained.stderr()).isZero();
        assertThat(trained.stdout()).contains("trained on 12 examples, 2 labels; training accuracy 1.0000");
        assertThat(dir.resolve("data/models/section.model")).exists();

        Piped r = piped("क्रिकेट मैच में जीत\nशेयर बाजार\n", "classify", "--data", data);
        assertThat(r.exit()).as(r.stderr()).isZero();
        String[] lines = r.stdout().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).matches("sports\t0\\.\\d{4}|sports\t1\\.0000");
        assertThat(lines[1]).startsWith("business\t");
    }

    @Test
    void classifyTrainRejectsABadCsv() throws Exception {
        Path file = file("bad.csv", "headline,section\na,b\n".getBytes(StandardCharsets.UTF_8));
        Piped r = piped("", "classify", "--train", file.toString(), "--data", dir.resolve("data").toString());
        assertThat(r.exit()).isEqualTo(65);
        assertThat(r.stderr()).contains("text and label");
    }
}
