package org.taar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.config.Config;
import org.taar.story.Story;

/**
 * Nothing lost, nothing twice: a real {@code taar serve} process is killed with SIGKILL while it
 * ingests 1,000 deliveries (half through the drop folder, half pushed), then restarted on the
 * same data; the pushes it never acknowledged are sent again, as an agency's client would, and
 * the drop folder is left as it was. Afterwards every delivery is archived once, every story
 * stands once at its highest version, and every page, feed, sitemap and search entry is there
 * once, or (for a killed story) not at all.
 */
class CrashRecoveryTest {
    private static final String SOURCE = "wire";
    private static final int SINGLE = 660;      // stories with one version
    private static final int VERSIONED = 100;   // stories with versions 1, 2 and 3
    private static final int KILLED = 20;       // stories with version 1 and a kill
    private static final int KILL_AFTER_ACKS = 200;
    private static final String[] SECTIONS = {"देश", "विदेश", "खेल", "कारोबार"};
    private static final String[] SECTION_SLUGS = {"india", "world", "sports", "business"};
    private static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");
    /** An item's link (the channel's own link comes before the first item, so it is not matched). */
    private static final Pattern ITEM_LINK = Pattern.compile("<item>\\s*<title>[^<]*</title>\\s*<link>([^<]+)</link>");
    private static final Pattern RESULT_LINK = Pattern.compile("<li><h2><a href=\"([^\"]+)\"");

    @TempDir Path dir;

