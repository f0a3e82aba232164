import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.taar.format.Formats;
import org.taar.format.ParseContext;
import org.taar.format.ParseResult;

/**
 * bench/parse: items parsed per second by Taar's RSS and NewsML-G2 parsers, against the JDK's
 * bare StAX read of the same bytes (every event pulled, nothing built) in the same run, and the
 * heap a parse needs on a large feed. Run with bench/parse/run.
 */
public class ParseBench {
    static final String[] WORDS = ("सरकार ने कहा कि देश में मानसून की बारिश से किसानों को राहत मिली है और "
            + "प्रधानमंत्री ने नई योजना की घोषणा की जिससे लाखों लोगों को रोज़गार मिलेगा बाज़ार में तेज़ी "
            + "रही सेंसेक्स चढ़ा खेल भारत ने मैच जीता दिल्ली मुंबई वाशिंगटन लंदन संयुक्त राष्ट्र").split(" ");

    public static void main(String[] args) throws Exception {
        int items = intArg(args, "--items", 5_000);
        int rounds = intArg(args, "--rounds", 5);
        int bigMb = intArg(args, "--big-mb", 100);
        Formats formats = Formats.standard(Long.MAX_VALUE / 2);
        ParseContext ctx = new ParseContext("bench", Instant.now());

        byte[] rss = rss(items, new Random(1));
        byte[] g2 = newsMessage(items, new Random(2));
        System.out.printf(Locale.ROOT, "parse: %d items per document, best of %d rounds; RSS %.1f MB, NewsML-G2 newsMessage %.1f MB%n%n",
                items, rounds, rss.length / 1e6, g2.length / 1e6);
        System.out.printf(Locale.ROOT, "%-22s %14s %14s %10s %14s%n", "document", "taar items/s", "stax items/s", "ratio", "taar MB/s");
        row("RSS 2.0", formats, ctx, rss, items, rounds, "rss");
        row("NewsML-G2", formats, ctx, g2, items, rounds, "newsmlg2");

        if (bigMb > 0) {
            int perMb = (int) Math.max(1, items * 1_000_000L / rss.length);
            byte[] big = rss(perMb * bigMb, new Random(3));
            rss = null;
            g2 = null;
            // Live heap, not garbage: a forced collection every 1,000 items, then the heap in use.
            long before = liveHeap();
            long[] maxLive = {0};
            int[] count = {0};
            long t0 = System.nanoTime();
            formats.parse(big, "rss", ctx, item -> {
                if (++count[0] % 1000 == 0) maxLive[0] = Math.max(maxLive[0], liveHeap());
            });
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%nlarge feed, streamed: %.1f MB, %d items in %.1f s (with a GC every 1,000 items); "
                            + "live heap before %.0f MB (the feed's bytes included), at most %.0f MB during the parse: "
                            + "%+.1f MB, %.3fx the input%n",
                    big.length / 1e6, count[0], secs, before / 1e6, maxLive[0] / 1e6,
                    (maxLive[0] - before) / 1e6, (double) (maxLive[0] - before) / big.length);
        }
    }

    static long liveHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static void row(String label, Formats formats, ParseContext ctx, byte[] doc, int items, int rounds, String format)
            throws Exception {
        double bestTaar = Double.MAX_VALUE, bestStax = Double.MAX_VALUE;
        int parsed = 0;
        for (int i = 0; i < rounds + 1; i++) {
            long t0 = System.nanoTime();
            parsed = formats.parse(doc, format, ctx).items().size();
            double t = (System.nanoTime() - t0) / 1e9;
            long s0 = System.nanoTime();
            long events = staxRead(doc);
            double s = (System.nanoTime() - s0) / 1e9;
            if (i == 0) continue; // warm-up round
            bestTaar = Math.min(bestTaar, t);
            bestStax = Math.min(bestStax, s);
            if (events == 0) throw new IllegalStateException("no events");
        }
        if (parsed != items) throw new IllegalStateException(label + ": parsed " + parsed + " of " + items + " items");
        System.out.printf(Locale.ROOT, "%-22s %14.0f %14.0f %9.2fx %14.1f%n", label, items / bestTaar, items / bestStax,
                bestStax / bestTaar, doc.length / 1e6 / bestTaar);
    }

    /** The baseline: the JDK's StAX pulling every event of the same bytes, building nothing. */
    static long staxRead(byte[] doc) throws Exception {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(doc));
        long n = 0;
        while (r.hasNext()) {
            r.next();
            n++;
        }
        return n;
    }

    static String sentence(Random rnd, int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) b.append(i == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
        return b.toString();
    }

    static byte[] rss(int items, Random rnd) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(items * 3000);
        StringBuilder b = new StringBuilder(4096);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>बेंच</title><link>https://example.in/</link>"
                + "<description>bench</description><language>hi</language>\n");
        for (int i = 0; i < items; i++) {
            b.append("<item><title>").append(sentence(rnd, 10)).append(' ').append(i).append("</title>")
                    .append("<link>https://example.in/story/").append(i).append("</link>")
                    .append("<guid isPermaLink=\"false\">urn:bench:rss:").append(i).append("</guid>")
                    .append("<pubDate>Sat, 12 Jul 2025 11:19:00 +0530</pubDate><dc:creator>IANS</dc:creator>")
                    .append("<category>देश</category><description>").append(sentence(rnd, 25)).append("</description>")
                    .append("<content:encoded><![CDATA[");
            for (int p = 0; p < 5; p++) b.append("<p>").append(sentence(rnd, 30)).append("</p>");
            b.append("]]></content:encoded></item>\n");
            bytes.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
            b.setLength(0);
        }
        b.append("</channel></rss>\n");
        bytes.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    static byte[] newsMessage(int items, Random rnd) {
        StringBuilder b = new StringBuilder(items * 2200);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\">"
                + "<header><sent>2025-07-12T11:19:00+05:30</sent></header><itemSet>\n");
        for (int i = 0; i < items; i++) {
            b.append("<newsItem guid=\"urn:newsml:bench:").append(i).append("\" version=\"1\" standard=\"NewsML-G2\" "
                    + "standardversion=\"2.35\" conformance=\"power\" xml:lang=\"hi\"><catalogRef href=\"http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml\"/>"
                    + "<itemMeta><itemClass qcode=\"ninat:text\"/><provider literal=\"IANS\"/>"
                    + "<versionCreated>2025-07-12T11:19:00+05:30</versionCreated><pubStatus qcode=\"stat:usable\"/></itemMeta>"
                    + "<contentMeta><located><name>नई दिल्ली</name></located><subject type=\"cpnat:abstract\" qcode=\"medtop:11000000\"><name>राजनीति</name></subject>"
                    + "<headline>").append(sentence(rnd, 10)).append(' ').append(i).append("</headline>"
                    + "<description role=\"drol:summary\">").append(sentence(rnd, 25)).append("</description></contentMeta>"
                    + "<contentSet><inlineXML contenttype=\"application/nitf+xml\"><nitf xmlns=\"http://iptc.org/std/NITF/2006-10-18/\"><body><body.content>");
            for (int p = 0; p < 5; p++) b.append("<p>").append(sentence(rnd, 30)).append("</p>");
            b.append("</body.content></body></nitf></inlineXML></contentSet></newsItem>\n");
        }
        b.append("</itemSet></newsMessage>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }
}
