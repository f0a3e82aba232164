package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged deliveries (truncated, bytes flipped, bytes dropped or repeated) end in a result or a
 * {@link ParseException}, never in another exception: a bad file must not stop the intake.
 */
class IptcFuzzTest {
    private static final int RUNS = 2000;

    private static void fuzz(FormatParser parser, long seed, String... fixtures) {
        Random random = new Random(seed);
        List<String> failures = new ArrayList<>();
        int results = 0;
        int refused = 0;
        for (int run = 0; run < RUNS; run++) {
            byte[] original = Fixtures.bytes(fixtures[run % fixtures.length]);
            byte[] damaged = damage(original, random);
            try {
                ParseResult r = parser.parse(damaged, Fixtures.CTX);
                assertThat(r).isNotNull();
                results++;
            } catch (ParseException e) {
                assertThat(e.getMessage()).isNotBlank();
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                if (failures.size() < 5) failures.add("run " + run + " (" + fixtures[run % fixtures.length] + "): " + e);
            }
        }
        assertThat(failures).isEmpty();
        // Both outcomes must occur, or the damage is too mild or too harsh to test anything.
        assertThat(results).isPositive();
        assertThat(refused).isPositive();
    }

    static byte[] damage(byte[] b, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Arrays.copyOf(b, random.nextInt(b.length));
            case 1 -> {
                byte[] c = b.clone();
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) c[random.nextInt(c.length)] = (byte) random.nextInt(256);
                yield c;
            }
            case 2 -> {
                int from = random.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + random.nextInt(40));
                byte[] c = new byte[b.length - len];
                System.arraycopy(b, 0, c, 0, from);
                System.arraycopy(b, from + len, c, from, b.length - from - len);
                yield c;
            }
            default -> {
                int from = random.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + random.nextInt(40));
                byte[] c = new byte[b.length + len];
                System.arraycopy(b, 0, c, 0, from + len);
                System.arraycopy(b, from, c, from + len, b.length - from);
                yield c;
            }
        };
    }

    @Test
    void damagedNewsmlG2NeverThrowsAnythingButParseException() {
        fuzz(new NewsmlG2Parser(), 20250303L, "newsmlg2/bhasha-hindi.xml", "newsmlg2/ians-message.xml",
                "newsmlg2/bhasha-embargoed.xml", "newsmlg2/kill-notice.xml");
    }

    @Test
    void damagedNewsmlNeverThrowsAnythingButParseException() {
        fuzz(new NewsmlParser(), 19990101L, "newsml/uni-hindi.xml");
    }

    @Test
    void damagedNitfNeverThrowsAnythingButParseException() {
        fuzz(new NitfParser(), 36L, "nitf/ians-hindi.xml", "nitf/plain-no-namespace.xml");
    }
}
