import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time to publish one story into a running site: POST /api/v1/ingest with a push key, then poll
 * the returned URL until it answers 200 and the home page until it links to the story. One story
 * in flight at a time, a pause between them, so each is the cost of one story on a quiet server.
 *
 * <p>Usage: PublishTime --base URL --key KEY [--reps 7] [--poll-ms 5] [--pause-ms 1000]
 */
public final class PublishTime {
    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = null;
        String key = null;
        int reps = 7;
        long pollMs = 5;
        long pauseMs = 1000;
        java.nio.file.Path headlines = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--key" -> key = args[++i];
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--poll-ms" -> pollMs = Long.parseLong(args[++i]);
                case "--pause-ms" -> pauseMs = Long.parseLong(args[++i]);
                case "--headlines" -> headlines = java.nio.file.Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (base == null || key == null) throw new IllegalArgumentException("--base and --key are required");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Double> accepted = new ArrayList<>();
        List<Double> article = new ArrayList<>();
        List<Double> home = new ArrayList<>();
        long stamp = System.currentTimeMillis();
        // Seeded by the time, so each run pushes stories the site has not seen.
        if (headlines == null) throw new IllegalArgumentException("--headlines DIR (the L3Cube Hindi headline CSVs) is required");
        StoryWriter writer = new StoryWriter(stamp, StoryWriter.realHeadlines(headlines));
        System.out.printf("%-4s %10s %12s %12s  %s%n", "rep", "POST->202", "article 200", "on home", "url");
        for (int rep = 0; rep < reps; rep++) {
            StoryWriter.Story s = writer.story(rep, Instant.now());
            String body = wiretext(s, "urn:bench:serve:push:" + stamp + ":" + rep);
            HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(30)).build();
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(post, HttpResponse.BodyHandlers.ofString());
            long t202 = System.nanoTime();
            Matcher u = URL.matcher(r.body());
            Matcher st = STATUS.matcher(r.body());
            if (r.statusCode() != 202 || !u.find() || !st.find() || !st.group(1).equals("published")) {
                throw new IllegalStateException("push answered " + r.statusCode() + ": " + r.body());
            }
            String path = u.group(1);
            long tArticle = pollUntil(http, base + path, pollMs, t0, resp -> resp.statusCode() == 200);
            // The home page links to the article by its path.
            long tHome = pollUntil(http, base + "/", pollMs, t0, resp -> resp.body().contains("href=\"" + path + "\""));
            accepted.add(ms(t202 - t0));
            article.add(ms(tArticle - t0));
            home.add(ms(tHome - t0));
            System.out.printf("%-4d %10.1f %12.1f %12.1f  %s%n", rep + 1, ms(t202 - t0), ms(tArticle - t0),
                    ms(tHome - t0), path);
            Thread.sleep(pauseMs);
        }
        System.out.printf("publish p50 ms: POST->202 %.1f, article answers 200 %.1f, on the home page %.1f (%d stories, "
                + "one at a time, polled every %d ms)%n", p50(accepted), p50(article), p50(home), reps, pollMs);
    }

    interface Check {
        boolean ok(HttpResponse<String> r);
    }

    private static long pollUntil(HttpClient http, String url, long pollMs, long t0, Check check) throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build();
        while (true) {
            HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (check.ok(r)) return now;
            if (now - t0 > 60_000_000_000L) throw new IllegalStateException("not visible after 60 s: " + url);
            Thread.sleep(pollMs);
        }
    }

    private static String wiretext(StoryWriter.Story s, String uri) {
        StringBuilder b = new StringBuilder();
        b.append("Headline: ").append(s.headline()).append('\n')
                .append("Summary: ").append(s.summary()).append('\n')
                .append("Section: ").append(s.section()).append('\n')
                .append("Tags: ").append(String.join(", ", s.tags())).append('\n')
                .append("Agency: ").append(s.agency()).append('\n')
                .append("URI: ").append(uri).append("\n\n");
        for (String p : s.paragraphs()) b.append(p).append("\n\n");
        return b.toString();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double p50(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
