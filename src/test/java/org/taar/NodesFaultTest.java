package org.taar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.store.PushKeys;
import org.taar.store.Store;

/**
 * Three `taar serve` processes on one PostgreSQL database behind nginx, as docs/deploy.md sets them
 * up: a node SIGKILLed while it polls and ingests loses nothing and doubles nothing (another node
 * takes its source over, every push acknowledged is published once), and a rolling restart of every
 * node under readers and wrk costs them not one failed request.
 */
class NodesFaultTest {
    private static final Duration FEED_TIMEOUT = Duration.ofSeconds(4);
    private static final String[] SYLLABLES = "क ख ग घ च छ ज झ ट ठ ड ढ त थ द ध न प फ ब भ म य र ल व स ह".split(" ");

    @TempDir Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ServerProcess> nodes = new CopyOnWriteArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private String db;

    @AfterEach
    void stop() throws Exception {
        for (ServerProcess n : nodes) n.kill();
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    /**
     * A story whose words differ from every other's (made-up words of three syllables, some 22,000 of
     * them), so that none is taken for a near-duplicate of another.
     */
    static String body(int seed) {
        Random r = new Random(seed * 7919L + 17);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            for (int k = 0; k < 3; k++) b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
            b.append(i % 12 == 11 ? "। " : " ");
        }
        return b.toString().strip();
    }

    static byte[] story(String uri, String headline, int seed) {
        return ("Headline: " + headline + "\nSection: देश\nAgency: IANS\nURI: " + uri + "\nVersion: 1\n\n"
                + "नई दिल्ली, 3 दिसंबर (आईएएनएस)। " + body(seed) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void startNodes(int n, String feedUrl) throws Exception {
        db = TestEngines.config(TestEngines.POSTGRESQL, dir.resolve("n1")).jdbcUrl();
        String yml = "archive: database\nmedia: " + dir.resolve("shared-media") + "\n"
                + (feedUrl == null ? "" : "sources:\n  wire:\n    url: " + feedUrl + "\n    interval: 10s\n    timeout: "
                + FEED_TIMEOUT.toSeconds() + "s\n    allow_private: true\n");
        for (int i = 1; i <= n; i++) {
            Path data = Files.createDirectories(dir.resolve("n" + i));
            Files.writeString(data.resolve("taar.yml"), yml);
            ports.add(Balancer.freePort());
        }
        for (int i = 1; i <= n; i++) nodes.add(startNode(i));
    }

    private ServerProcess startNode(int i) throws Exception {
        return ServerProcess.start(dir.resolve("n" + i), db, "nodes-n" + i, ports.get(i - 1), Map.of("TAAR_NODE", "n" + i));
    }

    private String pushKey() {
        try (Store store = Store.open(db, dir)) {
            return new PushKeys(store, Clock.systemUTC()).create("ians");
        }
    }

    private int get(String base, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** Debian's wrk; CI installs it (.ci/run), elsewhere the test says how. */
    private static String wrk() {
        if (Files.isExecutable(Path.of("/usr/bin/wrk"))) return "/usr/bin/wrk";
        if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("wrk is not installed (.ci/run installs it)");
        org.junit.jupiter.api.Assumptions.abort("wrk is not installed (apt-get install wrk)");
        return null;
    }

    /** Pushes until the answer is 202, as a sender does after a refused connection, a 502 or a 503. */
    private String pushUntilAccepted(String base, String key, byte[] body) throws Exception {
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                        .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) return new ObjectMapper().readTree(r.body()).path("url").asText();
            } catch (IOException cut) {
                // the node died under the request: try again
            }
            Thread.sleep(200);
        }
        throw new AssertionError("push never accepted");
    }

