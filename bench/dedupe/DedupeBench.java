import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleBiFunction;
import org.taar.dedupe.Duplicates;
import org.taar.dedupe.Fingerprint;
import org.taar.dedupe.FingerprintText;
import org.taar.dedupe.Fingerprinter;
import org.taar.dedupe.MinHash;
import org.taar.dedupe.Shingles;
import org.taar.store.FingerprintStore;
import org.taar.store.Store;

/**
 * bench/dedupe: builds labelled story pairs from real Hindi headlines (L3Cube, read in place,
 * never copied), scores them with Taar's fingerprints and two baselines, sweeps the threshold
 * and prints precision, recall and F1; then fingerprints per second and the store lookup time
 * with N fingerprints stored. Run with bench/dedupe/run.
 *
 * A story is one headline as its headline and 8 other headlines of the same category as its body
 * (4 paragraphs of 2 sentences), the first opening with a dateline and an agency credit.
 * Positives (same story): relay (other credit and dateline spelling, a trailing paragraph added
 * or removed), truncation (first 2 or 3 paragraphs), light rewrite (synonyms, sentences reordered,
 * Devanagari digits, nukta and chandrabindu variants, new headline), and all three at once.
 * Negatives: another story of the same category, same day and dateline (easy); the story of the
 * same category whose headline shares the most words (shared names); a follow-up that repeats
 * one background paragraph of the story and its headline's names.
 */
public class DedupeBench {
    static final String[] CREDITS = {"आईएएनएस", "भाषा", "यूएनआई", "हि.स.", "एएनआई", "पीटीआई"};
    static final String[][] SYNONYMS = {
            {"कहा", "बताया"}, {"सरकार", "शासन"}, {"लोगों", "जनता"}, {"बड़ा", "भारी"}, {"बड़ी", "भारी"},
            {"नई", "नयी"}, {"गई", "गयी"}, {"गए", "गये"}, {"किया", "कर दिया"}, {"जारी", "घोषित"},
            {"पहले", "इससे पहले"}, {"अब", "अब तक"}, {"साथ", "संग"}, {"बाद", "उपरांत"}, {"खिलाफ", "विरुद्ध"},
            {"मौत", "निधन"}, {"फैसला", "निर्णय"}, {"दौरान", "बीच"}, {"जानें", "जानिए"}, {"लेकिन", "पर"},
            {"कीमत", "दाम"}, {"शुरू", "आरंभ"}, {"मामले", "प्रकरण"}, {"भारत", "हिंदुस्तान"}};
    static final String[] PLACES = {"नई दिल्ली", "मुंबई", "लखनऊ", "पटना", "जयपुर", "भोपाल", "कोलकाता", "चेन्नई"};

    record Story(String headline, List<String> paragraphs, String place, int day, String credit) {
        String body() {
            List<String> ps = new ArrayList<>(paragraphs);
            if (credit != null) ps.set(0, place + ", " + day + " जुलाई (" + credit + ")। " + ps.get(0));
            return String.join("\n", ps);
        }
    }

    record Pair(Story a, Story b, boolean same, String kind) {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(arg(args, "--corpus", "../shared/data/hindi/l3cube-headlines"));
        int storyCount = Integer.parseInt(arg(args, "--stories", "600"));
        int stored = Integer.parseInt(arg(args, "--stored", "100000"));
        // 0: every stored story in the probes' week, the worst case; D: spread over D days, kept as
        // the store keeps them (older than the window pruned as stories are written).
        int days = Integer.parseInt(arg(args, "--days", "0"));
        long seed = Long.parseLong(arg(args, "--seed", "42"));
        Random rnd = new Random(seed);

