import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kill-to-gone: for each of N cycles, push a fresh story and time until every surface shows it
 * (the baseline), then push its kill and time until no surface shows it. Surfaces: the article
 * (200 / 410), home, section page, tag pages, /feed.xml, the section feed, the month sitemap,
 * /sitemap-news.xml, /search for the story's own word, /api/v1/stories/{id} and the list, an
 * article whose related block lists the story (when one does), and the event on a held-open
 * /events connection. JDK only; run by bench/kill/run.
 */
public class KillBench {
    static final String[] SECTIONS = {"देश", "विदेश", "खेल", "कारोबार"};
    static final String[] SLUGS = {"india", "world", "sports", "business"};
    static final String[] TOPICS = {"संसद बजट सत्र वित्त मंत्री", "क्रिकेट टेस्ट शतक बल्लेबाज़", "मानसून बारिश किसान फसल",
            "चुनाव आयोग मतदान नतीजे", "शेयर बाज़ार सेंसेक्स निवेशक", "राजनयिक वार्ता समझौता दूतावास"};
    static final Pattern RELATED = Pattern.compile("href=\"(/[a-z]+/[^\"]+-[0-9]+)\"");

    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static String base, key;
    static int pollMs = 10;
    static final Map<String, Long> eventSeen = new ConcurrentHashMap<>(); // "killed /path" -> nanoTime

    public static void main(String[] args) throws Exception {
        int stories = 300, kills = 60;
        String csv = null;
        String attack = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--key" -> key = args[++i];
                case "--stories" -> stories = Integer.parseInt(args[++i]);
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                case "--poll-ms" -> pollMs = Integer.parseInt(args[++i]);
                case "--csv" -> csv = args[++i];
                case "--attack" -> attack = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Thread events = new Thread(KillBench::followEvents, "events");
        events.setDaemon(true);
        events.start();
        long t = System.nanoTime();
        for (int i = 0; i < stories; i++) push(story(i, false));
        System.err.printf("kill bench: %d stories pushed in %d ms%n", stories, (System.nanoTime() - t) / 1_000_000);
        Thread.sleep(3_000); // let listings, sitemaps and related blocks settle
        for (int i = 0; i < 3; i++) cycle(100_000 + i, null, ""); // warm-up, not counted

        StringBuilder rows = new StringBuilder("cycle,phase,surface,ms\n");
        List<Map<String, Long>>[] quiet = cycles(kills, 200_000, rows, "");
        report("", quiet[0], quiet[1]);
        if (attack != null) {
            // The same cycles again while hostile clients run beside them: the ratio is the attack's cost.
            try (Attack a = new Attack(URI.create(base), attack)) {
                Thread.sleep(2_000); // let every attacker be in place
                List<Map<String, Long>>[] attacked = cycles(kills, 300_000, rows, "attack-");
                report(" under attack (" + attack + ": " + a.describe() + ")", attacked[0], attacked[1]);
                double q = pct(col(quiet[1], "ALL"), 99), h = pct(col(attacked[1], "ALL"), 99);
                System.out.printf("%nkill p99 under attack / quiet: %.0f / %.0f ms = %.2fx; under attack %s the 1,000 ms target%n",
                        h, q, h / q, h <= 1_000 ? "meets" : "MISSES");
            }
        }
        if (csv != null) Files.writeString(Path.of(csv), rows);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Long>>[] cycles(int kills, int first, StringBuilder rows, String phase) throws Exception {
        List<Map<String, Long>> pub = new ArrayList<>(), gone = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            Map<String, Long>[] r = cycle(first + k, rows, phase);
            pub.add(r[0]);
            gone.add(r[1]);
        }
        return new List[] {pub, gone};
    }

    static void report(String when, List<Map<String, Long>> pub, List<Map<String, Long>> gone) {
        print("publish (baseline)" + when + ": story pushed -> shown on every surface", pub);
        print("kill" + when + ": kill pushed -> gone from every surface", gone);
        double p50 = pct(col(gone, "ALL"), 50), p99 = pct(col(gone, "ALL"), 99);
        System.out.printf("%nkill/publish ratio%s: p50 %.2f, p99 %.2f; kill p99 %s the 1,000 ms target%n", when,
                p50 / pct(col(pub, "ALL"), 50), p99 / pct(col(pub, "ALL"), 99), p99 <= 1_000 ? "meets" : "MISSES");
        long related = gone.stream().filter(m -> m.containsKey("related")).count();
        System.out.printf("related-block surface present in %d of %d kills (an article listed the story before its kill)%n",
                related, gone.size());
    }

