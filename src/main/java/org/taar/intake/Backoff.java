package org.taar.intake;

import java.time.Duration;
import java.util.Random;

/**
 * When to poll again after failures: the interval doubled for each consecutive failure, capped
 * at an hour (or the interval, when that is longer), with ±20% jitter so sources that failed
 * together do not come back together. A server's Retry-After is honoured when it asks for more.
 */
public final class Backoff {
    public static final Duration MAX = Duration.ofHours(1);
    /** A Retry-After longer than this is read as this: a hostile header cannot stop a source for good. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    private final Random random;

    public Backoff(Random random) {
        this.random = random;
    }

    public Duration afterFailures(Duration interval, int failures) {
        if (failures <= 0) return interval;
        Duration cap = interval.compareTo(MAX) > 0 ? interval : MAX;
        long base = interval.toMillis() << Math.min(failures, 30);
        if (base <= 0 || base > cap.toMillis()) base = cap.toMillis();
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis(Math.round(base * jitter));
    }

    /** The backoff, or the server's Retry-After if that is longer. */
    public Duration afterFailures(Duration interval, int failures, Duration retryAfter) {
        Duration backoff = afterFailures(interval, failures);
        if (retryAfter == null) return backoff;
        Duration asked = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }
}