        Map<String, List<String>> byCategory = read(corpus);
        List<Story> stories = compose(byCategory, storyCount, rnd);
        List<Pair> pairs = pairs(stories, rnd);
        long pos = pairs.stream().filter(Pair::same).count();
        System.out.printf(Locale.ROOT, "corpus %s: %d headlines in %d categories; %d stories; %d pairs (%d same story, %d different)%n",
                corpus, byCategory.values().stream().mapToInt(List::size).sum(), byCategory.size(), stories.size(),
                pairs.size(), pos, pairs.size() - pos);
        Map<String, Long> kinds = new LinkedHashMap<>();
        pairs.forEach(p -> kinds.merge(p.kind(), 1L, Long::sum));
        System.out.println("pair kinds: " + kinds);
        System.out.println("\nexample relay+rewrite+cut pair:");
        pairs.stream().filter(p -> p.kind().equals("all-three")).findFirst().ifPresent(p -> {
            System.out.println("  A: " + p.a().headline() + " | " + p.a().body().replace("\n", " / ").substring(0, 200) + "...");
            System.out.println("  B: " + p.b().headline() + " | " + p.b().body().replace("\n", " / ").substring(0, Math.min(200, p.b().body().length())) + "...");
        });

        FingerprintText text = new FingerprintText();
        // Baseline 1: equal normalized body hash (what catches re-deliveries); one operating point.
        Fingerprinter exact = new Fingerprinter(text, Shingles.DEFAULT, MinHash.DEFAULT);
        report("baseline: exact normalized hash", pairs, (a, b) ->
                exact.of(a.headline(), a.body()).contentHash().equals(exact.of(b.headline(), b.body()).contentHash()) ? 1 : 0,
                new double[] {1.0});
        // Baseline 2: plain Jaccard of the raw word sets (whitespace split, no normalization).
        report("baseline: plain word-set Jaccard (raw text)", pairs, (a, b) -> jaccard(words(a), words(b)), SWEEP);

        Map<String, Double> bestF1 = new LinkedHashMap<>();
        for (Shingles sh : List.of(new Shingles(true, 1), new Shingles(true, 2), new Shingles(true, 3),
                new Shingles(true, 4), new Shingles(false, 4), new Shingles(false, 5), new Shingles(false, 7))) {
            Fingerprinter f = new Fingerprinter(text, sh, MinHash.DEFAULT);
            Map<Story, Fingerprint> fp = new java.util.IdentityHashMap<>();
            for (Pair p : pairs) {
                fp.computeIfAbsent(p.a(), s -> f.of(s.headline(), s.body()));
                fp.computeIfAbsent(p.b(), s -> f.of(s.headline(), s.body()));
            }
            String name = (sh.words() ? "word " : "char ") + sh.n() + "-shingles";
            bestF1.put(name + ", MinHash Jaccard", report("MinHash Jaccard, " + name, pairs,
                    (a, b) -> MinHash.jaccard(fp.get(a).signature(), fp.get(b).signature()), SWEEP));
            bestF1.put(name + ", MinHash overlap", report("MinHash overlap coefficient, " + name, pairs,
                    (a, b) -> MinHash.overlap(fp.get(a).signature(), fp.get(a).shingles(), fp.get(b).signature(),
                            fp.get(b).shingles()), SWEEP));
        }
        System.out.println("\nbest F1 per method:");
        bestF1.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-40s %.3f%n", k, v));

        // LSH: how many same-story pairs become candidates at all, and how many different ones do.
        System.out.println("\nLSH banding (the default shingles, 126-128 positions): pairs sharing a band key");
        for (MinHash mh : List.of(new MinHash(64, 2), new MinHash(42, 3), new MinHash(32, 4), new MinHash(16, 8))) {
            Fingerprinter f = new Fingerprinter(text, Shingles.DEFAULT, mh);
            int posCand = 0, negCand = 0, neg = 0;
            for (Pair p : pairs) {
                boolean cand = shareBand(mh, f.of(p.a().headline(), p.a().body()), f.of(p.b().headline(), p.b().body()));
                if (p.same() && cand) posCand++;
                if (!p.same()) { neg++; if (cand) negCand++; }
            }
            System.out.printf(Locale.ROOT, "  %2d bands x %d rows: same-story pairs found %.3f, different pairs as candidates %.3f%n",
                    mh.bands(), mh.rows(), posCand / (double) pos, negCand / (double) neg);
        }

