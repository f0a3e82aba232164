package org.taar.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.taar.dedupe.Duplicates;
import org.taar.enrich.Enrichment;
import org.taar.item.NewsItem;
import org.taar.kill.Kills;
import org.taar.rules.Decision;
import org.taar.story.EventKind;
import org.taar.story.Outcome;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.store.StoryVersion;
import org.taar.store.StoryVersion.Audit;
import org.taar.store.StoryVersion.Row;
import org.taar.store.StoryWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record step: turns what identify found and the rules decided into one {@link StoryVersion}
 * and writes it with one store call, in the pipeline's transaction; answers with the outcome.
 */
final class Recorder {
    private static final Logger log = LoggerFactory.getLogger(Recorder.class);

    private final StoryWrites writes;

    Recorder(StoryWrites writes) {
        this.writes = writes;
    }

    /**
     * Writes the version and says what it did. {@code d} is the rules' decision for {@link
     * Identified.New} and {@link Identified.Update}, null otherwise; item and enrichment already
     * carry its edits.
     */
    Outcome record(Handle h, String source, String file, Long deliveryId, NewsItem item, Enrichment e,
                   Identified what, Decision d, Instant now) {
        return record(h, source, file, deliveryId, item, e, what, d, now, now);
    }

    /** As above, for a story whose own time ({@code storyTime}, an archived story's date) is not the receiving one. */
    Outcome record(Handle h, String source, String file, Long deliveryId, NewsItem item, Enrichment e,
                   Identified what, Decision d, Instant now, Instant storyTime) {
        if (what instanceof Identified.Repeat r) {
            return new Outcome(file, item.uri(), item.version(), OutcomeStatus.DUPLICATE, r.story().path(),
                    "this delivery was received before");
        }
        StoryVersion v = version(source, item, e, what, d, deliveryId, now, storyTime);
        long id = writes.record(h, v);
        String url = url(what, v, id);
        if (what instanceof Identified.Duplicate dup) {
            log.info("story duplicate id={} of={} kind={} similarity={} source={} uri={}", id, dup.match().originalId(),
                    dup.match().kind(), dup.match().similarity(), source, item.uri());
        } else if (what instanceof Identified.Kill) {
            log.info("story killed id={} source={} uri={}", id, source, item.uri());
        } else if (what instanceof Identified.New || what instanceof Identified.Update) {
            log.info("story {} id={} source={} uri={} version={}", v.outcome().label(), id, source, item.uri(),
                    item.version());
        }
        return new Outcome(file, item.uri(), item.version(), v.outcome(), url, v.reason());
    }

    // The section is fixed at first sight (a classifier's second opinion must not move a story
    // between listings); the slug follows the headline of the newest version.
    private static String url(Identified what, StoryVersion v, long id) {
        // The reader finds a copy at the first story's address.
        if (what instanceof Identified.Duplicate dup) return dup.originalPath();
        if (v.row() instanceof Row.Insert r) return Story.path(r.section(), r.slug(), id);
        if (v.row() instanceof Row.Revise r) return Story.path(r.current().section(), r.slug(), id);
        if (what instanceof Identified.Stale s) return s.story().path();
        if (what instanceof Identified.AfterKill k) return k.story().path();
        return ((Identified.Kill) what).current().orElseThrow().path();
    }

    /** Everything the version changes: a pure function of what identify found and the decision. */
    static StoryVersion version(String source, NewsItem item, Enrichment e, Identified what, Decision d,
                                Long deliveryId, Instant now) {
        return version(source, item, e, what, d, deliveryId, now, now);
    }

