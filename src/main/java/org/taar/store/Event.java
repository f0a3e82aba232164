package org.taar.store;

import java.time.Instant;

/** One row of the append-only event table: a story whose public state changed. */
public record Event(long seq, long storyId, String kind, Instant at) {}
