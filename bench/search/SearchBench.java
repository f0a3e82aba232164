import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.taar.search.IndexedStory;
import org.taar.search.SearchIndex;
import org.taar.search.SearchQuery;
import org.taar.search.SearchResults;

/**
 * bench/search: query latency of Taar's search index (Lucene, Hindi analysis, recency ranking,
 * highlighted snippets) on 100,000 stories composed from real Hindi headlines, against
 * PostgreSQL full-text search (tsvector 'simple' config, GIN index, ts_rank, LIMIT 10) on the
 * same stories and queries in the same run. Run with bench/search/run.
 */
public class SearchBench {
    /** Single words, names, quoted phrases and two-word queries; fixed so runs compare. */
    static final String[] QUERIES = {
            // single words
            "सरकार", "पुलिस", "चुनाव", "परीक्षा", "बजट", "मौत", "हत्या", "बारिश", "किसान", "शेयर",
            "क्रिकेट", "फिल्म", "बीमारी", "नौकरी", "पेट्रोल", "यूक्रेन", "पाकिस्तान", "अमेरिका", "चीन", "बैंक",
            // names
            "मोदी", "राहुल गांधी", "विराट कोहली", "रोहित शर्मा", "धोनी", "इमरान खान", "अखिलेश यादव", "केजरीवाल",
            "सलमान खान", "योगी",
            // phrases
            "\"राहुल गांधी\"", "\"विराट कोहली\"", "\"सुप्रीम कोर्ट\"", "\"वर्ल्ड कप\"", "\"शेयर बाजार\"",
            "\"इलेक्ट्रिक स्कूटर\"", "\"ब्लड शुगर\"", "\"यूरिक एसिड\"", "\"एडमिट कार्ड\"", "\"टीम इंडिया\"",
            // two words
            "भारतीय टीम", "सरकारी नौकरी", "कांग्रेस नेता", "पुलिस जांच", "टाटा कार", "महिला आरोपी",
            "फिल्म रिलीज", "मारुति कार", "बीजेपी कांग्रेस", "रिजल्ट जारी",
    };

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(arg(args, "--corpus", "../shared/data/hindi/l3cube-headlines"));
        int stories = Integer.parseInt(arg(args, "--stories", "100000"));
        int rounds = Integer.parseInt(arg(args, "--rounds", "20"));
        boolean pg = !Arrays.asList(args).contains("--no-pg");
        String pgUrl = arg(args, "--pg", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

        List<String> sentences = sentences(corpus);
        Instant now = Instant.parse("2026-11-29T00:00:00Z");
        List<IndexedStory> docs = compose(sentences, stories, now, new Random(42));
        long textBytes = docs.stream().mapToLong(d -> d.headline().getBytes(StandardCharsets.UTF_8).length
                + d.text().getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.printf(Locale.ROOT, "search: %,d stories composed from %,d sentences of %s (%.1f MB of text), "
                        + "%d queries x %d rounds after 3 warm-up rounds%n%n",
                stories, sentences.size(), corpus, textBytes / 1e6, QUERIES.length, rounds);

        Path dir = Files.createTempDirectory("taar-search-bench");
        long t0 = System.nanoTime();
        SearchIndex index = SearchIndex.open(dir, Clock.fixed(now, java.time.ZoneOffset.UTC));
        for (IndexedStory d : docs) index.put(d);
        index.commit(1);
        double luceneIndexSecs = (System.nanoTime() - t0) / 1e9;
        long luceneBytes = index.diskBytes();
        long[] hitsLucene = new long[QUERIES.length];
        double[] luceneCpu = new double[rounds * QUERIES.length];
        double[] lucene = time(rounds, i -> {
            SearchResults r = index.search(new SearchQuery(QUERIES[i], null, null, null, null, 1));
            hitsLucene[i] = r.total();
            return r.hits().size();
        }, luceneCpu);

        double[] postgres = null;
        double pgIndexSecs = 0;
        long pgBytes = 0;
        long[] hitsPg = new long[QUERIES.length];
        if (pg) {
            String db = "taar_search_bench_" + System.currentTimeMillis();
            try (Connection admin = DriverManager.getConnection(pgUrl); Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + db);
            }
            String url = pgUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + db + "$1");
            try (Connection c = DriverManager.getConnection(url)) {
                long p0 = System.nanoTime();
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE stories (id bigint PRIMARY KEY, headline text, body text, published timestamptz, "
                            + "tsv tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', headline), 'A') || "
                            + "setweight(to_tsvector('simple', body), 'B')) STORED)");
                }
                StringBuilder copy = new StringBuilder();
                for (IndexedStory d : docs) {
                    copy.append(d.id()).append('\t').append(tsv(d.headline())).append('\t').append(tsv(d.text()))
                            .append('\t').append(d.published()).append('\n');
                }
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY stories (id, headline, body, published) FROM STDIN", new StringReader(copy.toString()));
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE INDEX stories_tsv ON stories USING gin (tsv)");
                    s.execute("ANALYZE stories");
                }
                pgIndexSecs = (System.nanoTime() - p0) / 1e9;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT pg_total_relation_size('stories'), pg_relation_size('stories_tsv')")) {
                    rs.next();
                    pgBytes = rs.getLong(1);
                }
                PreparedStatement plain = c.prepareStatement("SELECT id, ts_rank(tsv, q) AS r FROM stories, "
                        + "plainto_tsquery('simple', ?) q WHERE tsv @@ q ORDER BY r DESC LIMIT 10");
                PreparedStatement phrase = c.prepareStatement("SELECT id, ts_rank(tsv, q) AS r FROM stories, "
                        + "phraseto_tsquery('simple', ?) q WHERE tsv @@ q ORDER BY r DESC LIMIT 10");
                PreparedStatement count = c.prepareStatement("SELECT count(*) FROM stories WHERE tsv @@ plainto_tsquery('simple', ?)");
                PreparedStatement countPhrase = c.prepareStatement("SELECT count(*) FROM stories WHERE tsv @@ phraseto_tsquery('simple', ?)");
                for (int i = 0; i < QUERIES.length; i++) {
                    boolean quoted = QUERIES[i].startsWith("\"");
                    PreparedStatement p = quoted ? countPhrase : count;
                    p.setString(1, QUERIES[i].replace("\"", ""));
                    try (ResultSet rs = p.executeQuery()) {
                        rs.next();
                        hitsPg[i] = rs.getLong(1);
                    }
                }
                postgres = time(rounds, i -> {
                    boolean quoted = QUERIES[i].startsWith("\"");
                    PreparedStatement p = quoted ? phrase : plain;
                    p.setString(1, QUERIES[i].replace("\"", ""));
                    int n = 0;
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) n++;
                    }
                    return n;
                });
            } finally {
                try (Connection admin = DriverManager.getConnection(pgUrl); Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + db);
                }
            }
        }
        index.close();
        deleteTree(dir);

        System.out.printf(Locale.ROOT, "%-44s %10s %10s %10s %10s %12s %10s%n", "engine", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "index MB", "build s");
        row("taar (Lucene 9.12, 3 analyzers, highlights)", lucene, luceneBytes, luceneIndexSecs);
        if (postgres != null) {
            row("PostgreSQL FTS ('simple', GIN, ts_rank)", postgres, pgBytes, pgIndexSecs);
            System.out.printf(Locale.ROOT, "%nratio taar/PostgreSQL: p50 %.2fx, p95 %.2fx; index size %.2fx%n",
                    pct(lucene, 50) / pct(postgres, 50), pct(lucene, 95) / pct(postgres, 95), (double) luceneBytes / pgBytes);
        }
        System.out.printf(Locale.ROOT, "taar CPU time of the searching thread: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms "
                        + "(wall time above includes waiting for a core; load average at the end %.1f on %d cores)%n",
                pct(luceneCpu, 50), pct(luceneCpu, 95), pct(luceneCpu, 99),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "target p95 < 20 ms: %s%n", pct(lucene, 95) < 20 ? "met" : "NOT met");
        System.out.printf(Locale.ROOT, "%nmatching stories per query (taar | PostgreSQL):%n");
        for (int i = 0; i < QUERIES.length; i++) {
            System.out.printf(Locale.ROOT, "  %-26s %8d | %s%n", QUERIES[i], hitsLucene[i], pg ? Long.toString(hitsPg[i]) : "-");
        }
    }

    interface Query {
        int run(int i) throws Exception;
    }

    /** Every query once to warm up, then {@code rounds} passes over all queries in a shuffled order; ms per query. */
    static double[] time(int rounds, Query q) throws Exception {
        return time(rounds, q, null);
    }

    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static double[] time(int rounds, Query q, double[] cpu) throws Exception {
        for (int w = 0; w < 3; w++) for (int i = 0; i < QUERIES.length; i++) q.run(i);
        double[] out = new double[rounds * QUERIES.length];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < QUERIES.length; i++) order.add(i);
        Random r = new Random(7);
        int k = 0;
        for (int round = 0; round < rounds; round++) {
            Collections.shuffle(order, r);
            for (int i : order) {
                long c = cpu == null ? 0 : CPU.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                q.run(i);
                out[k] = (System.nanoTime() - t) / 1e6;
                if (cpu != null) cpu[k] = (CPU.getCurrentThreadCpuTime() - c) / 1e6;
                k++;
            }
        }
        Arrays.sort(out);
        if (cpu != null) Arrays.sort(cpu);
        return out;
    }

    static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    static void row(String name, double[] t, long bytes, double buildSecs) {
        System.out.printf(Locale.ROOT, "%-44s %10.2f %10.2f %10.2f %10.2f %12.1f %10.1f%n", name, pct(t, 50), pct(t, 95),
                pct(t, 99), t[t.length - 1], bytes / 1e6, buildSecs);
    }

    /** Headline text of the corpus CSVs (column "text"), cut into clauses at commas, colons and dandas. */
    static List<String> sentences(Path corpus) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no CSV files in " + corpus);
        for (Path f : files) {
            List<List<String>> rows = csv(Files.readString(f, StandardCharsets.UTF_8));
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.isEmpty()) continue;
                for (String part : row.get(0).split("[,:।|]")) {
                    String t = part.strip();
                    if (t.length() >= 12) out.add(t);
                }
            }
        }
        return out;
    }

    /** A minimal RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes. */
    static List<List<String>> csv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n') {
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }

    static final String[] SECTIONS = {"desh", "videsh", "khel", "manoranjan", "business", "rajniti"};

    /** Stories of a headline (one sentence) and a body of 6-12 sentences, spread over 60 days. */
    static List<IndexedStory> compose(List<String> sentences, int n, Instant now, Random r) {
        List<IndexedStory> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            String headline = sentences.get(r.nextInt(sentences.size()));
            StringBuilder body = new StringBuilder();
            int count = 6 + r.nextInt(7);
            for (int k = 0; k < count; k++) body.append(sentences.get(r.nextInt(sentences.size()))).append("। ");
            String section = SECTIONS[r.nextInt(SECTIONS.length)];
            Instant at = now.minus(Duration.ofMinutes(r.nextInt(60 * 24 * 60)));
            out.add(new IndexedStory(i, "/" + section + "/story-" + i, headline, null, body.toString().strip(), section,
                    List.of(), at, "hi"));
        }
        return out;
    }

    static String tsv(String s) {
        return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static String arg(String[] args, String name, String def) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return args[i + 1];
        return def;
    }
}
