package org.taar.format;

import java.time.Instant;

/**
 * What a parser may know about a delivery besides its bytes.
 *
 * @param source the source's name, part of a derived uri when the format carries none
 * @param receivedAt when the delivery arrived, used as first-created time when the item has none
 */
public record ParseContext(String source, Instant receivedAt) {}
