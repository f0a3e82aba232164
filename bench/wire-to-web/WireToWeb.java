import java.io.IOException;
import java.io.PrintWriter;
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
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire-to-web latency of a running Taar server: for each pushed story, the time from the start
 * of its POST /api/v1/ingest until its article URL first answers 200. The baseline (floor) is a
 * plain GET /healthz round trip, measured in the same run over the same HTTP client, and the
 * figures are printed as ratios over it.
 *
 * <p>Single-file program, JDK only: {@code java bench/wire-to-web/WireToWeb.java --base URL --key KEY}.
 * The {@code run} script beside it starts a fresh server and passes these options.
 */
public final class WireToWeb {

    record Options(String base, String key, int stories, int pushers, int floor, int warmup, int pollMs,
                   long timeoutMs, String label, Path csv) {
        static Options parse(String[] args) {
            String base = null, key = null, label = "";
            int stories = 1000, pushers = 4, floor = 1000, warmup = 20, pollMs = 10;
            long timeoutMs = 30_000;
            Path csv = null;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--base" -> { base = v; i++; }
                    case "--key" -> { key = v; i++; }
                    case "--stories" -> { stories = Integer.parseInt(v); i++; }
                    case "--pushers" -> { pushers = Integer.parseInt(v); i++; }
                    case "--floor" -> { floor = Integer.parseInt(v); i++; }
                    case "--warmup" -> { warmup = Integer.parseInt(v); i++; }
                    case "--poll-ms" -> { pollMs = Integer.parseInt(v); i++; }
                    case "--timeout-ms" -> { timeoutMs = Long.parseLong(v); i++; }
                    case "--label" -> { label = v; i++; }
                    case "--csv" -> { csv = Path.of(v); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + a
                            + "; options: --base URL --key KEY [--stories N] [--pushers N] [--floor N]"
                            + " [--warmup N] [--poll-ms N] [--timeout-ms N] [--label TEXT] [--csv FILE]");
                }
            }
            if (base == null || key == null) throw new IllegalArgumentException("--base and --key are required");
            if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
            return new Options(base, key, stories, pushers, floor, warmup, pollMs, timeoutMs, label, csv);
        }
    }

    /** One measured story: nanoseconds from the start of the POST to the 202, and to the first 200. */
    record Sample(int n, String section, int bytes, long postNanos, long webNanos, int polls) {}

    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");

    private final Options opt;
    private final HttpClient http;

    WireToWeb(Options opt) {
        this.opt = opt;
        // HTTP/1.1 with kept-alive connections, like a CDN or an agency's pusher would use.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        // --print N: show generated story N and the size spread of the first 1,000, then exit.
        if (args.length == 2 && args[0].equals("--print")) {
            Stories gen = new Stories(20250529L);
            System.out.print(gen.story("run", Integer.parseInt(args[1])).text());
            int[] sizes = java.util.stream.IntStream.range(0, 1000)
                    .map(i -> gen.story("run", i).text().getBytes(StandardCharsets.UTF_8).length).sorted().toArray();
            System.err.printf("bytes over 1,000 stories: min %d, median %d, max %d%n", sizes[0], sizes[500], sizes[999]);
            return;
        }
        Options opt;
        try {
            opt = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("WireToWeb: " + e.getMessage());
            System.exit(2);
            return;
        }
        new WireToWeb(opt).run();
    }

    void run() throws Exception {
        Stories gen = new Stories(20250529L);
        System.out.printf(Locale.ROOT, "wire-to-web %s: %d stories, %d pushers, poll every %d ms, floor %d x GET /healthz, warm-up %d stories + %d GETs (not counted)%n",
                opt.label, opt.stories, opt.pushers, opt.pollMs, opt.floor, opt.warmup, opt.warmup * 10);

        // Warm-up: JIT both sides and open the connections; these figures are thrown away.
        for (int i = 0; i < opt.warmup * 10; i++) get("/healthz");
        pushAll(gen, "warm", opt.warmup);

        // Baseline first, then the measured pushes, so both see the same warmed server.
        long[] floor = new long[opt.floor];
        for (int i = 0; i < opt.floor; i++) {
            long t0 = System.nanoTime();
            int status = get("/healthz");
            floor[i] = System.nanoTime() - t0;
            if (status != 200) throw new IllegalStateException("/healthz answered " + status);
        }

        long wall0 = System.nanoTime();
        List<Sample> samples = pushAll(gen, "run", opt.stories);
        double wallSec = (System.nanoTime() - wall0) / 1e9;

        long[] post = samples.stream().mapToLong(Sample::postNanos).sorted().toArray();
        long[] web = samples.stream().mapToLong(Sample::webNanos).sorted().toArray();
        long[] lag = samples.stream().mapToLong(s -> s.webNanos() - s.postNanos()).sorted().toArray();
        Arrays.sort(floor);
        double avgBytes = samples.stream().mapToInt(Sample::bytes).average().orElse(0);
        double avgPolls = samples.stream().mapToInt(Sample::polls).average().orElse(0);

        System.out.printf(Locale.ROOT, "stories: %d pushed in %.1f s (%.1f stories/s), body %.0f bytes on average, %.1f polls per story%n",
                samples.size(), wallSec, samples.size() / wallSec, avgBytes, avgPolls);
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %9s %9s %9s %9s%n", "ms", "p50", "p90", "p99", "max");
        row("floor: GET /healthz", floor);
        row("ingest: POST -> 202", post);
        row("publish lag: 202 -> first 200", lag);
        row("wire-to-web: POST start -> 200", web);
        System.out.println();
        System.out.printf(Locale.ROOT, "ratio wire-to-web / floor:   p50 %.1fx   p99 %.1fx%n",
                ratio(web, floor, 50), ratio(web, floor, 99));
        System.out.printf(Locale.ROOT, "ratio POST 202 / floor:      p50 %.1fx   p99 %.1fx%n",
                ratio(post, floor, 50), ratio(post, floor, 99));
        double p99 = ms(pct(web, 99));
        System.out.printf(Locale.ROOT, "target: wire-to-web p99 < 250 ms: %s (p99 %.1f ms)%n", p99 < 250 ? "MET" : "MISSED", p99);

        if (opt.csv != null) {
            Files.createDirectories(opt.csv.toAbsolutePath().getParent());
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(opt.csv))) {
                w.println("n,section,bytes,post_ms,web_ms,polls");
                for (Sample s : samples) {
                    w.printf(Locale.ROOT, "%d,%s,%d,%.3f,%.3f,%d%n", s.n(), s.section(), s.bytes(),
                            ms(s.postNanos()), ms(s.webNanos()), s.polls());
                }
            }
            System.out.println("per-story figures: " + opt.csv);
        }
    }

    /** Pushes {@code count} stories with {@code opt.pushers} workers; each worker polls its own story's URL. */
    private List<Sample> pushAll(Stories gen, String run, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(opt.pushers);
        try {
            List<Future<List<Sample>>> workers = new ArrayList<>();
            for (int w = 0; w < opt.pushers; w++) {
                workers.add(pool.submit(() -> {
                    List<Sample> mine = new ArrayList<>();
                    for (int n; (n = next.getAndIncrement()) < count; ) mine.add(pushOne(gen, run, n));
                    return mine;
                }));
            }
            List<Sample> all = new ArrayList<>();
            for (Future<List<Sample>> f : workers) all.addAll(f.get());
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private Sample pushOne(Stories gen, String run, int n) throws IOException, InterruptedException {
        Stories.Story story = gen.story(run, n);
        byte[] body = story.text().getBytes(StandardCharsets.UTF_8);
        HttpRequest post = HttpRequest.newBuilder(URI.create(opt.base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + opt.key)
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long t0 = System.nanoTime();
        HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
        long t202 = System.nanoTime();
        if (answer.statusCode() != 202) {
            throw new IllegalStateException("story " + run + ":" + n + ": POST answered " + answer.statusCode() + ": " + answer.body());
        }
        Matcher m = URL.matcher(answer.body());
        if (!m.find()) throw new IllegalStateException("no url in " + answer.body());
        String path = m.group(1);
        int polls = 0;
        while (true) {
            polls++;
            int status = get(path);
            if (status == 200) break;
            if (System.nanoTime() - t0 > opt.timeoutMs * 1_000_000L) {
                throw new IllegalStateException("story " + run + ":" + n + " at " + path + " still " + status
                        + " after " + opt.timeoutMs + " ms");
            }
            Thread.sleep(opt.pollMs);
        }
        long t200 = System.nanoTime();
        return new Sample(n, story.section(), body.length, t202 - t0, t200 - t0, polls);
    }

    private int get(String path) throws IOException, InterruptedException {
        String url = path.startsWith("http") ? path : opt.base + path;
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).GET().build();
        return http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void row(String name, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-34s %9.2f %9.2f %9.2f %9.2f%n", name,
                ms(pct(sorted, 50)), ms(pct(sorted, 90)), ms(pct(sorted, 99)), ms(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile of a sorted array. */
    static long pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ratio(long[] a, long[] floor, double p) {
        return (double) pct(a, p) / Math.max(1, pct(floor, p));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /**
     * Generated Hindi wire stories: headline, summary, section, tags, 4-6 paragraphs, about
     * 1.5 KB of UTF-8 each. Deterministic for a seed, distinct for every (run, n).
     */
    static final class Stories {
        record Story(String section, String text) {}

        private record Desk(String section, String[] subjects, String[] events, String[] tags, String[] sentences) {}

        private static final String[] PLACES = {"नई दिल्ली", "मुंबई", "कोलकाता", "चेन्नई", "लखनऊ", "जयपुर", "पटना", "भोपाल",
                "अहमदाबाद", "हैदराबाद", "बेंगलुरु", "चंडीगढ़", "रांची", "देहरादून", "शिमला", "गुवाहाटी", "रायपुर", "भुवनेश्वर"};
        private static final String[] MONTHS = {"जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर",
                "अक्टूबर", "नवंबर", "दिसंबर"};
        private static final String[] AGENCIES = {"IANS", "PTI", "UNI", "ANI"};
        private static final String[] AGENCY_HI = {"आईएएनएस", "पीटीआई", "यूएनआई", "एएनआई"};
        private static final String[] CONSEQUENCES = {"अधिकारियों ने दी जानकारी", "जांच के आदेश", "विपक्ष ने उठाए सवाल",
                "लोगों में खुशी", "सरकार ने बनाई समिति", "विशेषज्ञों ने जताई चिंता", "अगले सप्ताह होगी बैठक",
                "नई योजना का ऐलान", "रिपोर्ट में खुलासा", "तैयारियां तेज़"};
        private static final String[] COMMON = {
                "अधिकारियों ने बताया कि स्थिति पर लगातार नज़र रखी जा रही है और ज़रूरत पड़ने पर अतिरिक्त कदम उठाए जाएंगे।",
                "इस बारे में विस्तृत रिपोर्ट अगले कुछ दिनों में सार्वजनिक की जाएगी, जिसके बाद आगे की रणनीति तय होगी।",
                "स्थानीय लोगों ने इस फैसले का स्वागत किया, हालांकि कुछ संगठनों ने इसके क्रियान्वयन पर सवाल उठाए हैं।",
                "सूत्रों के अनुसार इस मुद्दे पर संबंधित विभागों के बीच कई दौर की बातचीत पहले ही हो चुकी है।",
                "जानकारों का मानना है कि इसका असर आने वाले महीनों में साफ़ तौर पर दिखाई देगा।",
        };

        private static final Desk[] DESKS = {
                new Desk("देश",
                        new String[]{"राज्य सरकार", "चुनाव आयोग", "मौसम विभाग", "स्वास्थ्य मंत्रालय", "नगर निगम", "रेलवे", "उच्च न्यायालय", "शिक्षा विभाग"},
                        new String[]{"ने जारी किए नए निर्देश", "ने शुरू की विशेष मुहिम", "का बड़ा फैसला", "ने मांगी रिपोर्ट", "ने बढ़ाई समय सीमा", "ने दी मंजूरी"},
                        new String[]{"राजनीति", "मौसम", "स्वास्थ्य", "शिक्षा", "रेलवे", "न्यायालय", "चुनाव", "बुनियादी ढांचा"},
                        new String[]{"राज्य के मुख्य सचिव ने सभी जिलाधिकारियों के साथ वीडियो कॉन्फ्रेंस के ज़रिये तैयारियों की समीक्षा की।",
                                "मंत्रालय के प्रवक्ता ने कहा कि नई व्यवस्था से आम नागरिकों को सीधा लाभ मिलेगा और शिकायतों का निपटारा तेज़ होगा।",
                                "विपक्षी दलों ने इस कदम को देर से उठाया गया बताया और संसद में इस पर चर्चा की मांग की।",
                                "ग्रामीण इलाकों में इसके लिए विशेष शिविर लगाए जाएंगे ताकि कोई भी पात्र व्यक्ति छूट न जाए।"}),
                new Desk("खेल",
                        new String[]{"भारतीय टीम", "कप्तान", "युवा बल्लेबाज़", "हॉकी टीम", "महिला टीम", "कोच", "तेज़ गेंदबाज़", "पहलवान"},
                        new String[]{"ने जीता खिताब", "ने रचा इतिहास", "फाइनल में पहुंची", "को मिली करारी हार", "ने तोड़ा रिकॉर्ड", "टूर्नामेंट से बाहर"},
                        new String[]{"क्रिकेट", "हॉकी", "कुश्ती", "फुटबॉल", "बैडमिंटन", "ओलंपिक", "टेनिस", "एथलेटिक्स"},
                        new String[]{"मैच की शुरुआत से ही टीम ने आक्रामक रुख अपनाया और विरोधी खेमे को संभलने का मौका नहीं दिया।",
                                "कप्तान ने मैच के बाद कहा कि यह जीत पूरी टीम की मेहनत का नतीजा है और आगे भी यही लय बनाए रखनी होगी।",
                                "दर्शकों से खचाखच भरे स्टेडियम में खिलाड़ियों का जोरदार स्वागत हुआ और जश्न देर रात तक चलता रहा।",
                                "चयनकर्ताओं ने संकेत दिया है कि अगली श्रृंखला के लिए टीम में कुछ नए चेहरों को मौका मिल सकता है।"}),
                new Desk("विदेश",
                        new String[]{"अमेरिकी राष्ट्रपति", "संयुक्त राष्ट्र", "ब्रिटेन की संसद", "चीन", "जापान के प्रधानमंत्री", "यूरोपीय संघ", "रूस", "नेपाल सरकार"},
                        new String[]{"ने की अहम घोषणा", "के साथ हुआ समझौता", "ने लगाए नए प्रतिबंध", "की यात्रा पर", "ने बुलाई आपात बैठक", "ने जताई आपत्ति"},
                        new String[]{"कूटनीति", "अमेरिका", "संयुक्त राष्ट्र", "व्यापार समझौता", "जलवायु", "सुरक्षा परिषद", "यूरोप", "एशिया"},
                        new String[]{"विदेश मंत्रालय के प्रवक्ता ने कहा कि भारत इस घटनाक्रम पर करीब से नज़र रखे हुए है और अपने नागरिकों की सुरक्षा सर्वोपरि है।",
                                "दोनों देशों के प्रतिनिधिमंडलों के बीच व्यापार, रक्षा और तकनीक के क्षेत्र में सहयोग बढ़ाने पर विस्तार से चर्चा हुई।",
                                "अंतरराष्ट्रीय पर्यवेक्षकों का मानना है कि इस फैसले का असर पूरे क्षेत्र की राजनीति पर पड़ेगा।",
                                "राजधानी में हुए प्रदर्शनों के बाद सरकार ने सुरक्षा व्यवस्था कड़ी कर दी है और कई सड़कों को बंद किया गया है।"}),
                new Desk("कारोबार",
                        new String[]{"सेंसेक्स", "रिज़र्व बैंक", "रुपया", "सोने का भाव", "शेयर बाज़ार", "जीएसटी परिषद", "ऑटो कंपनियां", "दूरसंचार कंपनियां"},
                        new String[]{"में भारी उछाल", "ने ब्याज दरें स्थिर रखीं", "में गिरावट", "रिकॉर्ड ऊंचाई पर", "ने बढ़ाए दाम", "की बिक्री में तेज़ी"},
                        new String[]{"शेयर बाज़ार", "बैंकिंग", "महंगाई", "जीएसटी", "निवेश", "रुपया", "ऑटो उद्योग", "सोना"},
                        new String[]{"बाज़ार विश्लेषकों के मुताबिक विदेशी संस्थागत निवेशकों की लगातार खरीदारी से धारणा मज़बूत बनी हुई है।",
                                "कारोबार के दौरान बैंकिंग और सूचना प्रौद्योगिकी कंपनियों के शेयरों में सबसे ज़्यादा हलचल देखी गई।",
                                "अर्थशास्त्रियों का कहना है कि महंगाई दर में नरमी से आने वाले महीनों में ब्याज दरों में कटौती की गुंजाइश बन सकती है।",
                                "कंपनी ने अपनी तिमाही रिपोर्ट में कहा कि ग्रामीण मांग में सुधार से बिक्री को सहारा मिला है।"}),
        };

        private final long seed;

        Stories(long seed) {
            this.seed = seed;
        }

        Story story(String run, int n) {
            Random r = new Random(seed * 31 + run.hashCode() * 1_000_003L + n);
            Desk d = DESKS[n % DESKS.length];
            String place = pick(r, PLACES);
            String subject = pick(r, d.subjects);
            String event = pick(r, d.events);
            int agency = r.nextInt(AGENCIES.length);
            int day = 1 + r.nextInt(28);
            String month = MONTHS[r.nextInt(12)];
            // The number keeps every headline distinct, as wire headlines about different events are.
            int figure = 10 + (n * 37 + r.nextInt(7)) % 990;
            String consequence = pick(r, CONSEQUENCES);
            String headline = place + ": " + subject + " " + event + ", " + figure + " " + pick(r, new String[]{"करोड़ की", "लोगों की", "दिनों की", "प्रतिशत की"})
                    + " चर्चा, " + consequence;
            String summary = place + " से मिली जानकारी के अनुसार " + subject + " " + event + "।";
            List<String> tags = new ArrayList<>();
            tags.add(pick(r, d.tags));
            String second = pick(r, d.tags);
            if (!second.equals(tags.get(0))) tags.add(second);
            tags.add(place);

            StringBuilder sb = new StringBuilder();
            sb.append("Headline: ").append(headline).append('\n');
            sb.append("Summary: ").append(summary).append('\n');
            sb.append("Section: ").append(d.section).append('\n');
            sb.append("Tags: ").append(String.join(", ", tags)).append('\n');
            sb.append("Agency: ").append(AGENCIES[agency]).append('\n');
            sb.append("URI: urn:bench:").append(run).append(':').append(n).append('\n');
            sb.append("Version: 1\n\n");
            sb.append(place).append(", ").append(day).append(' ').append(month).append(" (").append(AGENCY_HI[agency]).append(")। ")
                    .append(subject).append(' ').append(event).append(", ").append(consequence).append("।\n\n");
            int paragraphs = 4 + r.nextInt(3);
            List<String> pool = new ArrayList<>(Arrays.asList(d.sentences));
            pool.addAll(Arrays.asList(COMMON));
            java.util.Collections.shuffle(pool, r);
            for (int p = 1; p < paragraphs; p++) sb.append(pool.get(p - 1)).append("\n\n");
            return new Story(d.section, sb.toString().strip() + "\n");
        }

        private static String pick(Random r, String[] a) {
            return a[r.nextInt(a.length)];
        }
    }
}