    /**
     * As above, for a story whose own time is not the receiving one: an archived story is
     * published and updated, and fingerprinted, as of {@code storyTime}.
     */
    static StoryVersion version(String source, NewsItem item, Enrichment e, Identified what, Decision d,
                                Long deliveryId, Instant now, Instant storyTime) {
        if (what instanceof Identified.Stale s) {
            String reason = "version " + item.version() + " is not newer than the stored version " + s.story().version();
            return StoryVersion.recordedOnly(s.story().id(), item, deliveryId, now, OutcomeStatus.DUPLICATE, reason);
        }
        if (what instanceof Identified.AfterKill k) {
            return StoryVersion.recordedOnly(k.story().id(), item, deliveryId, now, OutcomeStatus.KILLED,
                    "the story was killed; later versions are kept but never published");
        }
        if (what instanceof Identified.Kill k) {
            String reason = Kills.reason(item);
            // A kill for a story never seen keeps a killed row, so a late first version stays down.
            Row row = k.current().<Row>map(s -> new Row.Kill(s.id()))
                    .orElseGet(() -> new Row.Insert(source, Status.KILLED, e.section(), e.slug(), null, null));
            return new StoryVersion(row, item, deliveryId, now, OutcomeStatus.KILLED, reason, null, false,
                    EventKind.KILLED, List.of(new Audit("killed", "agency:" + source, reason)), null);
        }
        if (what instanceof Identified.DuplicateAgain again) {
            Story s = again.story();
            return new StoryVersion(new Row.Revise(s, Status.DUPLICATE, s.slug(), null, null, null), item, deliveryId,
                    now, OutcomeStatus.DUPLICATE, s.reason(), null, false, null, List.of(), null);
        }
        if (what instanceof Identified.Duplicate dup) {
            String reason = dup.match().reason();
            return new StoryVersion(new Row.Insert(source, Status.DUPLICATE, e.section(), e.slug(), null, null), item,
                    deliveryId, now, OutcomeStatus.DUPLICATE, reason, e.tags(), false, null,
                    List.of(new Audit("duplicate", "rule:duplicate", reason)), Duplicates.copyOf(dup.match()));
        }
        return decided(source, item, e, what, d, deliveryId, now, storyTime);
    }

    private static StoryVersion decided(String source, NewsItem item, Enrichment e, Identified what, Decision d,
                                        Long deliveryId, Instant now, Instant storyTime) {
        Status status = switch (d.action()) {
            case PUBLISH -> Status.PUBLISHED;
            // A discarded story is kept like a held one, so no listing, feed or search shows it.
            case HOLD, DISCARD -> Status.HELD;
            case EMBARGO -> Status.EMBARGOED;
        };
        String reason = d.reason() == null ? "rule " + d.rule() : d.reason() + " (rule " + d.rule() + ")";
        Row row;
        OutcomeStatus outcome = OutcomeStatus.of(status);
        boolean statusChanged = true;
        StoryVersion.Fingerprint fingerprint = null;
        if (what instanceof Identified.New n) {
            row = new Row.Insert(source, status, e.section(), e.slug(), status == Status.PUBLISHED ? storyTime : null,
                    d.embargoUntil());
            fingerprint = n.check().match().isPresent() ? Duplicates.copyOf(n.check().match().get())
                    : Duplicates.original(source, n.agency(), n.check(), storyTime);
        } else {
            Story s = ((Identified.Update) what).current();
            boolean wasPublished = s.publishedAt() != null;
            Instant published = wasPublished ? s.publishedAt() : status == Status.PUBLISHED ? storyTime : null;
            Instant updated = wasPublished && status == Status.PUBLISHED ? storyTime : s.updatedAt();
            row = new Row.Revise(s, status, e.slug(), published, updated, d.embargoUntil());
            if (status == Status.PUBLISHED && wasPublished) outcome = OutcomeStatus.UPDATED;
            statusChanged = s.status() != status;
        }
        List<Audit> audits = new ArrayList<>();
        if (item.correction()) {
            audits.add(new Audit("corrected", "agency:" + source, "version " + item.version()
                    + " is marked as a correction"));
        }
        if (statusChanged) audits.add(new Audit(outcome.label(), "rule:" + d.rule(), reason));
        // Why a new story went to its section, on the desk's story page beside who published it.
        if (what instanceof Identified.New && e.why() != null) {
            audits.add(new Audit("sectioned", "enrich:" + e.why().signal(), e.why().reason()));
        }
        if (what instanceof Identified.Update u && u.replacesEdit()) {
            audits.add(new Audit("edit-replaced", "agency:" + source, "agency version " + item.version()
                    + " replaced an editor's edit"));
        }
        return new StoryVersion(row, item, deliveryId, now, outcome, reason, e.tags(), item.correction(),
                EventKind.of(outcome), audits, fingerprint, d.rule());
    }
}
