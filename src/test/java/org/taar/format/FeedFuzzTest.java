package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taar.item.NewsItem;

/**
 * Damaged feeds (seeded truncations, byte flips, inserted markup) give a result or a
 * ParseException, never another exception and never a hang; what they give is still safe.
 */
class FeedFuzzTest {
    /** Fixed so a failure can be replayed; -Dtaar.fuzz.seed=N tries other damage. */
    private static final long SEED = Long.getLong("taar.fuzz.seed", 20250712L);
    private static final int RUNS_PER_FIXTURE = 400;
    private static final long MILLIS_PER_RUN = 5_000;
    private static final List<String> FIXTURES = List.of(
            "feeds/rss2-hindi.xml", "feeds/rss10-hindi.rdf", "feeds/rss091-latin1.xml", "feeds/rss-truncated.xml",
            "feeds/atom10-hindi.xml", "feeds/atom03.xml", "feeds/jsonfeed-1.1.json", "feeds/jsonfeed-1.0.json");
    private static final byte[][] INSERTS = {
        utf8("<"), utf8("&"), utf8("]]>"), utf8("<![CDATA["), utf8("</item>"), utf8("<entry>"), utf8("&#0;"),
        utf8("&#xD800;"), utf8("&nbsp;"), utf8("\""), utf8("{"), utf8("]"), utf8("<!DOCTYPE x [<!ENTITY a \"b\">]>"),
        utf8("<script>x()</script>"), utf8("xml:base=\"javascript:x\""), {(byte) 0xFF, (byte) 0xFE}, {0}, utf8("क़")
    };

    private static ExecutorService runner;
    private final Formats formats = Formats.standard();

    @BeforeAll
    static void start() {
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "feed-fuzz");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() {
        runner.shutdownNow();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void damagedFeedsGiveAResultOrAParseException() throws Exception {
        Random random = new Random(SEED);
        int results = 0;
        int refusals = 0;
        for (String fixture : FIXTURES) {
            byte[] original = Fixtures.bytes(fixture);
            for (int run = 0; run < RUNS_PER_FIXTURE; run++) {
                byte[] damaged = damage(original, random);
                String parser = switch (run % 4) {
                    case 0 -> "rss";
                    case 1 -> "atom";
                    case 2 -> "jsonfeed";
                    default -> null;
                };
                String what = fixture + " run " + run + " via " + (parser == null ? "sniffing" : parser);
                Future<Object> outcome = runner.submit(() -> {
                    try {
                        return formats.parse(damaged, parser, Fixtures.CTX);
                    } catch (ParseException e) {
                        return e;
                    }
                });
                Object o;
                try {
                    o = outcome.get(MILLIS_PER_RUN, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    outcome.cancel(true);
                    fail(what + " took longer than " + MILLIS_PER_RUN + " ms");
                    return;
                } catch (ExecutionException e) {
                    throw new AssertionError(what + " threw " + e.getCause(), e.getCause());
                }
                if (o instanceof ParseResult r) {
                    results++;
                    for (NewsItem item : r.items()) {
                        assertThat(item.uri()).as(what).isNotBlank();
                        // An untitled entry is kept without a headline, and says so; a headline is never blank.
                        if (item.headline() == null) assertThat(item.warnings()).as(what).contains("no title");
                        else assertThat(item.headline()).as(what).isNotBlank();
                        String printed = Fixtures.printed(item.bodyHtml());
                        assertThat(FeedCorpusTest.unsafeMarkup(what, printed)).as(printed).isEmpty();
                    }
                } else {
                    refusals++;
                    assertThat(((ParseException) o).getMessage()).as(what).isNotBlank();
                }
            }
        }
        // Both outcomes must really occur, or the damage is too mild or too harsh to test anything.
        assertThat(results).isGreaterThan(200);
        assertThat(refusals).isGreaterThan(200);
    }

    /** One to three of: cut the end off, flip a byte, insert a troublesome snippet, drop a range. */
    static byte[] damage(byte[] in, Random random) {
        byte[] b = Arrays.copyOf(in, in.length);
        int steps = 1 + random.nextInt(3);
        for (int i = 0; i < steps && b.length > 0; i++) {
            switch (random.nextInt(4)) {
                case 0 -> b = Arrays.copyOf(b, random.nextInt(b.length));
                case 1 -> {
                    for (int k = 1 + random.nextInt(4); k > 0 && b.length > 0; k--) {
                        b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 2 -> {
                    byte[] insert = INSERTS[random.nextInt(INSERTS.length)];
                    int at = random.nextInt(b.length + 1);
                    List<Byte> list = new ArrayList<>();
                    for (byte x : b) list.add(x);
                    for (int k = insert.length - 1; k >= 0; k--) list.add(at, insert[k]);
                    b = new byte[list.size()];
                    for (int k = 0; k < b.length; k++) b[k] = list.get(k);
                }
                default -> {
                    int from = random.nextInt(b.length);
                    int to = Math.min(b.length, from + random.nextInt(200));
                    byte[] cut = new byte[b.length - (to - from)];
                    System.arraycopy(b, 0, cut, 0, from);
                    System.arraycopy(b, to, cut, from, b.length - to);
                    b = cut;
                }
            }
        }
        return b;
    }
}
