package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The wait after failures: doubling, capped, jittered, and never shorter than the server asked. */
class BackoffTest {
    private final Backoff backoff = new Backoff(new Random(7));
    private final Duration minute = Duration.ofMinutes(1);

    @Test
    void doublesWithEachFailureWithinTwentyPercent() {
        for (int failures = 1; failures <= 5; failures++) {
            long base = 60_000L << failures;
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.afterFailures(minute, failures).toMillis()).isBetween(base * 8 / 10, base * 12 / 10);
            }
        }
    }

    @Test
    void isCappedAtAnHourButNeverBelowTheInterval() {
        assertThat(backoff.afterFailures(minute, 40).toMillis()).isBetween(2_880_000L, 4_320_000L);
        assertThat(backoff.afterFailures(Duration.ofHours(3), 2).toMillis())
                .isBetween(Duration.ofHours(3).toMillis() * 8 / 10, Duration.ofHours(3).toMillis() * 12 / 10);
        assertThat(backoff.afterFailures(minute, 0)).isEqualTo(minute);
    }

    @Test
    void retryAfterWinsWhenLongerAndIsCappedAtADay() {
        assertThat(backoff.afterFailures(minute, 1, Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(30));
        assertThat(backoff.afterFailures(minute, 1, Duration.ofSeconds(1)).toSeconds()).isBetween(96L, 144L);
        assertThat(backoff.afterFailures(minute, 1, Duration.ofDays(30))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void jitterSpreadsSourcesThatFailedTogether() {
        long a = backoff.afterFailures(minute, 3).toMillis();
        long b = backoff.afterFailures(minute, 3).toMillis();
        assertThat(a).isNotEqualTo(b);
    }
}
