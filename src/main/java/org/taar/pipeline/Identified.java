package org.taar.pipeline;

import java.util.Optional;
import org.taar.dedupe.Duplicates;
import org.taar.story.Story;

/**
 * What the identify step found an incoming version to be, given the stored story (versions,
 * kills, duplicates). Only {@link New} and {@link Update} go on to the rules; every other case
 * is already settled.
 */
sealed interface Identified {
    /** The same delivery brought this version before (a re-poll, a retried push): nothing to write. */
    record Repeat(Story story) implements Identified {}

    /** A version at or below the stored one: recorded, changes nothing. */
    record Stale(Story story) implements Identified {}

    /** The story was killed before: later versions are recorded and never published. */
    record AfterKill(Story story) implements Identified {}

    /** The agency cancelled the story; {@code current} is empty when its uri names no stored story. */
    record Kill(Optional<Story> current) implements Identified {}

    /** A later version of a stored duplicate: still the same copy, recorded, never published. */
    record DuplicateAgain(Story story) implements Identified {}

    /** A new story repeating an earlier one: stored and linked to it, not published; readers find the first. */
    record Duplicate(Duplicates.Match match, String originalPath) implements Identified {}

    /**
     * A story seen for the first time. Its check may still name a match, when the source publishes
     * duplicates: then it is linked to the first story and published all the same.
     */
    record New(String agency, Duplicates.Check check) implements Identified {}

    /**
     * A newer version of a story that is not killed and not a duplicate.
     *
     * @param replacesEdit the story's copy is an editor's edit, which this version replaces (the
     *     desk's policy: the agency's newer version wins, as any update does, and the audit says so)
     */
    record Update(Story current, boolean replacesEdit) implements Identified {}
}