    /** Publishes story n, waits until shown everywhere; kills it, waits until gone everywhere. */
    @SuppressWarnings("unchecked")
    static Map<String, Long>[] cycle(int n, StringBuilder rows, String phase) throws Exception {
        String token = token(n);
        String section = SLUGS[n % SLUGS.length];
        String since = java.time.Instant.now().minusSeconds(1).toString();
        long t0 = System.nanoTime();
        String answer = push(story(n, false));
        String path = field(answer, "url");
        long id = Long.parseLong(path.substring(path.lastIndexOf('-') + 1));
        Map<String, Predicate<Void>> shown = surfaces(path, id, section, token, n, true, null, since);
        Map<String, Long> pub = waitAll(shown, t0, "published " + path);
        // An article whose related block lists this story, if any.
        String relatedOn = null;
        for (Matcher m = RELATED.matcher(get(path).body()); m.find() && relatedOn == null; ) {
            String other = m.group(1);
            if (!other.equals(path) && get(other).body().contains("\"" + path + "\"")) relatedOn = other;
        }
        long t1 = System.nanoTime();
        push(story(n, true));
        Map<String, Long> gone = waitAll(surfaces(path, id, section, token, n, false, relatedOn, since), t1, "killed " + path);
        if (rows != null) {
            pub.forEach((s, ms) -> rows.append(n).append(',').append(phase).append("publish,").append(s).append(',').append(ms).append('\n'));
            gone.forEach((s, ms) -> rows.append(n).append(',').append(phase).append("kill,").append(s).append(',').append(ms).append('\n'));
        }
        return new Map[] {pub, gone};
    }

    static Map<String, Predicate<Void>> surfaces(String path, long id, String section, String token, int n,
                                                  boolean wantShown, String relatedOn, String since) {
        String quoted = "\"" + path + "\"";
        Map<String, Predicate<Void>> s = new LinkedHashMap<>();
        s.put("article", v -> status(path) == (wantShown ? 200 : 410));
        s.put("home", v -> get("/").body().contains(quoted) == wantShown);
        s.put("section", v -> get("/" + section + "/").body().contains(quoted) == wantShown);
        s.put("tag", v -> {
            // The tag page's address is the one the article links to (the slug is the server's to choose).
            String tag = TAGS.computeIfAbsent(path, p -> {
                Matcher m = Pattern.compile("href=\"(/tag/[^\"]+/)\"").matcher(get(p).body());
                return m.find() ? m.group(1) : null;
            });
            return tag != null && get(tag).body().contains(quoted) == wantShown;
        });
        s.put("feed.xml", v -> get("/feed.xml").body().contains(path + "<") == wantShown);
        s.put("section-feed", v -> get("/" + section + "/feed.xml").body().contains(path + "<") == wantShown);
        s.put("sitemap-month", v -> monthSitemaps().contains(path + "<") == wantShown);
        s.put("sitemap-news", v -> get("/sitemap-news.xml").body().contains(path + "<") == wantShown);
        s.put("search", v -> get("/search?q=" + token).body().contains(quoted) == wantShown);
        s.put("api-story", v -> { int st = status("/api/v1/stories/" + id); return wantShown ? st == 200 : st == 404 || st == 410; });
        // The list runs oldest first from ?since=, 50 a page: ask from just before this cycle's push,
        // when only this cycle's story can be in it (the seeded ones went in well before).
        s.put("api-list", v -> get("/api/v1/stories?limit=200&since=" + since).body().contains(path) == wantShown);
        if (relatedOn != null) s.put("related", v -> get(relatedOn).body().contains(quoted) == wantShown);
        String event = (wantShown ? "published " : "killed ") + path;
        s.put("events", v -> eventSeen.containsKey(event));
        return s;
    }

