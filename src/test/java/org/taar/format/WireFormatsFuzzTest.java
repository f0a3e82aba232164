package org.taar.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Wire files come from outside: whatever the bytes, a parser answers with items or a
 * ParseException, never another exception and never a hang. Seeded, so a failure replays.
 */
class WireFormatsFuzzTest {
    private static final int ITERATIONS = 3000;

    private static final List<String> FIXTURES = List.of(
            "iptc7901/pti-election.txt", "iptc7901/bhasha-hindi.txt", "iptc7901/afp-latin1.txt",
            "iptc7901/uni-kill.txt", "iptc7901/no-soh.txt", "iptc7901/broken.txt",
            "anpa1312/ap-election.txt", "anpa1312/ap-writethru.txt", "anpa1312/ap-takes.txt",
            "anpa1312/ap-lone-take.txt", "anpa1312/ap-kill.txt", "anpa1312/ap-no-controls.txt");

    @Test
    void iptc7901SurvivesMangledInput() {
        fuzz(new Iptc7901Parser(), 7901L);
    }

    @Test
    void anpa1312SurvivesMangledInput() {
        fuzz(new Anpa1312Parser(), 1312L);
    }

    private static void fuzz(FormatParser parser, long seed) {
        Random random = new Random(seed);
        List<byte[]> inputs = FIXTURES.stream().map(Fixtures::bytes).toList();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int results = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mangle(inputs.get(random.nextInt(inputs.size())), random);
            try {
                parser.accepts(input);
                ParseResult r = parser.parse(input, Fixtures.CTX);
                assertThat(r.items()).isNotEmpty().allSatisfy(item -> {
                    assertThat(item.headline()).isNotBlank();
                    assertThat(item.uri()).startsWith("urn:taar:");
                });
                results++;
            } catch (ParseException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException | StackOverflowError e) {
                fail("iteration " + i + " (seed " + seed + ") threw " + e + " on input " + java.util.HexFormat.of().formatHex(input), e);
            }
            if (System.nanoTime() > deadline) fail("fuzzing took over a minute: a parser is too slow or hangs");
        }
        // The mangling must leave some files readable, or the test checks only the error path.
        assertThat(results).isGreaterThan(ITERATIONS / 10);
    }

    /** Truncation, random byte flips, inserted control characters, or pure noise. */
    private static byte[] mangle(byte[] original, Random random) {
        byte[] b = original.clone();
        switch (random.nextInt(5)) {
            case 0 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
            case 1 -> {
                for (int n = random.nextInt(8) + 1; n > 0 && b.length > 0; n--) b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            }
            case 2 -> {
                byte[] controls = {0x01, 0x02, 0x03, 0x04, 0x16, '\r', '\n', '=', '^', '<', 0};
                for (int n = random.nextInt(6) + 1; n > 0 && b.length > 0; n--) b[random.nextInt(b.length)] = controls[random.nextInt(controls.length)];
            }
            case 3 -> {
                int from = random.nextInt(b.length + 1);
                b = java.util.Arrays.copyOfRange(b, from, from + random.nextInt(b.length - from + 1));
            }
            default -> {
                b = new byte[random.nextInt(300)];
                random.nextBytes(b);
                if (b.length > 0 && random.nextBoolean()) b[0] = (byte) (random.nextBoolean() ? 0x01 : 0x02);
            }
        }
        return b;
    }
}
