import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bench/nodes: several `taar serve` nodes on one PostgreSQL database behind nginx. Prints, in one run:
 * readers' requests per second through nginx with one, two and three nodes (and one node without
 * nginx, the baseline); wire to web from a push on node 1 to a 200 on node 2, beside the same node's
 * own 200 (the baseline); and failover, from a node SIGKILLed in the middle of a poll to its source
 * polled by another node.
 *
 * <p>Usage: NodesBench --jar JAR --db URL --work DIR [--nodes 3] [--seconds 15] [--connections 64]
 * [--pushes 300] [--failovers 2] [--headlines DIR]
 */
public final class NodesBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:[0-9]+)/");
    private static final Duration FEED_TIMEOUT = Duration.ofSeconds(4);

    private static Path jar, work;
    private static String db;
    private static final List<Process> nodes = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int count = 3, seconds = 15, connections = 64, pushes = 300, failovers = 2;
        Path headlines = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--db" -> db = args[++i];
                case "--work" -> work = Path.of(args[++i]);
                case "--nodes" -> count = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Integer.parseInt(args[++i]);
                case "--pushes" -> pushes = Integer.parseInt(args[++i]);
                case "--failovers" -> failovers = Integer.parseInt(args[++i]);
                case "--headlines" -> headlines = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Feed feed = new Feed();
        try {
            for (int i = 1; i <= count; i++) {
                Path data = Files.createDirectories(work.resolve("n" + i));
                Files.writeString(data.resolve("taar.yml"), "archive: database\nsite:\n  default_rules: false\n"
                        + "sources:\n  wire:\n    url: " + feed.url() + "\n    interval: 10s\n    timeout: "
                        + FEED_TIMEOUT.toSeconds() + "s\n    allow_private: true\n");
                ports.add(freePort());
            }
            for (int i = 1; i <= count; i++) nodes.add(startNode(i));
            System.out.println("nodes: " + count + " taar serve processes (-Xmx512m each) on one PostgreSQL database, "
                    + "archive in the database; nginx (a worker a core); wrk 2 threads, " + connections + " connections, "
                    + seconds + " s a run; 2 cores");
            readers(count, seconds, connections);
            wireToWeb(pushes, headlines);
            for (int f = 1; f <= failovers; f++) failover(feed, f);
        } finally {
            for (Process p : nodes) if (p != null) p.destroyForcibly().waitFor();
            feed.close();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String base(int node) {
        return "http://127.0.0.1:" + ports.get(node - 1);
    }

    static Process startNode(int i) throws Exception {
        Path log = work.resolve("n" + i + ".log");
        long from = Files.exists(log) ? Files.size(log) : 0;
        ProcessBuilder pb = new ProcessBuilder("java", "-Xmx512m", "-jar", jar.toString(), "serve", "--data",
                work.resolve("n" + i).toString(), "--db", db, "--port", String.valueOf(ports.get(i - 1)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("TAAR_NODE", "n" + i);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log);
            if (LISTENING.matcher(text.substring((int) Math.min(from, text.length()))).find()) return p;
            if (!p.isAlive()) throw new IllegalStateException("node n" + i + " exited; see " + log);
            Thread.sleep(100);
        }
        throw new IllegalStateException("node n" + i + " did not start; see " + log);
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    // --- readers through nginx ---------------------------------------------------------------

    static void readers(int count, int seconds, int connections) throws Exception {
        // The paths: home, every section's first page, and up to 50 articles from the API.
        List<String> paths = new ArrayList<>(List.of("/"));
        JsonNode list = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base(1) + "/api/v1/stories?limit=200"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        for (JsonNode item : list.path("items")) {
            String url = item.path("renditions").path(0).path("href").asText("");
            if (url.isEmpty()) continue;
            String path = URI.create(url).getRawPath();
            if (paths.size() < 51) paths.add(path);
            String section = path.substring(0, path.indexOf('/', 1) + 1);
            if (!paths.contains(section)) paths.add(section);
        }
        Path lua = work.resolve("paths.lua");
        StringBuilder s = new StringBuilder("paths = {");
        for (String p : paths) s.append('"').append(p).append("\",");
        s.append("}\ni = 0\nrequest = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1], "
                + "{[\"Accept-Encoding\"] = \"gzip\"})\nend\n");
        Files.writeString(lua, s.toString());
        for (String p : paths) {
            for (int n = 1; n <= count; n++) {
                if (status(base(n) + p) != 200) throw new IllegalStateException(p + " not 200 on node " + n);
            }
        }
        System.out.println();
        System.out.println("readers: " + paths.size() + " paths (home, sections, articles), gzip");
        System.out.printf("%-34s %10s %9s %9s %10s%n", "path", "req/s", "p50 ms", "p99 ms", "vs 1 node");
        double[] direct = wrk(base(1), lua, seconds, connections);
        System.out.printf("%-34s %10.0f %9.2f %9.2f %10s%n", "node 1 alone, no nginx (baseline)", direct[0], direct[1],
                direct[2], "");
        double one = 0;
        for (int k = 1; k <= count; k++) {
            try (Nginx lb = Nginx.start(work.resolve("nginx-" + k), ports.subList(0, k))) {
                double[] r = wrk("http://127.0.0.1:" + lb.port, lua, seconds, connections);
                if (k == 1) one = r[0];
                System.out.printf("%-34s %10.0f %9.2f %9.2f %9.2fx%n", "nginx -> " + k + " node" + (k > 1 ? "s" : ""),
                        r[0], r[1], r[2], r[0] / one);
            }
        }
    }

    /** wrk's requests per second, p50 and p99 in ms (a short warm-up run first). */
    static double[] wrk(String base, Path lua, int seconds, int connections) throws Exception {
        run(List.of("wrk", "-t2", "-c" + connections, "-d2s", "-s", lua.toString(), base + "/"));
        String out = run(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-s",
                lua.toString(), base + "/"));
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher p50 = Pattern.compile("50%\\s+([0-9.]+)(us|ms|s)").matcher(out);
        Matcher p99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(out);
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: ([0-9]+)").matcher(out);
        if (!rps.find() || !p50.find() || !p99.find()) throw new IllegalStateException("wrk said:\n" + out);
        if (errors.find()) System.out.println("  (wrk: " + errors.group(1) + " answers not 2xx/3xx)");
        return new double[] {Double.parseDouble(rps.group(1)), ms(p50), ms(p99)};
    }

    static double ms(Matcher m) {
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    static String run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException(command + " failed:\n" + out);
        return out;
    }

    // --- wire to web across nodes --------------------------------------------------------------

    static void wireToWeb(int pushes, Path headlines) throws Exception {
        String key = run(List.of("java", "-jar", jar.toString(), "key", "add", "bench-nodes", "--db", db, "--data",
                work.resolve("n1").toString())).strip();
        key = key.substring(key.lastIndexOf('\n') + 1);
        StoryWriter writer = new StoryWriter(20261204L, StoryWriter.realHeadlines(headlines));
        // A few pushes first, not counted: the nodes' code paths warm.
        long[] accepted = new long[pushes], same = new long[pushes], other = new long[pushes];
        int warm = Math.min(30, pushes);
        for (int i = -warm; i < pushes; i++) {
            String body = ImportBench.ninjs(writer.story(5_000_000 + i + warm, Instant.now()), "urn:bench:nodes:" + (i + warm))
                    .toString();
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base(1) + "/api/v1/ingest"))
                    .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime() - t0;
            if (r.statusCode() != 202) throw new IllegalStateException("push answered " + r.statusCode() + ": " + r.body());
            String url = JSON.readTree(r.body()).path("url").asText();
            long[] seen = new long[2];
            // Both nodes are polled from the same loop, each until it answers 200.
            while (seen[0] == 0 || seen[1] == 0) {
                for (int n = 0; n < 2; n++) {
                    if (seen[n] == 0 && status(base(n + 1) + url) == 200) seen[n] = System.nanoTime() - t0;
                }
                if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(30)) throw new IllegalStateException(url + " never 200");
                Thread.sleep(1);
            }
            if (i >= 0) {
                accepted[i] = answered;
                same[i] = seen[0];
                other[i] = seen[1];
            }
        }
        System.out.println();
        System.out.println("wire to web: " + pushes + " pushes to node 1, one at a time (after " + warm + " not counted); "
                + "each polled on node 1 and node 2 every millisecond or so");
        System.out.printf("%-44s %9s %9s %9s%n", "ms from the push", "p50", "p90", "p99");
        print("push on node 1 -> 202", accepted);
        print("push on node 1 -> 200 on node 1 (baseline)", same);
        print("push on node 1 -> 200 on node 2", other);
    }

    static void print(String label, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-44s %9.1f %9.1f %9.1f%n", label, pct(s, 50), pct(s, 90), pct(s, 99));
    }

    static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    // --- failover ------------------------------------------------------------------------------

    static void failover(Feed feed, int round) throws Exception {
        feed.arm();
        if (!feed.hanging.await(40, TimeUnit.SECONDS)) throw new IllegalStateException("no node polled the feed");
        int victim = -1;
        for (int n = 0; n < nodes.size(); n++) {
            if (owns(nodes.get(n).pid(), feed.hungPort)) victim = n;
        }
        if (victim < 0) throw new IllegalStateException("the polling node was not found");
        long killed = System.nanoTime();
        nodes.get(victim).destroyForcibly().waitFor();
        feed.release();
        long next = feed.nextFetch.poll(60, TimeUnit.SECONDS) == null ? -1 : feed.lastFetch;
        if (next < 0) throw new IllegalStateException("the source was never taken over");
        System.out.println();
        System.out.printf("failover %d: node n%d SIGKILLed mid-poll -> its source polled by another node after %.1f s "
                + "(its claim: the feed's timeout %d s + 10 s)%n", round, victim + 1, (next - killed) / 1e9,
                FEED_TIMEOUT.toSeconds());
        nodes.set(victim, startNode(victim + 1));
    }

    /** True when {@code pid} holds the TCP socket whose local port is {@code port} (/proc, IPv4 and IPv6). */
    static boolean owns(long pid, int port) throws IOException {
        String hex = String.format(":%04X ", port);
        List<String> inodes = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 9 && (f[1] + " ").endsWith(hex) && !f[9].equals("0")) inodes.add("socket:[" + f[9] + "]");
            }
        }
        try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    return inodes.contains(Files.readSymbolicLink(fd).toString());
                } catch (IOException gone) {
                    return false;
                }
            });
        }
    }

    /** The polled source: an empty feed until armed; then one fetch hangs after its headers. */
    static final class Feed implements AutoCloseable {
        final HttpServer server;
        final AtomicBoolean armed = new AtomicBoolean();
        volatile CountDownLatch hanging = new CountDownLatch(1);
        volatile CountDownLatch released = new CountDownLatch(1);
        final java.util.concurrent.BlockingQueue<Long> nextFetch = new java.util.concurrent.LinkedBlockingQueue<>();
        volatile int hungPort;
        volatile long lastFetch;
        volatile boolean waitingForTakeover;

        Feed() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            byte[] empty = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>w</title>"
                    + "<link>http://wire.example/</link><description>d</description></channel></rss>")
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/feed", ex -> {
                boolean hang = armed.compareAndSet(true, false);
                if (!hang && waitingForTakeover) {
                    waitingForTakeover = false;
                    lastFetch = System.nanoTime();
                    nextFetch.add(lastFetch);
                }
                ex.getResponseHeaders().set("Content-Type", "application/rss+xml");
                ex.sendResponseHeaders(200, empty.length);
                try (OutputStream out = ex.getResponseBody()) {
                    if (hang) {
                        hungPort = ex.getRemoteAddress().getPort();
                        out.write(empty, 0, 20);
                        out.flush();
                        waitingForTakeover = true;
                        hanging.countDown();
                        released.await(120, TimeUnit.SECONDS);
                        return;
                    }
                    out.write(empty);
                } catch (InterruptedException | IOException cut) {
                    // the node was killed
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed";
        }

        void arm() {
            hanging = new CountDownLatch(1);
            released = new CountDownLatch(1);
            nextFetch.clear();
            armed.set(true);
        }

        void release() {
            released.countDown();
        }

        @Override
        public void close() {
            released.countDown();
            server.stop(0);
        }
    }

    /** nginx in front of the given nodes, as docs/deploy.md sets it up. */
    static final class Nginx implements AutoCloseable {
        final Process process;
        final int port;

        private Nginx(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Nginx start(Path folder, List<Integer> upstream) throws Exception {
            Files.createDirectories(folder);
            int port = freePort();
            StringBuilder servers = new StringBuilder();
            for (int p : upstream) servers.append("        server 127.0.0.1:").append(p).append(" max_fails=1 fail_timeout=2s;\n");
            Files.writeString(folder.resolve("nginx.conf"), """
                    worker_processes auto;
                    daemon off;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log warn;
                    events { worker_connections 4096; }
                    http {
                        access_log off;
                        client_body_temp_path %1$s/body;
                        proxy_temp_path %1$s/proxy;
                        fastcgi_temp_path %1$s/fastcgi;
                        uwsgi_temp_path %1$s/uwsgi;
                        scgi_temp_path %1$s/scgi;
                        upstream taar {
                    %2$s        keepalive 64;
                        }
                        server {
                            listen 127.0.0.1:%3$d;
                            location / {
                                proxy_pass http://taar;
                                proxy_http_version 1.1;
                                proxy_set_header Connection "";
                                proxy_set_header Host $host;
                                proxy_next_upstream error timeout http_502 http_503;
                                proxy_connect_timeout 1s;
                                proxy_buffering off;
                            }
                        }
                    }
                    """.formatted(folder, servers, port));
            Process p = new ProcessBuilder("/usr/sbin/nginx", "-p", folder.toString(), "-c",
                    folder.resolve("nginx.conf").toString()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("nginx.out").toFile()).start();
            for (int i = 0; i < 100 && status("http://127.0.0.1:" + port + "/healthz") != 200; i++) Thread.sleep(100);
            return new Nginx(p, port);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor();
        }
    }
}
