package org.taar.store;

import java.time.Instant;
import org.taar.story.EventKind;
import org.taar.story.Status;

/**
 * An editor's release, hold or kill, written by {@link StoryWrites#change} with its event and
 * audit entry in the caller's transaction.
 *
 * @param from the status the story must still have; null for a kill, which applies whatever it was
 */
public record StatusChange(long storyId, Status from, Status to, String reason, EventKind event,
                           StoryVersion.Audit audit, Instant at) {}