        // The pipeline's own rule: exact hash, or a band in common and overlap >= THRESHOLD, both long enough.
        Fingerprinter taar = new Fingerprinter();
        double t = org.taar.dedupe.Duplicates.THRESHOLD;
        int tp = 0, fp = 0, fn = 0, tn = 0;
        Map<String, int[]> perKind = new LinkedHashMap<>();
        for (Pair p : pairs) {
            Fingerprint a = taar.of(p.a().headline(), p.a().body());
            Fingerprint b = taar.of(p.b().headline(), p.b().body());
            boolean dup = a.contentHash().equals(b.contentHash()) || (!a.tooShort() && !b.tooShort()
                    && shareBand(MinHash.DEFAULT, a, b)
                    && MinHash.overlap(a.signature(), a.shingles(), b.signature(), b.shingles()) >= t);
            if (dup && p.same()) tp++; else if (dup) fp++; else if (p.same()) fn++; else tn++;
            perKind.computeIfAbsent(p.kind(), k -> new int[2])[dup == p.same() ? 0 : 1]++;
        }
        double prec = tp / (double) Math.max(1, tp + fp), rec = tp / (double) Math.max(1, tp + fn);
        System.out.printf(Locale.ROOT, "%nTaar as the pipeline runs it (%s, %dx%d LSH, overlap >= %.2f): "
                + "precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d tn %d)%n", Shingles.DEFAULT, MinHash.DEFAULT.bands(), MinHash.DEFAULT.rows(), t, prec, rec, f1(prec, rec), tp, fp, fn, tn);
        perKind.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-22s right %4d wrong %4d%n", k, v[0], v[1]));

        throughput(stories, taar);
        if (stored > 0) lookup(stories, taar, stored, days, rnd);
    }

    static final double[] SWEEP = {0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9};

