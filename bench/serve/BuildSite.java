import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.taar.App;
import org.taar.pipeline.Pipeline;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.story.Outcome;
import org.taar.intake.DeliveryResult;

/**
 * Builds the bench/serve site: N generated Hindi stories delivered through Taar's own pipeline
 * (archive, parse, normalize, enrich, identify, decide, store), as RSS 2.0 feeds of --per-feed
 * items, exactly what `taar ingest --source bench FILE` does with each feed file, but in one JVM
 * and with a clock that walks through the last --days days, so that stories are published over
 * months (a real `taar ingest` would stamp all 100,000 with the minutes the build took).
 *
 * <p>Usage: BuildSite --data DIR [--db JDBC-URL] [--any-outcome] --stories N [--per-feed 1000] [--days 120] [--seed 7]
 */
public final class BuildSite {
    /**
     * A clock that moves forward a step on every reading, from a base the builder sets per feed.
     * Each building thread walks its own time (the pipeline runs in the delivering thread).
     */
    static final class WalkingClock extends Clock {
        private static final class Walk {
            long millis;
            long step = 1;
            long reads;
        }

        private final ThreadLocal<Walk> walk = ThreadLocal.withInitial(Walk::new);

        void startAt(Instant base, long step) {
            Walk w = walk.get();
            w.millis = base.toEpochMilli();
            w.step = Math.max(1, step);
        }

        long reads() {
            return walk.get().reads;
        }

        @Override
        public Instant instant() {
            Walk w = walk.get();
            // Threads that are not building (a pool's housekeeping) see the real time.
            if (w.millis == 0) return Instant.now();
            w.reads++;
            long t = w.millis;
            w.millis += w.step;
            return Instant.ofEpochMilli(t);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = null;
        int stories = 100_000;
        int perFeed = 1000;
        int days = 120;
        long seed = 7;
        int threads = 2;
        java.nio.file.Path headlines = null;
        String db = null;
        // bench/serve needs every story on the site; the desk's queue takes what comes (a copy is a duplicate).
        boolean anyOutcome = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]);
                case "--stories" -> stories = Integer.parseInt(args[++i]);
                case "--per-feed" -> perFeed = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--headlines" -> headlines = java.nio.file.Path.of(args[++i]);
                case "--db" -> db = args[++i];
                case "--any-outcome" -> anyOutcome = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (data == null) throw new IllegalArgumentException("--data DIR is required");

        Config config = new ConfigLoader(System.getenv()).load(data, null, db);
        WalkingClock clock = new WalkingClock();
        if (headlines == null) throw new IllegalArgumentException("--headlines DIR (the L3Cube Hindi headline CSVs) is required");
        StoryWriter writer = new StoryWriter(seed, StoryWriter.realHeadlines(headlines));
        int feeds = (stories + perFeed - 1) / perFeed;
        // The newest story lands an hour before now, so anything pushed during the run is newer.
        Instant end = Instant.now().minus(Duration.ofHours(1));
        Instant start = end.minus(Duration.ofDays(days));
        long window = Duration.between(start, end).toMillis() / feeds;
        Map<String, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.util.concurrent.atomic.AtomicLong words = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        long began = System.nanoTime();
        final int total = stories;
        final int per = perFeed;
        try (App app = new App(config, clock)) {
            // Feeds go in on a few threads, as several agencies' deliveries would; each is one delivery.
            var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            var futures = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int f = 0; f < feeds; f++) {
                final int feed = f;
                futures.add(pool.submit(() -> {
                    deliverFeed(app, clock, writer, feed, per, total, start.plusMillis(window * feed), window,
                            statuses, words, bytes);
                    int n = done.addAndGet(Math.min(total, (feed + 1) * per) - feed * per);
                    if ((feed + 1) % 10 == 0) {
                        double s = (System.nanoTime() - began) / 1e9;
                        System.err.printf("build: %d/%d stories in %.0f s (%.0f stories/s)%n", n, total, s, n / s);
                    }
                    return null;
                }));
            }
            pool.shutdown();
            for (var fu : futures) fu.get();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.printf("built %d stories (%s) in %.1f s: %.0f stories/s; %d feeds of %d, %.1f MB of RSS, "
                        + "%.0f words a story on average; published %s to %s%n",
                stories, statuses, seconds, stories / seconds, feeds, perFeed, bytes.get() / 1e6, (double) words.get() / stories,
                DateTimeFormatter.ISO_INSTANT.format(start), DateTimeFormatter.ISO_INSTANT.format(end));
        if (!anyOutcome && statuses.getOrDefault("published", 0) != stories) System.exit(1);
    }

    private static void deliverFeed(App app, WalkingClock clock, StoryWriter writer, int f, int perFeed, int stories,
                                    Instant base, long window, Map<String, Integer> statuses,
                                    java.util.concurrent.atomic.AtomicLong words, java.util.concurrent.atomic.AtomicLong bytes) {
        int from = f * perFeed;
        int to = Math.min(stories, from + perFeed);
        StringBuilder rss = new StringBuilder(8_000 * (to - from));
        rss.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n")
                .append("<channel><title>बेंच समाचार सेवा</title><link>https://agency.example/hindi/</link>")
                .append("<description>bench/serve</description><language>hi</language>\n");
        for (int n = from; n < to; n++) {
            Instant created = base.plusMillis(window * (n - from) / (to - from));
            StoryWriter.Story s = writer.story(n, created);
            words.addAndGet(s.words());
            item(rss, s);
        }
        rss.append("</channel></rss>\n");
        byte[] feed = rss.toString().getBytes(StandardCharsets.UTF_8);
        bytes.addAndGet(feed.length);
        // The archive reads the clock once per delivery, the pipeline once per item: the walk
        // spreads the feed's items over its window.
        clock.startAt(base, window / (to - from + 1));
        DeliveryResult result = app.pipeline.deliver("bench", "file", String.format("bench-%05d.xml", f), feed, null);
        for (Outcome o : result.outcomes()) {
            int seen = statuses.merge(o.status().label(), 1, Integer::sum);
            if (!o.status().label().equals("published") && seen <= 3) {
                System.err.println("build: " + o.status().label() + " " + o.uri() + ": " + o.reason());
            }
        }
    }

    private static void item(StringBuilder rss, StoryWriter.Story s) {
        rss.append("<item><title>").append(xml(s.headline())).append("</title>")
                .append("<guid isPermaLink=\"false\">urn:bench:serve:").append(s.n()).append("</guid>")
                .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(s.created().atZone(ZoneOffset.UTC)))
                .append("</pubDate>")
                .append("<category>").append(xml(s.section())).append("</category>");
        for (String t : s.tags()) rss.append("<category>").append(xml(t)).append("</category>");
        rss.append("<description>").append(xml(s.summary())).append("</description><content:encoded><![CDATA[");
        for (String p : s.paragraphs()) rss.append("<p>").append(xml(p)).append("</p>");
        rss.append("]]></content:encoded></item>\n");
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