    /** Polls every surface in parallel; returns ms from t0 until each was first right, and ALL. */
    static Map<String, Long> waitAll(Map<String, Predicate<Void>> surfaces, long t0, String what) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(surfaces.size());
        Map<String, Future<Long>> f = new LinkedHashMap<>();
        long deadline = t0 + 30_000_000_000L;
        for (var e : surfaces.entrySet()) {
            f.put(e.getKey(), pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    if (e.getValue().test(null)) {
                        String ev = what;
                        long at = e.getKey().equals("events") ? eventSeen.get(ev) : System.nanoTime();
                        return (at - t0) / 1_000_000;
                    }
                    Thread.sleep(pollMs);
                }
                throw new IllegalStateException(what + ": " + e.getKey() + " not right after 30 s");
            }));
        }
        Map<String, Long> out = new LinkedHashMap<>();
        long all = 0;
        try {
            for (var e : f.entrySet()) {
                long ms = e.getValue().get();
                out.put(e.getKey(), ms);
                all = Math.max(all, ms);
            }
        } finally {
            // A surface that never came right ends the run; the pool's threads must not keep the JVM alive.
            pool.shutdownNow();
        }
        out.put("ALL", all);
        return out;
    }

    static void followEvents() {
        while (true) {
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create(base + "/events")).build(),
                        HttpResponse.BodyHandlers.ofLines());
                String kind = null;
                for (var it = r.body().iterator(); it.hasNext(); ) {
                    String line = it.next();
                    if (line.startsWith("event: ")) kind = line.substring(7).trim();
                    else if (line.startsWith("data: ") && kind != null) {
                        String url = field(line, "url");
                        if (url != null) eventSeen.putIfAbsent(kind + " " + url, System.nanoTime());
                    }
                }
            } catch (Exception e) {
                try { Thread.sleep(100); } catch (InterruptedException x) { return; }
            }
        }
    }

    static String monthSitemaps() {
        StringBuilder b = new StringBuilder();
        Matcher m = Pattern.compile("<loc>[^<]*(/sitemap-[0-9]{4}-[0-9]{2}\\.xml)</loc>").matcher(get("/sitemap.xml").body());
        while (m.find()) b.append(get(m.group(1)).body());
        return b.toString();
    }

    static String token(int n) {
        StringBuilder b = new StringBuilder("kb");
        for (int i = 0, x = n; i < 4; i++, x /= 26) b.append((char) ('a' + x % 26));
        return b.append("q").toString();
    }

    static final Map<String, String> TAGS = new ConcurrentHashMap<>();

    static byte[] story(int n, boolean kill) {
        String topic = TOPICS[n % TOPICS.length];
        String headline = token(n) + " " + topic + " पर नई ख़बर " + n;
        return ("Headline: " + headline + "\nSummary: " + topic + " से जुड़ी ख़बर\nSection: " + SECTIONS[n % SECTIONS.length]
                + "\nTags: " + (n % 2 == 0 ? "दिल्ली" : "मुंबई") + "\nAgency: IANS\nURI: urn:killbench:" + n
                + "\nVersion: " + (kill ? 2 : 1) + "\n" + (kill ? "Status: canceled\n" : "")
                + "\nनई दिल्ली, 12 जुलाई (आईएएनएस)। " + headline + "। " + topic + " के बारे में पहला अनुच्छेद।\n\n"
                + topic + " पर दूसरा अनुच्छेद, जिसमें और जानकारी है।\n").getBytes(StandardCharsets.UTF_8);
    }

    static String push(byte[] body) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) throw new IllegalStateException("push answered " + r.statusCode() + ": " + r.body());
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int status(String path) {
        return get(path).statusCode();
    }

    static long[] col(List<Map<String, Long>> rows, String surface) {
        return rows.stream().filter(m -> m.containsKey(surface)).mapToLong(m -> m.get(surface)).sorted().toArray();
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static void print(String title, List<Map<String, Long>> rows) {
        System.out.printf("%n%s (%d cycles), ms%n%-14s %7s %7s %7s%n", title, rows.size(), "surface", "p50", "p99", "max");
        for (String s : rows.get(0).keySet().stream().filter(x -> !x.equals("ALL")).toList()) line(s, col(rows, s));
        if (rows.stream().anyMatch(m -> m.containsKey("related")) && !rows.get(0).containsKey("related")) line("related", col(rows, "related"));
        line("ALL", col(rows, "ALL"));
    }

    static void line(String s, long[] v) {
        System.out.printf("%-14s %7.0f %7.0f %7d%n", s, pct(v, 50), pct(v, 99), v.length == 0 ? 0 : v[v.length - 1]);
    }

    /**
     * Hostile clients from issue 10, run beside the kill cycles. Kinds (comma-separated, or "all"):
     * slow-post (250 connections declaring a body and sending a byte every 2 s to every POST route,
     * without a key), slow-headers (250 connections sending their headers a byte every 2 s),
     * page-flood (two threads asking for huge page numbers and made-up listings and tags),
     * header-garbage (one thread sending broken Accept-* and If-None-Match values). A connection
     * the server closes is opened again, so the pressure stays for the whole run.
     */
    static final class Attack implements AutoCloseable {
        static final String[] POSTS = {"/api/v1/ingest", "/api/v1/stories/1/kill", "/api/v1/stories/1/publish",
                "/api/v1/advisories/1/apply", "/api/v1/advisories/1/dismiss"};
        final URI base;
        final List<Thread> threads = new ArrayList<>();
        final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong reopened = new java.util.concurrent.atomic.AtomicLong();
        volatile boolean running = true;

        Attack(URI base, String kinds) throws Exception {
            this.base = base;
            List<String> all = List.of("slow-post", "slow-headers", "page-flood", "header-garbage");
            List<String> chosen = kinds.equals("all") ? all : Arrays.asList(kinds.split(","));
            for (String k : chosen) {
                switch (k) {
                    case "slow-post" -> slow(250, i -> "POST " + POSTS[i % POSTS.length] + " HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 16000\r\n\r\n{");
                    case "slow-headers" -> slow(250, i -> "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ");
                    case "page-flood" -> {
                        for (int t = 0; t < 2; t++) start("page-flood-" + t, this::pageFlood);
                    }
                    case "header-garbage" -> start("header-garbage", this::headerGarbage);
                    default -> throw new IllegalArgumentException("unknown attack " + k + "; known: " + all + " or all");
                }
            }
        }

        String describe() {
            return requests.get() + " flood requests, " + reopened.get() + " slow connections reopened after the server closed them";
        }

        void start(String name, Runnable r) {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }

        void slow(int count, java.util.function.IntFunction<String> head) {
            start("slow-" + count, () -> {
                java.net.Socket[] sockets = new java.net.Socket[count];
                while (running) {
                    for (int i = 0; i < count && running; i++) {
                        try {
                            if (sockets[i] == null || sockets[i].isClosed()) {
                                if (sockets[i] != null) reopened.incrementAndGet();
                                sockets[i] = new java.net.Socket(base.getHost(), base.getPort());
                                sockets[i].getOutputStream().write(head.apply(i).getBytes(StandardCharsets.ISO_8859_1));
                            } else {
                                sockets[i].getOutputStream().write('x');
                            }
                            sockets[i].getOutputStream().flush();
                            if (sockets[i].getInputStream().available() > 0) sockets[i].close(); // answered: start over
                        } catch (java.io.IOException e) {
                            try { if (sockets[i] != null) sockets[i].close(); } catch (java.io.IOException ignored) { }
                        }
                    }
                    sleep(2_000);
                }
                for (java.net.Socket s : sockets) {
                    try { if (s != null) s.close(); } catch (java.io.IOException ignored) { }
                }
            });
        }

        void pageFlood() {
            java.util.Random random = new java.util.Random();
            while (running) {
                String path = switch (random.nextInt(4)) {
                    case 0 -> "/" + SLUGS[random.nextInt(SLUGS.length)] + "/?page=" + (1 + random.nextInt(999_999_999));
                    case 1 -> "/tag/t" + random.nextInt(1 << 30) + "/?page=" + (1 + random.nextInt(999_999_999));
                    case 2 -> "/x" + random.nextInt(1 << 30) + "/";
                    default -> "/tag/t" + random.nextInt(1 << 30) + "/";
                };
                attempt(HttpRequest.newBuilder(base.resolve(path)).build());
            }
        }

        void headerGarbage() {
            String[] values = {";;;,,,", ",", "gzip;q=abc", "*;q=-1", "W/\"", "bytes=-", ",".repeat(2_000)};
            String[] headers = {"Accept-Encoding", "Accept-Language", "If-None-Match", "Range"};
            java.util.Random random = new java.util.Random();
            while (running) {
                attempt(HttpRequest.newBuilder(base.resolve("/")).header(headers[random.nextInt(headers.length)],
                        values[random.nextInt(values.length)]).build());
            }
        }

        void attempt(HttpRequest r) {
            try {
                http.send(r, HttpResponse.BodyHandlers.discarding());
                requests.incrementAndGet();
            } catch (Exception e) {
                sleep(10);
            }
        }

        static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            for (Thread t : threads) t.join(10_000);
        }
    }
}