    /** Prints P/R/F1 per threshold; returns the best F1. */
    static double report(String name, List<Pair> pairs, ToDoubleBiFunction<Story, Story> score, double[] thresholds) {
        double[] scores = new double[pairs.size()];
        for (int i = 0; i < scores.length; i++) scores[i] = score.applyAsDouble(pairs.get(i).a(), pairs.get(i).b());
        System.out.println("\n" + name);
        System.out.println("  threshold  precision  recall     F1");
        double best = 0;
        for (double t : thresholds) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean dup = scores[i] >= t;
                boolean same = pairs.get(i).same();
                if (dup && same) tp++; else if (dup) fp++; else if (same) fn++;
            }
            double p = tp / (double) Math.max(1, tp + fp), r = tp / (double) Math.max(1, tp + fn);
            best = Math.max(best, f1(p, r));
            System.out.printf(Locale.ROOT, "  %9.2f  %9.3f  %6.3f  %6.3f%n", t, p, r, f1(p, r));
        }
        return best;
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static boolean shareBand(MinHash mh, Fingerprint a, Fingerprint b) {
        long[] ka = mh.bandKeys(a.signature()), kb = mh.bandKeys(b.signature());
        for (int i = 0; i < ka.length; i++) if (ka[i] == kb[i]) return true;
        return false;
    }

    static Set<String> words(Story s) {
        return new HashSet<>(Arrays.asList((s.headline() + " " + s.body()).split("\\s+")));
    }

    static double jaccard(Set<String> a, Set<String> b) {
        Set<String> i = new HashSet<>(a);
        i.retainAll(b);
        return i.size() / (double) (a.size() + b.size() - i.size());
    }

    // ---- the test set ----

    static List<Story> compose(Map<String, List<String>> byCategory, int count, Random rnd) {
        List<Story> out = new ArrayList<>();
        List<String> categories = new ArrayList<>(byCategory.keySet());
        Map<String, Integer> next = new LinkedHashMap<>();
        for (int i = 0; out.size() < count && i < count * 20; i++) {
            String c = categories.get(i % categories.size());
            List<String> hs = byCategory.get(c);
            int at = next.getOrDefault(c, 0);
            if (at + 9 > hs.size()) continue;
            next.put(c, at + 9);
            List<String> ps = new ArrayList<>();
            for (int p = 0; p < 4; p++) ps.add(sentence(hs.get(at + 1 + 2 * p)) + " " + sentence(hs.get(at + 2 + 2 * p)));
            out.add(new Story(hs.get(at), ps, PLACES[rnd.nextInt(PLACES.length)], 1 + rnd.nextInt(28), CREDITS[0]));
            categoryOf.put(out.get(out.size() - 1), c);
        }
        return out;
    }

    static final Map<Story, String> categoryOf = new java.util.IdentityHashMap<>();

    static String sentence(String headline) {
        return headline.endsWith("।") ? headline : headline + "।";
    }

    static List<Pair> pairs(List<Story> stories, Random rnd) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            Story s = stories.get(i);
            switch (i % 5) {
                case 0 -> out.add(new Pair(s, relay(s, rnd), true, "relay"));
                case 1 -> out.add(new Pair(s, truncate(s, rnd), true, "truncated"));
                case 2 -> out.add(new Pair(s, rewrite(s, rnd), true, "rewritten"));
                case 3 -> out.add(new Pair(s, truncate(rewrite(relay(s, rnd), rnd), rnd), true, "all-three"));
                default -> out.add(new Pair(s, writtenAgain(s, rnd), true, "written-again"));
            }
            Story other = sameCategory(stories, s, rnd);
            out.add(new Pair(s, new Story(other.headline(), other.paragraphs(), s.place(), s.day(), s.credit()), false,
                    "same-section"));
            out.add(new Pair(s, sharedNames(stories, s), false, "shared-names"));
            out.add(new Pair(s, followUp(s, other, rnd), false, "follow-up"));
            out.add(new Pair(s, sameNamesInBody(s, sameCategory(stories, s, rnd), rnd), false, "names-in-body"));
        }
        return out;
    }

    static Story relay(Story s, Random rnd) {
        List<String> ps = new ArrayList<>(s.paragraphs());
        if (rnd.nextBoolean()) ps.add("इनपुट: " + CREDITS[1 + rnd.nextInt(CREDITS.length - 1)]);
        else if (rnd.nextBoolean()) ps.remove(ps.size() - 1);
        else ps.add(ps.get(0).split("।")[0] + " पर और जानकारी की प्रतीक्षा है।");
        String place = s.place().equals("नई दिल्ली") ? "नयी दिल्ली" : s.place();
        return new Story(s.headline(), ps, place, s.day(), CREDITS[1 + rnd.nextInt(CREDITS.length - 1)]);
    }

    static Story truncate(Story s, Random rnd) {
        int keep = Math.min(s.paragraphs().size(), 2 + rnd.nextInt(2));
        return new Story(s.headline(), new ArrayList<>(s.paragraphs().subList(0, keep)), s.place(), s.day(), s.credit());
    }

    static Story rewrite(Story s, Random rnd) {
        List<String> ps = new ArrayList<>();
        for (String p : s.paragraphs()) {
            String[] sentences = p.split("(?<=।) ");
            if (sentences.length > 1 && rnd.nextBoolean()) Collections.reverse(Arrays.asList(sentences));
            ps.add(variants(synonyms(String.join(" ", sentences), rnd), rnd));
        }
        return new Story(variants(synonyms(s.headline(), rnd), rnd), ps, s.place(), s.day(), s.credit());
    }

    /**
     * The same event written again by another desk: every synonym swapped, a quarter of the sentences
     * dropped, the rest in another order, neighbouring words swapped in one place in four, a new
     * credit and a shorter headline. The hardest positive; word n-grams longer than one suffer most.
     */
    static Story writtenAgain(Story s, Random rnd) {
        List<String> sentences = new ArrayList<>();
        for (String p : s.paragraphs()) sentences.addAll(Arrays.asList(p.split("(?<=।) ")));
        Collections.shuffle(sentences, rnd);
        sentences = sentences.subList(0, sentences.size() * 3 / 4);
        List<String> ps = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += 2) {
            String para = String.join(" ", sentences.subList(i, Math.min(sentences.size(), i + 2)));
            for (String[] pair : SYNONYMS) para = para.replace(" " + pair[0] + " ", " " + pair[1] + " ");
            String[] w = para.split(" ");
            for (int j = 0; j + 1 < w.length; j += 4) { String t = w[j]; w[j] = w[j + 1]; w[j + 1] = t; }
            ps.add(variants(String.join(" ", w), rnd));
        }
        String[] hw = s.headline().split("\\s+");
        String head = String.join(" ", Arrays.copyOfRange(hw, 0, Math.max(1, hw.length * 2 / 3)));
        return new Story(synonyms(head, rnd), ps, s.place(), s.day(), CREDITS[1 + rnd.nextInt(CREDITS.length - 1)]);
    }

    static String synonyms(String text, Random rnd) {
        String out = text;
        for (String[] pair : SYNONYMS) {
            if (rnd.nextInt(3) > 0) out = out.replace(" " + pair[0] + " ", " " + pair[1] + " ");
        }
        return out;
    }

    // Devanagari digits, nukta dropped, chandrabindu as anusvara: what desks do differently.
    static String variants(String text, Random rnd) {
        StringBuilder sb = new StringBuilder();
        String nfc = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC);
        boolean digits = rnd.nextBoolean(), nukta = rnd.nextBoolean(), chandra = rnd.nextBoolean();
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            if (digits && c >= '0' && c <= '9') sb.append((char) (0x0966 + c - '0'));
            else if (nukta && c == 0x093C) continue;
            else if (chandra && c == 0x0901) sb.append((char) 0x0902);
            else sb.append(c);
        }
        return sb.toString();
    }

    static Story sameCategory(List<Story> stories, Story s, Random rnd) {
        String c = categoryOf.get(s);
        while (true) {
            Story o = stories.get(rnd.nextInt(stories.size()));
            if (o != s && categoryOf.get(o).equals(c)) return o;
        }
    }

    /** The story of the same category whose headline shares the most words: same names, another event. */
    static Story sharedNames(List<Story> stories, Story s) {
        Set<String> mine = new HashSet<>(Arrays.asList(s.headline().split("\\s+")));
        Story best = null;
        int bestShared = -1;
        for (Story o : stories) {
            if (o == s || !categoryOf.get(o).equals(categoryOf.get(s))) continue;
            Set<String> theirs = new HashSet<>(Arrays.asList(o.headline().split("\\s+")));
            theirs.retainAll(mine);
            if (theirs.size() > bestShared) { bestShared = theirs.size(); best = o; }
        }
        return new Story(best.headline(), best.paragraphs(), s.place(), s.day(), s.credit());
    }

    /** Another event that repeats one background paragraph of this story and opens with its headline's subject. */
    static Story followUp(Story s, Story other, Random rnd) {
        List<String> ps = new ArrayList<>(other.paragraphs());
        ps.add(s.paragraphs().get(1 + rnd.nextInt(s.paragraphs().size() - 1)));
        String[] w = s.headline().split("\\s+");
        String head = String.join(" ", Arrays.copyOf(w, Math.min(4, w.length))) + ": " + other.headline();
        return new Story(head, ps, s.place(), s.day(), CREDITS[rnd.nextInt(CREDITS.length)]);
    }

    /** Another story of the same section whose sentences mention this story's names (its headline's long words). */
    static Story sameNamesInBody(Story s, Story other, Random rnd) {
        List<String> names = Arrays.stream(s.headline().split("[\\s,:]+")).filter(w -> w.length() >= 4).toList();
        List<String> ps = new ArrayList<>();
        for (String p : other.paragraphs()) {
            ps.add(names.isEmpty() ? p : names.get(rnd.nextInt(names.size())) + " " + names.get(rnd.nextInt(names.size())) + " " + p);
        }
        return new Story(names.isEmpty() ? other.headline() : names.get(0) + " " + other.headline(), ps, s.place(), s.day(), s.credit());
    }

    // ---- throughput ----

    static void throughput(List<Story> stories, Fingerprinter f) {
        for (int r = 0; r < 3; r++) for (Story s : stories) f.of(s.headline(), s.body());
        long t0 = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - t0 < 2_000_000_000L) {
            for (Story s : stories) { f.of(s.headline(), s.body()); n++; }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double avgBytes = stories.stream().mapToInt(s -> (s.headline() + s.body()).getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
        System.out.printf(Locale.ROOT, "%nfingerprints: %.0f per second (one thread; stories of %.0f bytes UTF-8 on average)%n",
                n / secs, avgBytes);
    }

    static void lookup(List<Story> stories, Fingerprinter f, int stored, int days, Random rnd) throws Exception {
        Path dir = Files.createTempDirectory("dedupe-bench");
        try (Store store = Store.open(null, dir)) {
            FingerprintStore prints = new FingerprintStore(store);
            Instant now = Instant.parse("2026-07-12T06:00:00Z");
            long t0 = System.nanoTime();
            // Synthetic stories: each stored fingerprint needs its row in stories (foreign key).
            int batch = 2000;
            for (int from = 0; from < stored; from += batch) {
                int start = from;
                store.jdbi().useTransaction(h -> {
                    for (int i = start; i < Math.min(stored, start + batch); i++) {
                        Story s = stories.get(i % stories.size());
                        String body = s.body() + " " + i;   // distinct texts
                        Fingerprint fp = f.of(s.headline(), body);
                        long id = h.createUpdate("""
                                INSERT INTO stories (source, uri, version, status, section, slug, headline, item, created_at)
                                VALUES ('bench', :uri, 1, 'published', 'india', 's', 'h', '{}', 0)""")
                                .bind("uri", "u" + i).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                        // Spread over the days oldest first, as an archive arrives; the pruning StoryWrites does.
                        Instant at = days == 0 ? now : now.minusSeconds((long) days * 86400 * (stored - 1 - i) / stored);
                        prints.remember(h, id, "bench", "IANS", fp.contentHash(), fp.shingles(), fp.signature(),
                                f.minHash().bandKeys(fp.signature()), at);
                        if (days > 0 && id % 256 == 0) prints.forgetBefore(h, at.minus(Duplicates.WINDOW));
                    }
                });
            }
            System.out.printf(Locale.ROOT, "stored %d fingerprints (SQLite) %s in %.1f s; %d in the table for the lookups%n", stored,
                    days == 0 ? "all in the probes' week (the worst case)" : "over " + days + " days, pruned to the window as the store does",
                    (System.nanoTime() - t0) / 1e9, prints.fingerprintCount());
            // Lookups: a relay of a stored story (finds it), and a new story (finds nothing), as the pipeline asks.
            List<Long> times = new ArrayList<>();
            int found = 0;
            for (int q = 0; q < 400; q++) {
                Story s = stories.get(rnd.nextInt(stories.size()));
                Story probe = q % 2 == 0 ? relay(s, rnd) : new Story(s.paragraphs().get(2), List.of(s.paragraphs().get(3), s.paragraphs().get(0)), s.place(), s.day(), s.credit());
                long a = System.nanoTime();
                Fingerprint fp = f.of(probe.headline(), probe.body());
                int n = store.jdbi().withHandle(h -> {
                    prints.byContentHash(h, fp.contentHash(), now.minusSeconds(7 * 86400), now.plusSeconds(7 * 86400));
                    return prints.sharingBands(h, f.minHash().bandKeys(fp.signature()), now.minusSeconds(7 * 86400),
                            now.plusSeconds(7 * 86400)).size();
                });
                if (q >= 50) times.add(System.nanoTime() - a);
                if (n > 0) found++;
            }
            Collections.sort(times);
            System.out.printf(Locale.ROOT, "lookup with %d stored (fingerprint + hash query + band query): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; %d of 400 probes had candidates%n",
                    stored, times.get(times.size() / 2) / 1e6, times.get(times.size() * 95 / 100) / 1e6, times.get(times.size() * 99 / 100) / 1e6,
                    times.get(times.size() - 1) / 1e6, found);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // ---- input ----

    static Map<String, List<String>> read(Path dir) throws Exception {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String file : List.of("Hindi_SHC_Valid.csv", "Hindi_SHC_Test.csv")) {
            List<String> lines = Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8);
            for (String line : lines.subList(1, lines.size())) {
                List<String> f = csv(line);
                if (f.size() < 2 || f.get(0).isBlank() || !seen.add(f.get(0).strip())) continue;
                out.computeIfAbsent(f.get(f.size() - 1).strip(), k -> new ArrayList<>()).add(f.get(0).strip());
            }
        }
        out.values().removeIf(l -> l.size() < 50);
        Random r = new Random(7);
        out.values().forEach(l -> Collections.shuffle(l, r));
        return out;
    }

    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { out.add(cur.toString()); cur.setLength(0); }
            else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return args[i + 1];
        return fallback;
    }
}
