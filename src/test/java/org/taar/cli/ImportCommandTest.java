package org.taar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.Taar;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.search.SearchIndex;
import org.taar.search.SearchQuery;

/** {@code taar import}: each input kind, resuming (also after SIGKILL), old WordPress addresses, and bad input. */
class ImportCommandTest {
    @TempDir Path dir;

    private record Run(int exit, String out, String err) {}

    private Config config;

    private List<String> common(String engine) {
        if (config == null) config = TestEngines.config(engine, dir.resolve("data"));
        List<String> args = new ArrayList<>(List.of("--data", dir.resolve("data").toString()));
        if (config.jdbcUrl() != null) args.addAll(List.of("--db", config.jdbcUrl()));
        return args;
    }

    private Run run(String engine, String... args) {
        List<String> line = new ArrayList<>(List.of("import"));
        line.addAll(common(engine));
        line.addAll(List.of(args));
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = Taar.run(line.toArray(String[]::new));
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(config.jdbcUrl() != null ? config.jdbcUrl()
                : "jdbc:sqlite:" + dir.resolve("data").resolve("taar.db"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aJsonLinesArchiveIsImportedOnceHoweverOftenItRuns(String engine) throws Exception {
        Path archive = ImportArchives.jsonLines(dir.resolve("archive.jsonl"), 0, 700);
        Run first = run(engine, archive.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("imported 700 stories (published 700); 0 documents imported before, skipped; 0 refused");
        assertThat(first.err()).contains("import: reading a JSON Lines of ninjs").contains("100% 700 documents, 700 stories");
        Run again = run(engine, archive.toString());
        assertThat(again.out()).contains("imported 0 stories; 700 documents imported before, skipped; 0 refused");
        assertThat(count("SELECT COUNT(*) FROM stories")).isEqualTo(700);
        assertThat(count("SELECT COUNT(*) FROM versions")).isEqualTo(700);
        assertThat(count("SELECT COUNT(*) FROM deliveries WHERE channel = 'import'")).isEqualTo(700);
        assertThat(count("SELECT COUNT(*) FROM wire")).isEqualTo(700);
        // An archived story is published when it was (its versioncreated), not when it was imported.
        assertThat(count("SELECT published_at FROM stories WHERE uri = 'urn:import:5'"))
                .isEqualTo(Instant.parse("2024-06-06T05:05:00Z").toEpochMilli());
        // Indexed as it went: the search finds an imported story without a reindex.
        try (SearchIndex index = SearchIndex.open(dir.resolve("data").resolve("search"), Clock.systemUTC())) {
            String headline = ImportArchives.story(377).replaceAll(".*\"headline\":\"([^\"]+)\".*", "$1");
            assertThat(index.search(SearchQuery.of(headline)).hits()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aFolderOfFilesInAnyFormatIsImportedAndABrokenFileIsRefusedAlone(String engine) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("old-wire/2019"));
        Files.write(folder.resolve("a.txt"), Fixtures.wire("urn:folder:1", 1, null, "पटना में चुनाव प्रचार तेज", "राजनीति"));
        Files.write(folder.resolve("b.txt"), Fixtures.wire("urn:folder:2", 1, null, "मुंबई में भारी बारिश से जलभराव", "देश"));
        Files.writeString(folder.resolve("c.xml"), """
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title>
                <item><title>जयपुर में पतंग उत्सव शुरू हुआ</title><guid>urn:folder:3</guid><description>जयपुर में आज पतंग उत्सव की शुरुआत हुई।</description></item>
                <item><title>रांची में खेल महोत्सव का आयोजन</title><guid>urn:folder:4</guid><description>रांची में तीन दिन का खेल महोत्सव।</description></item>
                </channel></rss>""");
        Files.write(folder.resolve("d.bin"), new byte[] {0, 1, 2, (byte) 0xFF, 0, 7});
        Files.write(folder.resolve(".hidden.txt"), Fixtures.wire("urn:folder:5", 1, null, "छिपी फ़ाइल की ख़बर", "देश"));
        Files.write(folder.resolve("e.txt.part"), Fixtures.wire("urn:folder:6", 1, null, "अधूरी फ़ाइल की ख़बर", "देश"));
        Run r = run(engine, "--source", "oldwire", dir.resolve("old-wire").toString());
        assertThat(r.exit()).as("a refused file is a data error").isEqualTo(65);
        assertThat(r.out()).contains("imported 4 stories (published 4)").contains("1 refused");
        assertThat(r.err()).contains("import: refused 2019/d.bin: ");
        assertThat(count("SELECT COUNT(*) FROM stories WHERE source = 'oldwire'")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM stories WHERE uri IN ('urn:folder:5', 'urn:folder:6')")).isZero();
        assertThat(count("SELECT COUNT(*) FROM wire WHERE outcome = 'rejected' AND name = '2019/d.bin'")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aWordPressExportIsImportedAndItsOldAddressesAnswer301(String engine) throws Exception {
        Path export = dir.resolve("export.xml");
        Files.write(export, Fixtures.class.getResourceAsStream("/format/wxr/portal-export.xml").readAllBytes());
        Run r = run(engine, "--source", "purana", export.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported 3 stories (published 2, embargoed 1)");
        assertThat(r.err()).contains("1 page (publish) left out").contains("1 post (draft) left out");
        try (App app = new App(config, Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> old = http.send(HttpRequest.newBuilder(URI.create(base + "/2019/05/12/bharat-ne-shrinkhala-jeeti/"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(old.statusCode()).isEqualTo(301);
            String location = old.headers().firstValue("Location").orElseThrow();
            assertThat(location).matches("/sports/[a-z0-9-]+-[0-9]+");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + location)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("भारत ने श्रृंखला 2-1 से जीती").contains("राजेश कुमार");
            // A scheduled post's old address does not lead to it before its time; an unknown old address is a 404.
            for (String gone : List.of("/2026/12/31/kal-ka-budget/", "/2018/01/01/never-here/")) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create(base + gone)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()).as(gone).isEqualTo(404);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anImportKilledMidwayContinuesWithEveryStoryExactlyOnce(String engine) throws Exception {
        int stories = 1_000;
        Path archive = ImportArchives.jsonLines(dir.resolve("big.jsonl"), 0, stories);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.taar.Taar", "import"));
        cmd.addAll(common(engine));
        cmd.add(archive.toString());
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // Killed once a batch or two is in, while it is in the middle of the next.
            boolean started = Eventually.until(Duration.ofSeconds(90), () -> {
                if (!child.isAlive()) throw new AssertionError("the import ended before it was killed:\n" + Files.readString(log));
                return Files.exists(dir.resolve("data").resolve("taar.db")) || config.jdbcUrl() != null
                        ? countQuietly("SELECT COUNT(*) FROM stories") >= 500 : false;
            });
            assertThat(started).as(Files.readString(log)).isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        long before = count("SELECT COUNT(*) FROM stories");
        assertThat(before).as("killed midway").isBetween(500L, stories - 1L);
        Run resumed = run(engine, archive.toString());
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("imported " + (stories - before) + " stories")
                .contains(before + " documents imported before, skipped");
        assertThat(count("SELECT COUNT(*) FROM stories")).isEqualTo(stories);
        assertThat(count("SELECT COUNT(DISTINCT uri) FROM stories")).isEqualTo(stories);
        assertThat(count("SELECT COUNT(*) FROM versions")).isEqualTo(stories);
        assertThat(count("SELECT COUNT(*) FROM deliveries")).isEqualTo(stories);
        assertThat(count("SELECT COUNT(*) FROM wire")).isEqualTo(stories);
    }

    private long countQuietly(String sql) {
        try {
            return count(sql);
        } catch (Exception e) {
            return -1; // the child has not made the schema yet
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void hostileLinesAreRefusedOneByOneAndMarkupNeverGetsThrough(String engine) throws Exception {
        Path archive = dir.resolve("hostile.jsonl");
        Files.writeString(archive, String.join("\n",
                ImportArchives.story(1),
                "{\"uri\": \"urn:hostile:1\", \"headline\": \"<script>alert(1)</script>शीर्षक\","
                        + " \"body_html\": \"<p>पाठ</p><script>alert(2)</script><img src=x onerror=alert(3)>\"}",
                "not json at all",
                "[1, 2, 3]",
                "{\"uri\": \"urn:hostile:2\"",
                "",
                "   ",
                ImportArchives.story(2)) + "\n");
        Run r = run(engine, archive.toString());
        assertThat(r.exit()).isEqualTo(65);
        assertThat(r.out()).contains("imported 3 stories").contains("3 refused");
        assertThat(r.err()).contains("refused hostile.jsonl:3: ").contains("refused hostile.jsonl:4: ").contains("refused hostile.jsonl:5: ");
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT item FROM stories WHERE uri = 'urn:hostile:1'")) {
            assertThat(rs.next()).isTrue();
            // The headline is text (escaped wherever it is shown); the body is HTML, and sanitized.
            String body = new ObjectMapper().readTree(rs.getString(1)).path("bodyHtml").asText();
            assertThat(body).isEqualTo("<p>पाठ</p>");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aDocumentOverTheSizeLimitIsRefusedUnreadAndTheRestImported(String engine) throws Exception {
        common(engine);
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data").resolve("taar.yml"), "max_delivery_bytes: 4000\n");
        String huge = "{\"uri\": \"urn:huge:1\", \"headline\": \"बहुत लंबी ख़बर\", \"body_html\": \"<p>" + "शब्द ".repeat(3000) + "</p>\"}";
        Path archive = Files.writeString(dir.resolve("sizes.jsonl"), 
                shortStory(1) + "\n" + huge + "\n" + shortStory(2) + "\n");
        Run r = run(engine, archive.toString());
        assertThat(r.exit()).isEqualTo(65);
        assertThat(r.out()).contains("imported 2 stories").contains("1 refused");
        assertThat(r.err()).contains("refused sizes.jsonl:2: too large: ").contains("the limit is 4000");
        assertThat(count("SELECT COUNT(*) FROM wire WHERE outcome = 'rejected' AND name = 'sizes.jsonl:2'")).isEqualTo(1);
        // Refused again when run again (it was never delivered), and nothing else doubled.
        Run again = run(engine, archive.toString());
        assertThat(again.out()).contains("imported 0 stories; 2 documents imported before, skipped; 1 refused");
        assertThat(count("SELECT COUNT(*) FROM stories")).isEqualTo(2);
    }

    private static String shortStory(int n) {
        return "{\"uri\": \"urn:short:" + n + "\", \"headline\": \"छोटी ख़बर संख्या " + n + " आई\","
                + " \"body_html\": \"<p>" + (n == 1 ? "पटना में आज मेला लगा।" : "भोपाल में कल बारिश हुई।") + "</p>\"}";
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anArchivedStoryIsComparedForCopiesWithItsOwnWeekNotWithOtherYears(String engine) throws Exception {
        String body = "<p>नई दिल्ली, 1 फरवरी। वित्त मंत्री ने आज संसद में आम बजट पेश किया जिसमें किसानों, युवाओं और"
                + " मध्यम वर्ग के लिए कई घोषणाएं की गईं। आयकर की दरों में बदलाव किया गया और रेलवे के लिए नई"
                + " परियोजनाओं का एलान हुआ। विपक्ष ने बजट को निराशाजनक बताया।</p>";
        Path archive = Files.writeString(dir.resolve("budget.jsonl"), String.join("\n",
                // Newest first, as some exports list: the window must end as well as begin.
                budget("urn:budget:2021", "2021-02-01T06:30:00Z", body),
                budget("urn:budget:2019", "2019-02-01T06:30:00Z", body),
                budget("urn:budget:2021-relay", "2021-02-03T09:00:00Z", body)) + "\n");
        Run r = run(engine, "--source", "budget", archive.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // The same text two years apart is two stories; two days apart, a copy of the first.
        assertThat(r.out()).contains("imported 3 stories (published 2, duplicate 1)");
        assertThat(count("SELECT COUNT(*) FROM stories WHERE uri = 'urn:budget:2021-relay' AND status = 'duplicate'")).isEqualTo(1);
        assertThat(count("SELECT published_at FROM stories WHERE uri = 'urn:budget:2019'"))
                .isEqualTo(Instant.parse("2019-02-01T06:30:00Z").toEpochMilli());
    }

    private static String budget(String uri, String at, String body) {
        return "{\"uri\": \"" + uri + "\", \"headline\": \"वित्त मंत्री ने आम बजट पेश किया\", \"body_html\": \"" + body
                + "\", \"versioncreated\": \"" + at + "\"}";
    }
}
