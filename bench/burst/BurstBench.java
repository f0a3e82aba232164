import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A news burst against a running server: stories pushed open-loop at a fixed rate (new stories,
 * with updates and kills of earlier ones among them) while many readers follow {@code /events}
 * and wrk reads pages. Every latency runs from the moment a push was due, so a server that falls
 * behind shows it instead of slowing the pusher down. Prints p50/p99 for each path, the
 * {@code GET /healthz} floor measured beside them, and checks that nothing was lost and nothing
 * published twice. Run by bench/burst/run, which builds the site and starts the server.
 */
public final class BurstBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern LINK = Pattern.compile("href=\"(/[^\"/]+/[^\"/]+-[0-9]+)\"");
    static final String UPDATED_MARK = " (अद्यतन)";

    // Options.
    static String base, key;
    static int rate = 200, seconds = 300, readers = 1000, wrkConnections = 16;
    static long timeoutMs = 60_000;
    static Path headlines;

    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);

    /** What happened to one pushed story. Times are System.nanoTime(). */
    static final class Pushed {
        final int n;
        final String uri;
        final long due;
        volatile String url, status;
        volatile long accepted = -1, shown = -1, updateDue = -1, updateShown = -1, killDue = -1, gone = -1;
        volatile long onHome = -1, onSection = -1;
        volatile String headline;
        /** The story's time: with n, all it takes to write the story again for its update or kill. */
        volatile Instant created;
        Pushed(int n, String uri, long due) { this.n = n; this.uri = uri; this.due = due; }
    }

    static final Map<Integer, Pushed> pushed = new ConcurrentHashMap<>();
    static final Map<String, Pushed> byUrl = new ConcurrentHashMap<>();
    static final ConcurrentLinkedQueue<Long> acceptNanos = new ConcurrentLinkedQueue<>(); // due -> 202
    static final ConcurrentLinkedQueue<Long> sendNanos = new ConcurrentLinkedQueue<>();   // send -> 202
    static final ConcurrentLinkedQueue<Long> floorNanos = new ConcurrentLinkedQueue<>();
    static final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    static final AtomicInteger outstanding = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        String wrkArticle = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--key" -> key = args[++i];
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--readers" -> readers = Integer.parseInt(args[++i]);
                case "--timeout-ms" -> timeoutMs = Long.parseLong(args[++i]);
                case "--wrk-connections" -> wrkConnections = Integer.parseInt(args[++i]);
                case "--headlines" -> headlines = Path.of(args[++i]);
                case "--label" -> label = args[++i];
                case "--server-pid" -> serverPid = Long.parseLong(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (base == null || key == null || headlines == null) throw new IllegalArgumentException("--base, --key and --headlines are required");
        StoryWriter writer = new StoryWriter(20261203L, StoryWriter.realHeadlines(headlines));
        int total = rate * seconds;
        System.out.printf(Locale.ROOT, "burst %s: %d pushes at %d/s for %d s (one in ten an update, one in twenty a kill), "
                + "%d readers on /events, wrk %d connections on article, home and section pages%n",
                label, total, rate, seconds, readers, wrkConnections);

        warmUp(writer);

        // The pages wrk reads: the newest article on the home page and its section.
        String home = get("/").body();
        Matcher m = LINK.matcher(home);
        if (!m.find()) throw new IllegalStateException("no article link on the home page");
        String article = m.group(1);
        String section = article.substring(0, article.indexOf('/', 1) + 1);

        EventReaders events = new EventReaders(readers);
        events.connectAll();
        System.out.printf(Locale.ROOT, "readers: %d of %d connected%n", events.connected(), readers);

        List<Wrk> wrk = List.of(new Wrk("article", article), new Wrk("home", "/"), new Wrk(section.substring(1, section.length() - 1), section));
        wrk.forEach(Wrk::start);
        Pollers pollers = new Pollers(section);
        pollers.start();

        double serverCpu0 = cpuSeconds(serverPid), clientCpu0 = cpuSeconds(-1), jit0 = jitSeconds(serverPid);
        long t0 = System.nanoTime() + 200_000_000L;
        long period = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = t0 + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            push(writer, i, due);
        }
        long burstEnd = System.nanoTime();
        System.out.printf(Locale.ROOT, "pushes sent in %.1f s (%.1f/s); waiting for the last ones ...%n",
                (burstEnd - t0) / 1e9, total / ((burstEnd - t0) / 1e9));
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (outstanding.get() > 0 && System.nanoTime() < deadline) Thread.sleep(50);
        long settled = System.nanoTime();
        double serverCpu = cpuSeconds(serverPid) - serverCpu0, clientCpu = cpuSeconds(-1) - clientCpu0,
                jit = jitSeconds(serverPid) - jit0;
        pollers.stop();
        for (Wrk w : wrk) w.await();
        if (serverPid > 0) {
            System.out.printf(Locale.ROOT, "cpu from the first push until every push was answered and followed (%.1f s): "
                    + "server %.1f s (%.1f ms a push, wrk's and the readers' requests included; of it its JIT compiler "
                    + "threads %.1f s), this client %.1f s; %d cores%n",
                    (settled - t0) / 1e9, serverCpu, 1000 * serverCpu / total, jit, clientCpu, Runtime.getRuntime().availableProcessors());
        }
        // Every published story's event, at every reader: wait for the last of them (at most 30 s).
        long eventsDeadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < eventsDeadline && events.missingAtSlowest() > 0) Thread.sleep(100);
        events.stop();
        report(events, wrk, pollers);
        check(events, t0);
        timer.shutdownNow();
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    /**
     * Stories pushed before the burst (a minute at 30 a second), not counted: the server starts cold.
     * After 300 the JIT compilers took a quarter of the server's CPU in a burst of 50 a second, and
     * after 1,500 they still compiled for 30 s of a 41 s burst (jstat's elapsed time): the compiler
     * threads' CPU during the burst is printed.
     */
    static int warmup = 1800;

    /**
     * Pushes {@code warmup} stories of their own uris at 30 a second, each read once when answered,
     * then waits for the server to settle: what is measured after is a server that has run a while,
     * as a portal's has when news breaks.
     */
    static void warmUp(StoryWriter writer) throws Exception {
        if (warmup <= 0) return;
        long t0 = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<?>> answered = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            long wait = t0 + i * (1_000_000_000L / 30) - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            StoryWriter.Story s = writer.story(1_000_000 + i, Instant.now());
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .timeout(Duration.ofMillis(timeoutMs))
                    .POST(HttpRequest.BodyPublishers.ofString(ImportBench.ninjs(s, "urn:bench:warmup:" + i).toString())).build();
            answered.add(http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).thenCompose(r -> {
                String url = r.statusCode() == 202 ? readUrl(r.body()) : null;
                return url == null ? java.util.concurrent.CompletableFuture.completedFuture(null)
                        : http.sendAsync(HttpRequest.newBuilder(URI.create(base + url)).build(), HttpResponse.BodyHandlers.discarding());
            }));
        }
        for (var f : answered) f.get(timeoutMs, TimeUnit.MILLISECONDS);
        Thread.sleep(2000);
        System.out.printf(Locale.ROOT, "warm-up: %d stories pushed and read in %.1f s, not counted%n", warmup, (System.nanoTime() - t0) / 1e9);
    }

    static String readUrl(String answer) {
        try {
            return JSON.readTree(answer).path("url").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    static String label = "";
    static long serverPid = -1;

    /**
     * CPU seconds the server's JIT compiler threads ("C1 CompilerThre...", "C2 CompilerThre...") have
     * used so far, from /proc; NaN where unknown. A server a minute old still compiles: this says how
     * much of a burst's CPU was that rather than the burst's work.
     */
    static double jitSeconds(long pid) {
        if (pid <= 0) return Double.NaN;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            double sum = 0;
            for (Path t : tasks.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).strip();
                    if (!comm.matches("C[12] CompilerThre.*")) continue;
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                } catch (IOException gone) {
                    // a thread that ended meanwhile
                }
            }
            return sum;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** CPU seconds (user + system) a process has used so far, from /proc; -1 where unknown. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + (pid < 0 ? "self" : String.valueOf(pid)) + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // utime, stime in clock ticks (100 Hz)
        } catch (Exception e) {
            return -1;
        }
    }

    // ---- pushing ----

    /** Push i: a new story, except every tenth (an update of an earlier story) and every twentieth (a kill). */
    static void push(StoryWriter writer, int i, long due) {
        if (i >= 100 && i % 20 == 7) {
            Pushed p = pushed.get(i - 97); // a story about half a second old, already on the site
            if (p != null && p.shown > 0 && p.killDue < 0 && p.updateDue < 0) {
                p.killDue = due;
                send(kill(writer, p), due, answer -> follow(p, p.url, due, 410, null, t -> p.gone = t));
                return;
            }
        } else if (i >= 100 && i % 10 == 3) {
            Pushed p = pushed.get(i - 53);
            if (p != null && p.url != null && p.killDue < 0 && p.updateDue < 0 && "published".equals(p.status)) {
                p.updateDue = due;
                String headline = p.headline + UPDATED_MARK;
                send(update(writer, p, headline), due, answer -> follow(p, p.url, due, 200, headline, t -> p.updateShown = t));
                return;
            }
        }
        Pushed p = new Pushed(i, "urn:bench:burst:" + i, due);
        p.created = Instant.now();
        StoryWriter.Story s = writer.story(i, p.created);
        p.headline = s.headline();
        pushed.put(i, p);
        send(ImportBench.ninjs(s, p.uri).toString(), due, answer -> {
            p.url = answer.path("url").asText(null);
            p.status = answer.path("status").asText();
            if (p.url != null) byUrl.put(p.url, p);
            if ("published".equals(p.status)) follow(p, p.url, due, 200, null, t -> p.shown = t);
        });
    }

    static String update(StoryWriter writer, Pushed p, String headline) {
        ObjectNode o = ImportBench.ninjs(writer.story(p.n, p.created), p.uri);
        o.put("headline", headline);
        o.put("version", "2");
        o.put("versioncreated", Instant.now().toString());
        return o.toString();
    }

    static String kill(StoryWriter writer, Pushed p) {
        ObjectNode o = ImportBench.ninjs(writer.story(p.n, p.created), p.uri);
        o.put("pubstatus", "canceled");
        o.put("version", "3");
        o.put("versioncreated", Instant.now().toString());
        return o.toString();
    }

    static void send(String body, long due, java.util.function.Consumer<JsonNode> then) {
        outstanding.incrementAndGet();
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .timeout(Duration.ofMillis(timeoutMs))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = System.nanoTime();
        http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            long now = System.nanoTime();
            try {
                if (e != null) { failures.add("push failed: " + e); return; }
                if (r.statusCode() != 202) { failures.add("push answered " + r.statusCode() + ": " + r.body()); return; }
                acceptNanos.add(now - due);
                sendNanos.add(now - sent);
                then.accept(JSON.readTree(r.body()));
            } catch (Exception x) {
                failures.add("push answer: " + x);
            } finally {
                outstanding.decrementAndGet();
            }
        });
    }

    /** Checks waiting for their story's event, by "published /url", "updated /url" or "killed /url". */
    static final Map<String, Runnable> waiting = new ConcurrentHashMap<>();
    /** Between checks when no event came: the events lead, so this is only a fallback. */
    static final long FALLBACK_MS = 250;

    /**
     * Waits until {@code path} answers {@code status} (and holds {@code text}), records when. It is
     * checked at once, again when the story's event reaches the readers, and every 250 ms besides:
     * polling every story every 10 ms would, with thousands of stories pending in a burst, be a load
     * of its own far beyond the burst's.
     */
    static void follow(Pushed p, String path, long due, int status, String text, java.util.function.LongConsumer done) {
        if (path == null) { failures.add("push " + p.n + ": no url in the answer"); return; }
        outstanding.incrementAndGet();
        String key = (status == 410 ? "killed " : text != null ? "updated " : "published ") + path;
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        waiting.put(key, () -> check(key, path, due, status, text, done, finished, false));
        check(key, path, due, status, text, done, finished, true);
    }

    private static void check(String key, String path, long due, int status, String text,
                              java.util.function.LongConsumer done, java.util.concurrent.atomic.AtomicBoolean finished,
                              boolean chain) {
        if (finished.get()) return;
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMillis(timeoutMs)).build();
        http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
            long now = System.nanoTime();
            if (e == null && r.statusCode() == status && (text == null || r.body().contains(text))) {
                if (finished.compareAndSet(false, true)) {
                    done.accept(now);
                    waiting.remove(key);
                    outstanding.decrementAndGet();
                }
            } else if (!chain) {
                return; // an event's extra check: the chain goes on
            } else if (now - due > timeoutMs * 1_000_000L) {
                if (finished.compareAndSet(false, true)) {
                    failures.add(path + " not " + status + (text == null ? "" : " with its update") + " after " + timeoutMs + " ms"
                            + (e != null ? " (" + e + ")" : " (answered " + r.statusCode() + ")"));
                    waiting.remove(key);
                    outstanding.decrementAndGet();
                }
            } else {
                timer.schedule(() -> check(key, path, due, status, text, done, finished, true), FALLBACK_MS, TimeUnit.MILLISECONDS);
            }
        });
    }

    static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // ---- the home page, a section page and the floor, polled during the burst ----

    static final class Pollers {
        final String section;
        final ConcurrentLinkedQueue<Long> homeNanos = new ConcurrentLinkedQueue<>(), sectionNanos = new ConcurrentLinkedQueue<>();
        volatile boolean running = true;
        final List<Thread> threads = new ArrayList<>();

        Pollers(String section) { this.section = section; }

        void start() {
            threads.add(daemon(() -> watch("/", homeNanos, true)));
            threads.add(daemon(() -> watch(section, sectionNanos, false)));
            threads.add(daemon(() -> {
                while (running) {
                    long t = System.nanoTime();
                    try {
                        if (get("/healthz").statusCode() == 200) floorNanos.add(System.nanoTime() - t);
                        Thread.sleep(50);
                    } catch (Exception e) { return; }
                }
            }));
        }

        /** Every 100 ms: which pushed stories the page links to that it did not before; how long since each was due. */
        void watch(String path, ConcurrentLinkedQueue<Long> lags, boolean home) {
            while (running) {
                try {
                    String page = get(path).body();
                    long now = System.nanoTime();
                    Matcher m = LINK.matcher(page);
                    while (m.find()) {
                        Pushed p = byUrl.get(m.group(1));
                        if (p == null) continue;
                        if (home && p.onHome < 0) { p.onHome = now; lags.add(now - p.due); }
                        if (!home && p.onSection < 0) { p.onSection = now; lags.add(now - p.due); }
                    }
                    Thread.sleep(100);
                } catch (Exception e) { return; }
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread t : threads) t.join(5_000);
        }
    }

    // ---- wrk ----

    static final class Wrk {
        final String name, path;
        Process process;
        String output = "";

        Wrk(String name, String path) { this.name = name; this.path = path; }

        void start() {
            try {
                process = new ProcessBuilder("wrk", "-t1", "-c" + wrkConnections, "-d" + seconds + "s", "--latency",
                        "-H", "Accept-Encoding: gzip", base + path).redirectErrorStream(true).start();
            } catch (IOException e) {
                failures.add("wrk did not start: " + e);
            }
        }

        void await() throws Exception {
            if (process == null) return;
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
        }

        String figure(String pattern) {
            Matcher m = Pattern.compile(pattern).matcher(output);
            return m.find() ? m.group(1) : "?";
        }
    }

    // ---- /events readers: plain sockets on one selector, so that a thousand cost the server, not the client ----

    static final class EventReaders {
        final int count;
        final Selector selector;
        final List<Reader> all = new ArrayList<>();
        final AtomicLongArray lagMs = new AtomicLongArray(120_001); // events by ms from due to arrival, every reader
        final Map<Long, String> eventsById = new ConcurrentHashMap<>();
        volatile boolean running = true;
        Thread loop;
        final String host;
        final int port;

        EventReaders(int count) throws IOException {
            this.count = count;
            this.selector = Selector.open();
            URI u = URI.create(base);
            host = u.getHost();
            port = u.getPort();
        }

        /** Events of the burst's standing stories that the slowest reader has not had. */
        long missingAtSlowest() {
            Set<String> expected = new HashSet<>();
            for (Pushed p : pushed.values()) {
                if ("published".equals(p.status) && p.url != null && p.killDue < 0) expected.add("published " + p.url);
                if (p.gone > 0) expected.add("killed " + p.url);
            }
            expected.removeAll(eventsById.values());
            long slowest = all.stream().mapToLong(r -> r.received).min().orElse(0);
            return expected.size() + (eventsById.size() - slowest);
        }

        int connected() {
            return (int) all.stream().filter(r -> r.headersDone).count();
        }

        void connectAll() throws Exception {
            for (int i = 0; i < count; i++) {
                Reader r = new Reader(i);
                all.add(r);
                r.open(-1);
            }
            loop = daemon(this::run);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (connected() < count && System.nanoTime() < deadline) Thread.sleep(50);
        }

        void run() {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 16);
            byte[] bytes = new byte[1 << 16];
            while (running) {
                try {
                    selector.select(100);
                    for (SelectionKey k : selector.selectedKeys()) {
                        Reader r = (Reader) k.attachment();
                        buf.clear();
                        int n;
                        try {
                            n = r.channel.read(buf);
                        } catch (IOException e) {
                            n = -1;
                        }
                        if (n < 0) { r.closed(); continue; }
                        buf.flip();
                        buf.get(bytes, 0, n);
                        r.feed(bytes, n);
                    }
                    selector.selectedKeys().clear();
                } catch (IOException e) {
                    failures.add("event readers: " + e);
                    return;
                }
            }
        }

        void stop() throws Exception {
            running = false;
            loop.join(5_000);
            for (Reader r : all) r.channel.close();
        }

        /** One reader: HTTP/1.1 chunked body (Jetty's) de-chunked, then SSE lines. */
        final class Reader {
            final int index;
            SocketChannel channel;
            boolean headersDone;
            final StringBuilder head = new StringBuilder();
            long chunkLeft = -1; // -1: reading a size line
            final StringBuilder sizeLine = new StringBuilder();
            long lastId = -1, received, duplicates, reconnects;
            char event;
            long eventId = -1;

            /** Every tenth reader measures how long each event took to reach it. */
            final boolean sampled;

            Reader(int index) {
                this.index = index;
                this.sampled = index % 10 == 0;
            }

            void open(long lastEventId) throws IOException {
                channel = SocketChannel.open(new InetSocketAddress(host, port));
                String req = "GET /events HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: text/event-stream\r\n"
                        + (lastEventId >= 0 ? "Last-Event-ID: " + lastEventId + "\r\n" : "") + "\r\n";
                channel.write(ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII)));
                channel.configureBlocking(false);
                channel.register(selector, SelectionKey.OP_READ, this);
                headersDone = false;
                head.setLength(0);
                chunkLeft = -1;
            }

            /** The server closed the stream (a reader too slow is dropped): reconnect as a browser does. */
            void closed() {
                try {
                    channel.close();
                    if (!running) return;
                    reconnects++;
                    open(lastId);
                } catch (IOException e) {
                    failures.add("reader " + index + " could not reconnect: " + e);
                }
            }

            void feed(byte[] b, int n) {
                int i = 0;
                while (i < n) {
                    if (!headersDone) {
                        head.append((char) b[i++]);
                        if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                            headersDone = true;
                            if (!head.toString().startsWith("HTTP/1.1 200")) {
                                failures.add("reader " + index + ": " + head.toString().lines().findFirst().orElse(""));
                            }
                        }
                    } else if (chunkLeft < 0) {
                        char c = (char) b[i++];
                        if (c == '\n') {
                            String s = sizeLine.toString().trim();
                            sizeLine.setLength(0);
                            if (!s.isEmpty()) chunkLeft = Long.parseLong(s, 16);
                        } else {
                            sizeLine.append(c);
                        }
                    } else if (chunkLeft == 0) {
                        i++; // the CRLF after a chunk's data: back to a size line at its LF
                        if (b[i - 1] == '\n') chunkLeft = -1;
                    } else {
                        int take = (int) Math.min(chunkLeft, n - i);
                        for (int j = i; j < i + take; j++) sse(b[j]);
                        i += take;
                        chunkLeft -= take;
                    }
                }
            }

            /**
             * One byte of the event stream. Lines are looked at as bytes: a thousand readers parse
             * 200 events a second each, and the client must not take the cores the server needs.
             * Only the first reader to see an event, and every tenth reader (the delivery lag),
             * decode its data.
             */
            private void sse(byte c) {
                if (c != '\n') {
                    if (lineLen < lineBuf.length) lineBuf[lineLen++] = c;
                    return;
                }
                if (lineLen == 0) {
                    dispatch();
                } else if (starts("id: ")) {
                    long v = 0;
                    for (int i = 4; i < lineLen; i++) if (lineBuf[i] >= '0' && lineBuf[i] <= '9') v = v * 10 + (lineBuf[i] - '0');
                    eventId = v;
                } else if (starts("event: ")) {
                    event = lineLen > 7 ? (char) lineBuf[7] : '?'; // published, updated, killed
                } else if (starts("data: ") && event != 0 && (sampled || !eventsById.containsKey(eventId))) {
                    data = new String(lineBuf, 6, lineLen - 6, StandardCharsets.UTF_8);
                }
                lineLen = 0;
            }

            private boolean starts(String prefix) {
                if (lineLen < prefix.length()) return false;
                for (int i = 0; i < prefix.length(); i++) if (lineBuf[i] != prefix.charAt(i)) return false;
                return true;
            }

            private final byte[] lineBuf = new byte[8192];
            private int lineLen;
            private String data;

            private void dispatch() {
                if (event != 0 && eventId >= 0) {
                    if (eventId <= lastId) duplicates++;
                    else {
                        received++;
                        String url = data == null ? null : field(data);
                        String kind = event == 'k' ? "killed" : event == 'u' ? "updated" : "published";
                        if (url != null && eventsById.putIfAbsent(eventId, kind + " " + url) == null) {
                            Runnable check = waiting.get(kind + " " + url);
                            if (check != null) check.run();
                        }
                        Pushed p = url == null || !sampled ? null : byUrl.get(url);
                        if (p != null) {
                            long due = event == 'k' ? p.killDue : event == 'u' ? p.updateDue : p.due;
                            if (due > 0) lagMs.incrementAndGet((int) Math.min(120_000, (System.nanoTime() - due) / 1_000_000));
                        }
                    }
                }
                if (eventId >= 0) lastId = Math.max(lastId, eventId);
                event = 0;
                data = null;
                eventId = -1;
            }
        }
    }

    static final Pattern URL_FIELD = Pattern.compile("\"url\":\"([^\"]*)\"");

    static String field(String json) {
        Matcher m = URL_FIELD.matcher(json);
        return m.find() ? m.group(1) : null;
    }

    // ---- the report ----

    static void report(EventReaders events, List<Wrk> wrk, Pollers pollers) {
        List<Long> shown = new ArrayList<>(), updated = new ArrayList<>(), gone = new ArrayList<>();
        int fresh = 0, duplicates = 0, held = 0;
        for (Pushed p : pushed.values()) {
            fresh++;
            if ("duplicate".equals(p.status)) duplicates++;
            else if (p.status != null && !"published".equals(p.status)) held++;
            if (p.shown > 0) shown.add(p.shown - p.due);
            if (p.updateShown > 0) updated.add(p.updateShown - p.updateDue);
            if (p.gone > 0) gone.add(p.gone - p.killDue);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "pushed: %d new stories (%d answered duplicate, %d held), %d updates, %d kills%n",
                fresh, duplicates, held, pushed.values().stream().filter(p -> p.updateDue > 0).count(),
                pushed.values().stream().filter(p -> p.killDue > 0).count());
        System.out.printf(Locale.ROOT, "%-46s %8s %8s %8s %8s %8s%n", "ms (from when each push was due)", "count", "p50", "p90", "p99", "max");
        row("floor: GET /healthz during the burst", new ArrayList<>(floorNanos));
        row("push: POST sent -> 202", new ArrayList<>(sendNanos));
        row("push: due -> 202", new ArrayList<>(acceptNanos));
        row("wire to web: due -> article 200", shown);
        row("update: due -> article shows it", updated);
        row("kill: due -> article 410", gone);
        row("new story on the home page (those seen)", new ArrayList<>(pollers.homeNanos));
        row("new story on " + pollers.section + " (those seen)", new ArrayList<>(pollers.sectionNanos));
        long[] lag = new long[events.lagMs.length()];
        long n = 0;
        for (int i = 0; i < lag.length; i++) { lag[i] = events.lagMs.get(i); n += lag[i]; }
        System.out.printf(Locale.ROOT, "%-46s %8d %8d %8d %8d%n", "event at a reader: due -> received (every 10th)", n,
                histPct(lag, n, 50), histPct(lag, n, 90), histPct(lag, n, 99));
        System.out.println();
        for (Wrk w : wrk) {
            System.out.printf(Locale.ROOT, "wrk %-10s %s req/s, p50 %s, p99 %s%n", w.name, w.figure("Requests/sec:\\s+([0-9.]+)"),
                    w.figure("\\s50%\\s+([0-9.]+\\w+)"), w.figure("\\s99%\\s+([0-9.]+\\w+)"));
            String errors = w.figure("(Non-2xx or 3xx responses: \\d+)");
            if (!errors.equals("?")) failures.add("wrk " + w.name + ": " + errors);
        }
        long drops = events.all.stream().mapToLong(r -> r.reconnects).sum();
        System.out.printf(Locale.ROOT, "readers: %d, events each (min / max): %d / %d, of %d distinct; reconnects after a drop: %d%n",
                events.all.size(), events.all.stream().mapToLong(r -> r.received).min().orElse(0),
                events.all.stream().mapToLong(r -> r.received).max().orElse(0), events.eventsById.size(), drops);
        System.out.println();
        System.out.printf(Locale.ROOT, "targets (issue 15): push p99 < 20 ms: %s; wire to web p99 < 50 ms: %s; home p99 < 250 ms: %s; kill p99 < 250 ms: %s%n",
                met(new ArrayList<>(acceptNanos), 20), met(shown, 50), met(new ArrayList<>(pollers.homeNanos), 250), met(gone, 250));
    }

    /** Nothing lost, nothing twice: every story as it should be, once in the API, every event at every reader once. */
    static void check(EventReaders events, long t0) throws Exception {
        int lost = 0;
        for (Pushed p : pushed.values()) {
            if (!"published".equals(p.status) && !"duplicate".equals(p.status)) { failures.add("push " + p.n + ": " + p.status); lost++; }
            else if ("published".equals(p.status) && p.shown < 0) lost++;
        }
        // The API lists every published story once, oldest first: each of the burst's uris at most once,
        // and every one published and not killed.
        Map<String, Integer> listed = new java.util.HashMap<>();
        String since = Instant.now().minus(Duration.ofNanos(System.nanoTime() - t0)).minusSeconds(60).toString();
        String cursor = null;
        do {
            JsonNode page = JSON.readTree(get("/api/v1/stories?limit=200&since=" + since + (cursor == null ? "" : "&cursor=" + cursor)).body());
            for (JsonNode item : page.path("items")) listed.merge(item.path("uri").asText(), 1, Integer::sum);
            cursor = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (cursor != null);
        long twice = listed.values().stream().filter(c -> c > 1).count();
        long expected = 0, missing = 0, killedListed = 0;
        for (Pushed p : pushed.values()) {
            if (!"published".equals(p.status)) continue;
            boolean killed = p.killDue > 0;
            if (!killed) expected++;
            if (!killed && !listed.containsKey(p.uri)) missing++;
            if (killed && listed.containsKey(p.uri)) killedListed++;
        }
        long eventsLost = events.missingAtSlowest();
        long eventsTwice = events.all.stream().mapToLong(r -> r.duplicates).sum();
        System.out.printf(Locale.ROOT, "check: stories lost %d; the API lists %d of the %d published and standing (missing %d), "
                + "%d twice, %d killed; events (published, killed) missed by the slowest reader %d, received twice %d%n",
                lost, expected - missing, expected, missing, twice, killedListed, eventsLost, eventsTwice);
        if (lost > 0 || twice > 0 || missing > 0 || killedListed > 0 || eventsTwice > 0) failures.add("nothing lost, nothing twice: NO");
        if (eventsLost > 0) failures.add("a reader missed " + eventsLost + " events");
        failures.stream().limit(20).forEach(f -> System.out.println("FAIL " + f));
        if (failures.size() > 20) System.out.println("FAIL ... and " + (failures.size() - 20) + " more");
        System.out.println(failures.isEmpty() ? "nothing lost, nothing twice: yes" : "burst: FAILED (" + failures.size() + ")");
    }

    static String met(List<Long> nanos, double ms) {
        if (nanos.isEmpty()) return "no samples";
        double p99 = pct(nanos.stream().mapToLong(Long::longValue).sorted().toArray(), 99) / 1e6;
        return String.format(Locale.ROOT, "%s (%.0f ms)", p99 < ms ? "met" : "NOT met", p99);
    }

    static void row(String name, List<Long> nanos) {
        if (nanos.isEmpty()) { System.out.printf(Locale.ROOT, "%-46s %8d%n", name, 0); return; }
        long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-46s %8d %8.1f %8.1f %8.1f %8.1f%n", name, s.length,
                pct(s, 50) / 1e6, pct(s, 90) / 1e6, pct(s, 99) / 1e6, s[s.length - 1] / 1e6);
    }

    static long pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long histPct(long[] counts, long total, double p) {
        long rank = (long) Math.ceil(p / 100.0 * total), sum = 0;
        for (int i = 0; i < counts.length; i++) if ((sum += counts[i]) >= rank) return i;
        return counts.length - 1;
    }
}
