package org.taar.store;

import java.time.Instant;
import org.taar.story.EventKind;
import org.taar.story.Status;

/**
 * An editor's release, hold, kill or restore, written by {@link StoryWrites#change} with its event and
 * audit entry in the caller's transaction.
 *
 * @param from the status the story must still have; null for a kill, which applies whatever it was
 * @param event what readers must catch up with; null when they see no change (a killed story
 *     restored to held keeps answering 410 until it is published)
 */
public record StatusChange(long storyId, Status from, Status to, String reason, EventKind event,
                           StoryVersion.Audit audit, Instant at) {}