    /** The pid among {@code candidates} that owns the loopback TCP socket on {@code localPort}. */
    static long pidOwning(int localPort, List<Long> candidates) throws IOException {
        String hex = String.format(":%04X ", localPort);
        String inode = null;
        // Java's sockets are IPv6 ones even to 127.0.0.1 (an IPv4-mapped address) where the kernel has IPv6.
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                // Inode 0 is a socket no process holds any more (TIME_WAIT of an earlier connection).
                if (f.length > 9 && (f[1] + " ").endsWith(hex) && !f[9].equals("0")) inode = f[9];
            }
        }
        if (inode == null) return -1;
        for (long pid : candidates) {
            try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
                String socket = "socket:[" + inode + "]";
                if (fds.anyMatch(fd -> {
                    try {
                        return Files.readSymbolicLink(fd).toString().equals(socket);
                    } catch (IOException gone) {
                        return false;
                    }
                })) {
                    return pid;
                }
            }
        }
        return -1;
    }

    private static String rss(int items) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>वायर</title><link>http://wire.example/</link><description>d</description>");
        String now = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
        for (int i = 0; i < items; i++) {
            b.append("<item><guid>urn:feed:").append(i).append("</guid><title>फ़ीड की ख़बर ").append(i)
                    .append("</title><link>http://wire.example/").append(i).append("</link><description>")
                    .append(body(1000 + i)).append("</description><pubDate>").append(now).append("</pubDate></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    @Test
    void aNodeKilledWhilePollingAndIngestingLosesNothingAndDoublesNothing() throws Exception {
        // The feed: empty until armed; then one fetch hangs after its headers (a node mid-poll), and
        // the fetches after it answer whole.
        byte[] empty = rss(0).getBytes(StandardCharsets.UTF_8);
        byte[] feed = rss(5).getBytes(StandardCharsets.UTF_8);
        AtomicBoolean armed = new AtomicBoolean();
        List<Integer> fetchPorts = new CopyOnWriteArrayList<>();
        List<Long> fetchedAt = new CopyOnWriteArrayList<>();
        CountDownLatch hanging = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.setExecutor(Executors.newCachedThreadPool());
        feedServer.createContext("/feed", ex -> {
            boolean hang = false;
            if (armed.get()) {
                synchronized (fetchPorts) {
                    fetchPorts.add(ex.getRemoteAddress().getPort());
                    fetchedAt.add(System.nanoTime());
                    hang = fetchPorts.size() == 1;
                }
            }
            byte[] body = armed.get() ? feed : empty;
            ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                if (hang) {
                    out.write(body, 0, 100);
                    out.flush();
                    hanging.countDown();
                    release.await(60, TimeUnit.SECONDS);
                    return;
                }
                out.write(body);
            } catch (InterruptedException | IOException cut) {
                // the node that fetched it was killed
            }
        });
        feedServer.start();
        open.add(() -> {
            release.countDown();
            feedServer.stop(0);
        });
        startNodes(3, "http://127.0.0.1:" + feedServer.getAddress().getPort() + "/feed");
        Balancer lb = Balancer.start(dir.resolve("nginx"), ports);
        open.add(lb);
        String key = pushKey();

        // Pushes through the load balancer all along, each retried as a sender does until accepted.
        Map<String, String> urls = new ConcurrentHashMap<>();
        AtomicInteger accepted = new AtomicInteger();
        AtomicBoolean pushing = new AtomicBoolean(true);
        Thread pusher = new Thread(() -> {
            try {
                for (int i = 0; pushing.get(); i++) {
                    urls.put("urn:fault:" + i, pushUntilAccepted(lb.base(), key,
                            story("urn:fault:" + i, "दोष परीक्षण की ख़बर " + i, i)));
                    accepted.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        pusher.start();
        armed.set(true);
        assertThat(hanging.await(30, TimeUnit.SECONDS)).as("a node polls the feed").isTrue();
        long poller = pidOwning(fetchPorts.get(0), nodes.stream().map(ServerProcess::pid).toList());
        assertThat(poller).as("the polling node is one of ours").isPositive();

        // SIGKILL the polling node, in the middle of its poll and of the pushes.
        ServerProcess victim = nodes.stream().filter(s -> s.pid() == poller).findFirst().orElseThrow();
        int before = accepted.get();
        long killedAt = System.nanoTime();
        victim.kill();
        nodes.remove(victim);
        release.countDown();

        // Another node polls the source once the dead node's claim (the feed's timeout and 10 s) runs out.
        assertThat(Eventually.until(Duration.ofSeconds(30), () -> fetchPorts.size() >= 2)).as("the source is taken over")
                .isTrue();
        long failoverMs = (fetchedAt.get(1) - killedAt) / 1_000_000;
        System.out.println("failover: a node killed mid-poll -> its source polled by another node in " + failoverMs + " ms");
        assertThat(failoverMs).isLessThanOrEqualTo(FEED_TIMEOUT.toMillis() + 10_000 + 3_000);
        assertThat(Eventually.until(Duration.ofSeconds(30), () -> accepted.get() >= before + 15)).isTrue();
        pushing.set(false);
        pusher.join(60_000);
        assertThat(accepted.get()).as("pushes accepted").isGreaterThanOrEqualTo(20);

        try (Store store = Store.open(db, dir)) {
            List<String> expected = new ArrayList<>(urls.keySet());
            for (int i = 0; i < 5; i++) expected.add("urn:feed:" + i);
            Map<String, Integer> rows = new HashMap<>();
            assertThat(Eventually.until(Duration.ofSeconds(20), () -> {
                rows.clear();
                store.jdbi().useHandle(h -> h.createQuery("SELECT uri, COUNT(*) AS n FROM stories WHERE status = "
                                + "'published' AND (uri LIKE 'urn:fault:%' OR uri LIKE 'urn:feed:%') GROUP BY uri")
                        .map((rs, ctx) -> rows.put(rs.getString("uri"), rs.getInt("n"))).list());
                return rows.keySet().containsAll(expected);
            })).as("every push and every feed item published: " + rows.keySet()).isTrue();
            assertThat(rows.values()).as("each exactly once").containsOnly(1);
            assertThat(rows).hasSize(expected.size());
            int unarchived = store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM deliveries d LEFT JOIN archive_files a ON a.sha256 = d.sha256 WHERE a.sha256 IS NULL")
                    .mapTo(Integer.class).one());
            assertThat(unarchived).as("every delivery's bytes in the archive every node reads").isZero();
        }
        // And every surviving node serves every pushed story.
        for (ServerProcess node : nodes) {
            for (String url : urls.values()) {
                assertThat(Eventually.until(Duration.ofSeconds(5), () -> get(node.base, url) == 200))
                        .as(node.base + url).isTrue();
            }
        }
    }

    @Test
    void aRollingRestartOfEveryNodeCostsReadersNotOneRequest() throws Exception {
        startNodes(3, null);
        Balancer lb = Balancer.start(dir.resolve("nginx"), ports);
        open.add(lb);
        String key = pushKey();
        List<String> paths = new ArrayList<>(List.of("/", "/feed.xml", "/sitemap.xml"));
        for (int i = 0; i < 3; i++) paths.add(pushUntilAccepted(lb.base(), key, story("urn:roll:" + i, "ख़बर " + i, 500 + i)));
        String article = paths.get(paths.size() - 1);
        paths.add(article.substring(0, article.indexOf('/', 1) + 1));
        for (ServerProcess node : nodes) {
            for (String p : paths) assertThat(Eventually.until(Duration.ofSeconds(10), () -> get(node.base, p) == 200)).isTrue();
        }

        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            int offset = r;
            Thread t = new Thread(() -> {
                for (int i = offset; reading.get(); i++) {
                    String p = paths.get(i % paths.size());
                    int status = get(lb.base(), p);
                    requests.incrementAndGet();
                    if (status != 200) failures.add(p + " -> " + status);
                }
            });
            t.start();
            readers.add(t);
        }
        // wrk as well, on keep-alive connections through nginx, over the same pages.
        Path lua = dir.resolve("paths.lua");
        Files.writeString(lua, "paths = {" + paths.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(","))
                + "}\ni = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n");
        Path wrkOut = dir.resolve("wrk.out");
        Process wrk = new ProcessBuilder(wrk(), "-t1", "-c8", "-d300s", "-s", lua.toString(), lb.base() + "/")
                .redirectErrorStream(true).redirectOutput(wrkOut.toFile()).start();
        open.add(wrk::destroyForcibly);
        for (int i = 1; i <= 3; i++) {
            ServerProcess old = nodes.get(i - 1);
            old.stop();
            Thread.sleep(500);
            ServerProcess fresh = startNode(i);
            nodes.set(i - 1, fresh);
            assertThat(Eventually.until(Duration.ofSeconds(20), () -> get(fresh.base, "/healthz") == 200)).isTrue();
            Thread.sleep(1_000);
        }
        reading.set(false);
        for (Thread t : readers) t.join();
        // SIGINT: wrk stops and prints what it saw.
        new ProcessBuilder("kill", "-INT", String.valueOf(wrk.pid())).start().waitFor();
        assertThat(wrk.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String said = Files.readString(wrkOut);
        Matcher done = Pattern.compile("([0-9]+) requests in").matcher(said);
        assertThat(done.find()).as(said).isTrue();
        System.out.println("rolling restart of 3 nodes: " + requests.get() + " reader requests and " + done.group(1)
                + " wrk requests through nginx, " + failures.size() + " failed");
        assertThat(requests.get()).as("readers kept reading").isGreaterThan(200);
        assertThat(Long.parseLong(done.group(1))).as("wrk kept reading").isGreaterThan(1_000);
        assertThat(said).as("wrk saw no error answer and no socket error").doesNotContain("Non-2xx")
                .doesNotContain("Socket errors");
        assertThat(failures).as("failed reader requests").isEmpty();
    }
}
