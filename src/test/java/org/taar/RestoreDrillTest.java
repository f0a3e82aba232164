package org.taar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.config.ConfigLoader;
import org.taar.story.Outcome;

/**
 * The restore drill of docs/deploy.md, run for real: a backup is `pg_dump` of the database and a
 * copy of the archive folder; restored into a new database, a new node with an empty data folder
 * serves the same site (articles, a kill's 410, search) and reads every delivery's bytes.
 */
class RestoreDrillTest {
    private static final Pattern PG = Pattern.compile("jdbc:postgresql://([^/:]+):(\\d+)/([^?]+)\\?(.*)");
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    private static void run(Path log, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + Files.readString(log));
        }
    }

    private HttpResponse<String> get(String base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    @Test
    void aPgDumpAndACopyOfTheArchiveMakeANewNodeThatServesTheSameSite() throws Exception {
        String url = TestEngines.config(TestEngines.POSTGRESQL, dir.resolve("old")).jdbcUrl();
        Matcher m = PG.matcher(url);
        assertThat(m.matches()).as(url).isTrue();
        String host = m.group(1), port = m.group(2), database = m.group(3);
        String schema = m.group(4).replaceAll(".*currentSchema=([A-Za-z0-9_]+).*", "$1");

        // The site that is lost: stories, an update, a kill.
        List<Outcome> published = new ArrayList<>();
        try (App old = new App(new ConfigLoader(Map.of()).load(dir.resolve("old"), null, url), Clock.systemUTC())) {
            for (int i = 0; i < 4; i++) {
                published.add(Fixtures.publish(old, Fixtures.wire("urn:drill:" + i, 1, null,
                        "बहाली अभ्यास की ख़बर " + i + " " + "कखगघ".charAt(i), "देश")));
            }
            Fixtures.publish(old, Fixtures.wire("urn:drill:1", 2, null, "बहाली अभ्यास की ख़बर 1 ख", "देश"));
            Fixtures.publish(old, Fixtures.wire("urn:drill:3", 2, "canceled", "बहाली अभ्यास की ख़बर 3 घ", "देश"));
        }

        // The backup: the database with pg_dump, the archive folder copied.
        Path backup = Files.createDirectories(dir.resolve("backup"));
        run(dir.resolve("dump.log"), "pg_dump", "-h", host, "-p", port, "-U", "postgres", "--no-owner",
                "-n", schema, "-f", backup.resolve("taar.sql").toString(), database);
        copy(dir.resolve("old").resolve("archive"), backup.resolve("archive"));

        // The restore: a new database, the dump loaded, the archive copied into a new node's empty data folder.
        String restored = "taar_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = "jdbc:postgresql://" + host + ":" + port + "/" + database + "?user=postgres";
        try (Connection c = DriverManager.getConnection(admin); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + restored);
        }
        try {
            run(dir.resolve("restore.log"), "psql", "-h", host, "-p", port, "-U", "postgres", "-v", "ON_ERROR_STOP=1",
                    "-q", "-d", restored, "-f", backup.resolve("taar.sql").toString());
            copy(backup.resolve("archive"), dir.resolve("new").resolve("archive"));
            String newUrl = "jdbc:postgresql://" + host + ":" + port + "/" + restored + "?user=postgres&currentSchema="
                    + schema;
            try (App fresh = new App(new ConfigLoader(Map.of()).load(dir.resolve("new"), null, newUrl), Clock.systemUTC())) {
                String base = "http://127.0.0.1:" + fresh.serve("127.0.0.1", 0, false);
                for (int i = 0; i < 4; i++) {
                    int want = i == 3 ? 410 : 200;
                    String path = published.get(i).url();
                    assertThat(Eventually.value(Duration.ofSeconds(10), () -> get(base, path).statusCode(), s -> s == want))
                            .as("story %d on the restored node", i).isEqualTo(want);
                }
                assertThat(get(base, published.get(1).url()).body()).as("the update, not the first version")
                        .contains("बहाली अभ्यास की ख़बर 1 ख").contains("Updated On");
                assertThat(Eventually.value(Duration.ofSeconds(10), () -> get(base, "/search?q="
                        + java.net.URLEncoder.encode("अभ्यास", StandardCharsets.UTF_8)).body(),
                        b -> b.contains(published.get(0).url()))).as("the search index, rebuilt from the store")
                        .contains(published.get(0).url()).doesNotContain(published.get(3).url());
                List<String> shas = fresh.store.jdbi().withHandle(h -> h.createQuery("SELECT sha256 FROM deliveries")
                        .mapTo(String.class).list());
                assertThat(shas).hasSize(6);
                for (String sha : shas) {
                    assertThat(org.taar.intake.Archive.sha256(fresh.archive.read(sha))).as("delivery %s", sha).isEqualTo(sha);
                }
            }
        } finally {
            try (Connection c = DriverManager.getConnection(admin); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
        }
    }
}
