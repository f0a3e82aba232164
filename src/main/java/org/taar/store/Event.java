package org.taar.store;

import java.time.Instant;
import org.taar.story.EventKind;

/** One row of the append-only event table: a story whose public state changed. */
public record Event(long seq, long storyId, EventKind kind, Instant at) {}