    /** One delivery: the bytes of one version of one story, and how it travels. */
    record Sent(int story, int version, boolean kill, boolean push, String name, byte[] bytes, String sha) {}

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void killedMidIngestLosesNothingAndPublishesNothingTwice(String engine) throws Exception {
        Config config = TestEngines.config(engine, dir);
        String key;
        try (App app = new App(config, Clock.systemUTC())) {
            key = app.pushKeys.create(SOURCE);
        }
        List<Sent> sent = deliveries();
        Path inbox = dir.resolve("inbox").resolve(SOURCE);
        Files.createDirectories(inbox);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ServerProcess first = ServerProcess.start(dir, config.jdbcUrl(), engine + "-first");
        Set<Sent> acked = Collections.newSetFromMap(new java.util.concurrent.ConcurrentHashMap<>());
        ConcurrentLinkedQueue<Sent> unacked = new ConcurrentLinkedQueue<>();
        AtomicInteger ackCount = new AtomicInteger();
        ExecutorService pushers = Executors.newFixedThreadPool(4);
        Semaphore inFlight = new Semaphore(8);
        int droppedBeforeKill;
        int ackedBeforeKill;
        try {
            // One feeder in delivery order: files go straight into the drop folder, pushes to the
            // pool, whose bounded in-flight count keeps both channels moving at the same pace.
            Thread feeder = new Thread(() -> {
                for (Sent s : sent) {
                    try {
                        if (s.push()) {
                            inFlight.acquire();
                            pushers.submit(() -> {
                                try {
                                    if (push(http, first.base, key, s) == 202) {
                                        acked.add(s);
                                        ackCount.incrementAndGet();
                                    } else {
                                        unacked.add(s);
                                    }
                                } finally {
                                    inFlight.release();
                                }
                            });
                        } else {
                            drop(inbox, s);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }, "feeder");
            feeder.start();
            // The child server acknowledges on its own threads; the kill comes as soon as enough have been.
            Eventually.until(Duration.ofSeconds(120), () -> ackCount.get() >= KILL_AFTER_ACKS);
            assertThat(ackCount.get()).as("pushes acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER_ACKS);
            log("killing after " + ackCount.get() + " acknowledged pushes");
            int exit = first.kill();
            // 128 + 9: the JVM died of SIGKILL, with no shutdown hook run.
            assertThat(exit).as("exit status of the killed server").isEqualTo(137);
            ackedBeforeKill = ackCount.get();
            feeder.join(TimeUnit.SECONDS.toMillis(60));
            pushers.shutdown();
            assertThat(pushers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            droppedBeforeKill = (int) sent.stream().filter(s -> !s.push()).count() - countFiles(inbox);
        } finally {
            first.kill();
            pushers.shutdownNow();
        }
        assertThat(unacked).as("pushes the kill cut off").isNotEmpty();
        assertThat(droppedBeforeKill).as("drop files ingested before the kill").isPositive();
        assertThat(countFiles(inbox)).as("drop files left for the restart").isPositive();

        ServerProcess second = ServerProcess.start(dir, config.jdbcUrl(), engine + "-second");
        try {
            // The agency's client sends again whatever was not acknowledged.
            log("restarted; re-pushing " + unacked.size());
            ExecutorService retry = Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (Sent s : unacked) {
                answers.add(retry.submit(() -> {
                    int status = 0;
                    for (int attempt = 0; attempt < 20 && status != 202; attempt++) {
                        status = push(http, second.base, key, s);
                        // Time passing: an agency's client backs off a moment before it sends again.
                        if (status != 202) Thread.sleep(100);
                    }
                    return status;
                }));
            }
            retry.shutdown();
            for (var a : answers) assertThat(a.get()).as("re-push answer").isEqualTo(202);
            log("re-pushed");
            // The restarted child process empties the drop folder on its own; no catch-up reaches into it.
            // A file leaves the inbox for DATA/claimed/SOURCE/ before it is ingested, and leaves claimed/
            // only once its stories are committed: both must be empty before the store is read.
            Path claimed = dir.resolve("claimed").resolve(SOURCE);
            Eventually.until(Duration.ofSeconds(60), () -> countFiles(inbox) == 0
                    && (!Files.isDirectory(claimed) || countFiles(claimed) == 0));
            assertThat(countFiles(inbox)).as("files stuck in the drop folder").isZero();
            if (Files.isDirectory(claimed)) assertThat(countFiles(claimed)).as("claimed files never ingested").isZero();
            assertThat(dir.resolve("failed").resolve(SOURCE)).as("drop files that failed").doesNotExist();
            log("drop folder empty");

            Expected expected = expected(sent, config.jdbcUrl() != null ? config.jdbcUrl() : sqliteUrl());
            // The child's publisher renders on its own threads; the site is checked until it is whole or time is up.
            List<String> problems = Eventually.value(Duration.ofSeconds(60), () -> {
                List<String> found = siteProblems(http, second.base, expected);
                log("site check: " + found.size() + " problems");
                return found;
            }, List::isEmpty);
            assertThat(problems).as("site after restart (acked before kill: %d, drop files before kill: %d, re-pushed: %d)",
                    ackedBeforeKill, droppedBeforeKill, unacked.size()).isEmpty();
        } finally {
            second.stop();
        }
        assertThat(storeProblems(sent, config.jdbcUrl() != null ? config.jdbcUrl() : sqliteUrl())).isEmpty();
    }

    // ---- the deliveries ----

    static List<Sent> deliveries() throws Exception {
        List<int[]> versions = new ArrayList<>(); // {story, version, kill}
        int story = 0;
        for (int i = 0; i < SINGLE; i++, story++) versions.add(new int[] {story, 1, 0});
        for (int i = 0; i < VERSIONED; i++, story++) {
            for (int v = 1; v <= 3; v++) versions.add(new int[] {story, v, 0});
        }
        for (int i = 0; i < KILLED; i++, story++) {
            versions.add(new int[] {story, 1, 0});
            versions.add(new int[] {story, 2, 1});
        }
        // A fixed shuffle: versions of a story arrive out of order, a kill sometimes before its story.
        Collections.shuffle(versions, new Random(6));
        Random channel = new Random(7);
        List<Sent> out = new ArrayList<>();
        for (int[] v : versions) {
            byte[] bytes = wire(v[0], v[1], v[2] == 1);
            boolean push = channel.nextBoolean();
            out.add(new Sent(v[0], v[1], v[2] == 1, push, String.format("s%04d-v%d.txt", v[0], v[1]), bytes, sha256(bytes)));
        }
        assertThat(out).hasSize(1_000);
        return out;
    }

    /** A word found in no dictionary, so a search for it finds this story and no other. */
    static String token(int story) {
        StringBuilder b = new StringBuilder("zq");
        int n = story;
        for (int i = 0; i < 3; i++) {
            b.append((char) ('a' + n % 26));
            n /= 26;
        }
        return b.append("xv").toString();
    }

    static String headline(int story, int version) {
        return token(story) + " पर ख़बर संस्करण " + version;
    }

    static byte[] wire(int story, int version, boolean kill) {
        int section = story % SECTIONS.length;
        String text = "Headline: " + headline(story, version) + "\n"
                + "Summary: सारांश " + token(story) + "\n"
                + "Section: " + SECTIONS[section] + "\n"
                + "Tags: " + (section == 2 ? "क्रिकेट, मुंबई" : "दिल्ली, संसद") + "\n"
                + "Agency: IANS\n"
                + "URI: urn:crash:" + story + "\n"
                + "Version: " + version + "\n"
                + (kill ? "Status: canceled\n" : "")
                + "\n"
                + "नई दिल्ली, 29 मई (आईएएनएस)। " + headline(story, version) + " का पहला अनुच्छेद।\n\n"
                + "दूसरा अनुच्छेद, जिसमें और जानकारी है।\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    // As an agency's client writes: the whole file under a name the drop folder ignores, then a rename.
    static void drop(Path inbox, Sent s) throws IOException {
        Path tmp = inbox.resolve(s.name() + ".tmp");
        Files.write(tmp, s.bytes());
        Files.move(tmp, inbox.resolve(s.name()), StandardCopyOption.ATOMIC_MOVE);
    }

    static int push(HttpClient http, String base, String key, Sent s) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + key)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(s.bytes())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // connection refused or cut: not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static int countFiles(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return (int) files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    // ---- what the site must show ----

    /** Each story as the store holds it, keyed by story number, plus what was sent of it. */
    record Expected(Map<Integer, String> paths, Map<Integer, Integer> highest, Set<Integer> killed) {
        Set<Integer> published() {
            Set<Integer> p = new HashSet<>(paths.keySet());
            p.removeAll(killed);
            return p;
        }

        int story(String path) {
            for (var e : paths.entrySet()) if (e.getValue().equals(path)) return e.getKey();
            return -1;
        }
    }

    private Expected expected(List<Sent> sent, String jdbcUrl) throws SQLException {
        Map<Integer, Integer> highest = new HashMap<>();
        Set<Integer> killed = new HashSet<>();
        for (Sent s : sent) {
            if (s.kill()) killed.add(s.story());
            else highest.merge(s.story(), s.version(), Math::max);
        }
        Map<Integer, String> paths = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             ResultSet rs = c.createStatement().executeQuery("SELECT id, uri, section, slug FROM stories")) {
            while (rs.next()) {
                int story = Integer.parseInt(rs.getString("uri").substring("urn:crash:".length()));
                paths.put(story, Story.path(rs.getString("section"), rs.getString("slug"), rs.getLong("id")));
            }
        }
        return new Expected(paths, highest, killed);
    }

    private static List<String> siteProblems(HttpClient http, String base, Expected x) throws Exception {
        List<String> problems = new ArrayList<>();
        if (x.paths().size() != SINGLE + VERSIONED + KILLED) {
            problems.add("stories in the store: " + x.paths().size());
        }
        for (var e : x.paths().entrySet()) {
            HttpResponse<String> r = get(http, base + e.getValue());
            if (x.killed().contains(e.getKey())) {
                if (r.statusCode() != 410) problems.add(e.getValue() + " (killed) answers " + r.statusCode());
            } else if (r.statusCode() != 200) {
                problems.add(e.getValue() + " answers " + r.statusCode());
            } else if (!r.body().contains(headline(e.getKey(), x.highest().get(e.getKey())))) {
                problems.add(e.getValue() + " does not show version " + x.highest().get(e.getKey()));
            }
            if (problems.size() > 20) return problems;
        }
        // Sitemaps: every published story once in the month sitemaps and once in the news sitemap.
        List<String> monthLocs = new ArrayList<>();
        for (String sitemap : all(LOC, get(http, base + "/sitemap.xml").body())) {
            if (sitemap.endsWith("/sitemap-news.xml")) continue; // checked on its own below
            monthLocs.addAll(all(LOC, get(http, base + URI.create(sitemap).getPath()).body()));
        }
        onceEach(problems, "month sitemaps", paths(monthLocs), x, x.published());
        onceEach(problems, "/sitemap-news.xml", paths(all(LOC, get(http, base + "/sitemap-news.xml").body())), x,
                x.published());
        // Feeds hold the newest 50: no story twice, no killed story, and as many as there are.
        feed(problems, http, base, "/feed.xml", x, x.published().size());
        for (int i = 0; i < SECTION_SLUGS.length; i++) {
            final int section = i;
            long inSection = x.published().stream().filter(s -> s % SECTIONS.length == section).count();
            feed(problems, http, base, "/" + SECTION_SLUGS[i] + "/feed.xml", x, inSection);
            // Section listings, every page: each story of the section once, no killed one.
            List<String> listed = new ArrayList<>();
            for (int page = 1; page < 100; page++) {
                HttpResponse<String> r = get(http, base + "/" + SECTION_SLUGS[i] + "/" + (page > 1 ? "?page=" + page : ""));
                if (r.statusCode() != 200) break;
                List<String> links = all(RESULT_LINK, r.body());
                listed.addAll(links);
                if (!r.body().contains("rel=\"next\"") || links.isEmpty()) break;
            }
            Set<Integer> want = new HashSet<>();
            x.published().stream().filter(s -> s % SECTIONS.length == section).forEach(want::add);
            onceEach(problems, "/" + SECTION_SLUGS[i] + "/ pages", listed, x, want);
        }
        String home = get(http, base + "/").body();
        for (int k : x.killed()) {
            if (home.contains("\"" + x.paths().get(k) + "\"")) problems.add("home links to killed " + x.paths().get(k));
        }
        // Search: the story's own word finds it and nothing else; a killed story's word finds nothing.
        for (var e : x.paths().entrySet()) {
            List<String> hits = all(RESULT_LINK, get(http, base + "/search?q=" + token(e.getKey())).body());
            List<String> want = x.killed().contains(e.getKey()) ? List.of() : List.of(e.getValue());
            if (!hits.equals(want)) problems.add("search " + token(e.getKey()) + " finds " + hits + ", wanted " + want);
            if (problems.size() > 40) break;
        }
        return problems;
    }

    private static void feed(List<String> problems, HttpClient http, String base, String path, Expected x, long stories)
            throws Exception {
        List<String> guids = paths(all(ITEM_LINK, get(http, base + path).body()));
        Set<Integer> seen = new HashSet<>();
        for (String g : guids) {
            int story = x.story(g);
            if (story < 0) problems.add(path + " lists unknown " + g);
            else if (x.killed().contains(story)) problems.add(path + " lists killed " + g);
            else if (!seen.add(story)) problems.add(path + " lists twice " + g);
        }
        long want = Math.min(50, stories);
        if (guids.size() != want) problems.add(path + " has " + guids.size() + " items, wanted " + want);
    }

    private static void onceEach(List<String> problems, String where, List<String> paths, Expected x, Set<Integer> want) {
        Map<Integer, Integer> count = new HashMap<>();
        for (String p : paths) {
            int story = x.story(p);
            if (story < 0) problems.add(where + " lists unknown " + p);
            else count.merge(story, 1, Integer::sum);
        }
        for (var e : count.entrySet()) {
            if (!want.contains(e.getKey())) problems.add(where + " lists " + x.paths().get(e.getKey()) + " (killed or elsewhere)");
            else if (e.getValue() > 1) problems.add(where + " lists " + x.paths().get(e.getKey()) + " " + e.getValue() + " times");
        }
        long missing = want.stream().filter(s -> !count.containsKey(s)).count();
        if (missing > 0) problems.add(where + " misses " + missing + " stories, e.g. "
                + want.stream().filter(s -> !count.containsKey(s)).limit(3).map(x.paths()::get).toList());
    }

    private static List<String> paths(List<String> urls) {
        return urls.stream().map(u -> u.startsWith("http") ? URI.create(u).getPath() : u).toList();
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    // ---- what the store and the archive must hold ----

    private List<String> storeProblems(List<Sent> sent, String jdbcUrl) throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, Sent> bySha = new HashMap<>();
        sent.forEach(s -> bySha.put(s.sha(), s));
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            Map<String, Long> deliveryIds = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id, sha256 FROM deliveries")) {
                while (rs.next()) {
                    if (deliveryIds.put(rs.getString(2), rs.getLong(1)) != null) problems.add("delivery twice " + rs.getString(2));
                }
            }
            if (!deliveryIds.keySet().equals(bySha.keySet())) {
                Set<String> missing = new HashSet<>(bySha.keySet());
                missing.removeAll(deliveryIds.keySet());
                problems.add("deliveries table: " + deliveryIds.size() + " rows, missing " + missing.size());
            }
            for (Sent s : sent) {
                Path file = dir.resolve("archive").resolve(s.sha().substring(0, 2)).resolve(s.sha().substring(2, 4)).resolve(s.sha());
                if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), s.bytes())) {
                    problems.add("archive lacks " + s.name());
                }
            }
            // Every delivery's version is recorded against its story.
            Set<Long> recorded = new HashSet<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT delivery_id FROM versions")) {
                while (rs.next()) recorded.add(rs.getLong(1));
            }
            for (Sent s : sent) {
                Long id = deliveryIds.get(s.sha());
                if (id != null && !recorded.contains(id)) problems.add("no version row for " + s.name());
            }
            Map<Integer, Integer> highest = new HashMap<>();
            Set<Integer> killed = new HashSet<>();
            for (Sent s : sent) {
                if (s.kill()) killed.add(s.story());
                else highest.merge(s.story(), s.version(), Math::max);
            }
            Map<Integer, Integer> rows = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT uri, version, status, headline FROM stories")) {
                while (rs.next()) {
                    int story = Integer.parseInt(rs.getString(1).substring("urn:crash:".length()));
                    rows.merge(story, 1, Integer::sum);
                    String status = rs.getString(3);
                    if (killed.contains(story)) {
                        if (!status.equals("killed")) problems.add("story " + story + " is " + status + ", not killed");
                    } else {
                        if (!status.equals("published")) problems.add("story " + story + " is " + status);
                        if (rs.getInt(2) != highest.get(story)) {
                            problems.add("story " + story + " at version " + rs.getInt(2) + ", not " + highest.get(story));
                        }
                        if (!rs.getString(4).equals(headline(story, highest.get(story)))) {
                            problems.add("story " + story + " headline " + rs.getString(4));
                        }
                    }
                }
            }
            rows.forEach((story, n) -> {
                if (n != 1) problems.add("story " + story + " stored " + n + " times");
            });
            if (rows.size() != highest.size()) problems.add("stories stored: " + rows.size() + ", sent: " + highest.size());
            // Published once: a re-sent version after the crash is a duplicate, never a second publication.
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT story_id, COUNT(*) FROM events WHERE kind = 'published' GROUP BY story_id HAVING COUNT(*) > 1")) {
                while (rs.next()) problems.add("story id " + rs.getLong(1) + " published " + rs.getLong(2) + " times");
            }
            try (ResultSet rs = c.createStatement().executeQuery("""
                    SELECT story_id, version, COUNT(*) FROM versions WHERE outcome <> 'duplicate'
                    GROUP BY story_id, version HAVING COUNT(*) > 1""")) {
                while (rs.next()) {
                    problems.add("story id " + rs.getLong(1) + " version " + rs.getInt(2) + " applied " + rs.getLong(3) + " times");
                }
            }
        }
        return problems;
    }

    private String sqliteUrl() {
        return "jdbc:sqlite:" + dir.resolve("taar.db");
    }

    private static final long T0 = System.nanoTime();

    private static void log(String what) {
        System.out.printf("crash test %6d ms: %s%n", (System.nanoTime() - T0) / 1_000_000, what);
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
