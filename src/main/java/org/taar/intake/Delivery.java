package org.taar.intake;

import java.time.Instant;

/**
 * One thing received, after it is durable in the archive.
 *
 * @param id the delivery's row in the store
 * @param channel how it came: file (taar ingest), drop (drop folder), push (API), poll
 * @param name the file name or other label the sender gave, for people reading logs
 * @param firstTime false when the same bytes had been received before
 */
public record Delivery(long id, String sha256, String source, String channel, String name, long size,
                       Instant receivedAt, boolean firstTime) {}
