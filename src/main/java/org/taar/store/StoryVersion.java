package org.taar.store;

import java.time.Instant;
import java.util.List;
import org.taar.item.NewsItem;
import org.taar.story.EventKind;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Tag;

/**
 * Everything one received version of a story changes, as the pipeline's identify and decide
 * steps settled it; {@link StoryWrites#record} writes it all in the caller's transaction.
 *
 * @param row what happens to the story's row
 * @param outcome what the version did, as its versions row keeps it
 * @param reason why, as the versions row (and a changed story row) keeps it
 * @param tags the story's tags from now on; null keeps the ones it has
 * @param corrected the agency marked the version as a correction (the article's notice)
 * @param event what readers must catch up with; null when nothing they see changed
 * @param audits the entries of the story's audit trail, in order
 * @param fingerprint what duplicate detection keeps of a new story; null for none
 * @param rule the name of the rule that decided, as the desk's wire queue shows it; null when no rule
 *     decided (a kill, a duplicate, a stale version)
 */
public record StoryVersion(Row row, NewsItem item, Long deliveryId, Instant at, OutcomeStatus outcome, String reason,
                           List<Tag> tags, boolean corrected, EventKind event, List<Audit> audits,
                           Fingerprint fingerprint, String rule) {

    public StoryVersion {
        tags = tags == null ? null : List.copyOf(tags);
        audits = audits == null ? List.of() : List.copyOf(audits);
    }

    /** A version no rule decided. */
    public StoryVersion(Row row, NewsItem item, Long deliveryId, Instant at, OutcomeStatus outcome, String reason,
                        List<Tag> tags, boolean corrected, EventKind event, List<Audit> audits,
                        Fingerprint fingerprint) {
        this(row, item, deliveryId, at, outcome, reason, tags, corrected, event, audits, fingerprint, null);
    }

    /** A version only recorded: the story stays as it is, nobody is told (a stale or post-kill version). */
    public static StoryVersion recordedOnly(long storyId, NewsItem item, Long deliveryId, Instant at,
                                            OutcomeStatus outcome, String reason) {
        return new StoryVersion(new Row.Keep(storyId), item, deliveryId, at, outcome, reason, null, false, null,
                List.of(), null);
    }

    /** What the version does to the story's row in the stories table. */
    public sealed interface Row {
        /** A story seen for the first time: a new row. */
        record Insert(String source, Status status, String section, String slug, Instant publishedAt,
                      Instant embargoUntil) implements Row {}

        /**
         * A newer version replaces the stored one. The section stays as first stored; a slug other
         * than the current one moves the story, keeping its old address (StoryHistory).
         */
        record Revise(Story current, Status status, String slug, Instant publishedAt, Instant updatedAt,
                      Instant embargoUntil) implements Row {}

        /** The story goes down; its item stays the version readers last saw. */
        record Kill(long storyId) implements Row {}

        /** The row stays as it is. */
        record Keep(long storyId) implements Row {}
    }

    /** One entry of the audit trail; {@code actor} is {@code agency:SOURCE}, {@code rule:NAME} or {@code editor:NAME}. */
    public record Audit(String action, String actor, String reason) {}

    /** What duplicate detection keeps of a new story (org.taar.dedupe decides which). */
    public sealed interface Fingerprint {
        /** An original: its fingerprint is remembered so later copies find it, on any node. */
        record Original(String source, String agency, String contentHash, int shingles, long[] signature,
                        long[] bandKeys, Instant at, Instant forgetBefore) implements Fingerprint {}

        /** A copy of an earlier story: linked to it, and the original's page learns "also reported by". */
        record CopyOf(long originalId, double similarity, String kind) implements Fingerprint {}
    }
}
