package org.taar.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A polled source as the store knows it: what is fetched and how it went. Holds no secret
 * (credentials and headers stay in taar.yml), so it can be shown as it is.
 *
 * @param url the URL without user info, query values replaced by "…"
 * @param itemsLast24h story versions received from the source in the last 24 hours, not counting repeats
 */
public record SourceHealth(String name, String url, String format, Duration interval, boolean enabled,
                           Instant lastSuccessAt, Instant lastErrorAt, String lastError, int consecutiveFailures,
                           String etag, String lastModified, Instant nextPollAt, long itemsLast24h) {

    /** "ok" after a success, "failing" after a failure, "pending" before the first poll, "disabled". */
    public String state() {
        if (!enabled) return "disabled";
        if (consecutiveFailures > 0) return "failing";
        return lastSuccessAt == null ? "pending" : "ok";
    }
}
