import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times the desk on a running server: the queue page (newest, held, a search), a story page and
 * /healthz (the baseline: one round trip through the same server), requested in turn so that every
 * page shares the machine's noise; then how long a pushed story takes to appear in a queue that
 * asks for new rows every 500 ms as the desk's script does (a random phase per push).
 *
 * <p>Usage: DeskBench --base URL --user NAME --password PW --key PUSHKEY [--requests 500] [--pushes 100]
 */
public final class DeskBench {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static String cookie = "";

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--requests", "500", "--pushes", "100", "--engine", "?",
                "--stories", "?"));
        for (int i = 0; i + 1 < args.length; i += 2) o.put(args[i], args[i + 1]);
        String base = o.get("--base");
        int requests = Integer.parseInt(o.get("--requests"));
        int pushes = Integer.parseInt(o.get("--pushes"));
        signIn(base, o.get("--user"), o.get("--password"));

        // Story ids and a search word from the queue itself.
        String queue = get(base + "/desk/").body();
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"/desk/stories/(\\d+)\"").matcher(queue);
        while (m.find()) ids.add(m.group(1));
        if (ids.isEmpty()) throw new IllegalStateException("the queue shows no stories");
        Matcher h = Pattern.compile("href=\"/desk/stories/\\d+\">([^<]+)</a>").matcher(queue);
        String word = "सरकार";
        if (h.find()) word = h.group(1).strip().split("\\s+")[0];
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("healthz (baseline)", "/healthz");
        pages.put("queue, newest", "/desk/");
        pages.put("queue, held", "/desk/?status=held");
        pages.put("queue, search", "/desk/?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8));
        pages.put("story page", null);
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            for (var e : pages.entrySet()) get(base + path(e.getValue(), ids, random));
        }
        Map<String, long[]> times = new LinkedHashMap<>();
        pages.keySet().forEach(k -> times.put(k, new long[requests]));
        for (int i = 0; i < requests; i++) {
            for (var e : pages.entrySet()) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = get(base + path(e.getValue(), ids, random));
                times.get(e.getKey())[i] = System.nanoTime() - t0;
                if (r.statusCode() != 200) throw new IllegalStateException(e.getKey() + " answered " + r.statusCode());
            }
        }
        System.out.printf("desk bench: engine=%s stories=%s requests=%d each, sequential, one connection%n",
                o.get("--engine"), o.get("--stories"), requests);
        double floor = percentile(times.get("healthz (baseline)"), 95);
        System.out.printf("%-20s %9s %9s %9s %14s%n", "page", "p50 ms", "p95 ms", "p99 ms", "p95/healthz");
        for (var e : times.entrySet()) {
            long[] t = e.getValue();
            System.out.printf("%-20s %9.2f %9.2f %9.2f %13.1fx%n", e.getKey(), percentile(t, 50), percentile(t, 95),
                    percentile(t, 99), percentile(t, 95) / floor);
        }

        // Live: push, then poll as the script does, from a random point in its 500 ms cycle.
        long[] live = new long[pushes];
        for (int i = 0; i < pushes; i++) {
            long last = lastId(get(base + "/desk/").body());
            String marker = "डेस्कबेंच" + i + "x" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            long phase = random.nextInt(500);
            long t0 = System.nanoTime();
            push(base, o.get("--key"), marker, i);
            Thread.sleep(phase);
            while (true) {
                String rows = get(base + "/desk/queue/rows?after=" + last).body();
                if (rows.contains(marker)) break;
                if (System.nanoTime() - t0 > 30_000_000_000L) throw new IllegalStateException("push " + i + " never appeared");
                Thread.sleep(500);
            }
            live[i] = System.nanoTime() - t0;
        }
        System.out.printf("pushed story in an open queue (polling every 500 ms): p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms (%d pushes)%n",
                percentile(live, 50), percentile(live, 95), percentile(live, 99), percentile(live, 100), pushes);
        System.out.printf("needed: queue p95 < 50 ms: %s; story page p95 < 50 ms: %s; live p99 < 1000 ms: %s%n",
                percentile(times.get("queue, newest"), 95) < 50 ? "yes" : "NO",
                percentile(times.get("story page"), 95) < 50 ? "yes" : "NO",
                percentile(live, 99) < 1000 ? "yes" : "NO");
    }

    private static String path(String path, List<String> ids, Random random) {
        return path != null ? path : "/desk/stories/" + ids.get(random.nextInt(ids.size()));
    }

    private static long lastId(String page) {
        Matcher m = Pattern.compile("data-last-id=\"(\\d+)\"").matcher(page);
        if (!m.find()) throw new IllegalStateException("no data-last-id on the queue");
        return Long.parseLong(m.group(1));
    }

    private static void push(String base, String key, String marker, int i) throws Exception {
        String text = "Headline: " + marker + " विधानसभा में बजट पर बहस\nSection: देश\nAgency: IANS\nURI: urn:deskbench:"
                + marker + "\nVersion: 1\n\nनई दिल्ली, 2 दिसंबर (आईएएनएस)। " + marker + " पहला अनुच्छेद " + i + "।\n";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) throw new IllegalStateException("push answered " + r.statusCode() + ": " + r.body());
    }

    private static void signIn(String base, String user, String password) throws Exception {
        HttpResponse<String> form = get(base + "/desk/login");
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        if (!m.find()) throw new IllegalStateException("no sign-in form");
        remember(form);
        String body = "csrf=" + enc(m.group(1)) + "&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/desk/login"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 303) throw new IllegalStateException("sign-in answered " + r.statusCode());
        cookie = "";
        remember(r);
    }

    private static void remember(HttpResponse<?> r) {
        for (String set : r.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            if (pair.endsWith("=")) continue;
            cookie = cookie.isEmpty() ? pair : cookie + "; " + pair;
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (!cookie.isEmpty()) b.header("Cookie", cookie);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double percentile(long[] nanos, int p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))] / 1e6;
    }
}
