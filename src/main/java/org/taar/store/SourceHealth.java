package org.taar.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A polled source as the store knows it: what is fetched and how it went. Holds no secret
 * (credentials and headers stay in taar.yml), so it can be shown as it is.
 *
 * @param url for a source of taar.yml, the URL without user info, query values replaced by "…"; for a
 *            source added at the desk, the URL as the admin gave it (never with user info: the desk refuses it)
 * @param itemsLast24h story versions received from the source in the last 24 hours, not counting repeats
 * @param origin "config" (taar.yml), "desk" (added at the desk) or "removed" (no longer in taar.yml)
 */
public record SourceHealth(String name, String url, String format, Duration interval, boolean enabled,
                           Instant lastSuccessAt, Instant lastErrorAt, String lastError, int consecutiveFailures,
                           String etag, String lastModified, Instant nextPollAt, long itemsLast24h,
                           String origin) {

    /**
     * "ok" after a success, "failing" after a failure, "pending" before the first poll, "paused" by
     * an admin, "disabled" when no longer configured.
     */
    public String state() {
        if (!enabled) return "removed".equals(origin) ? "disabled" : "paused";
        if (consecutiveFailures > 0) return "failing";
        return lastSuccessAt == null ? "pending" : "ok";
    }
}
