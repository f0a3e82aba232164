package org.taar.desk;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.store.AdvisoryStore;

/**
 * An editor's decision on a kill advisory that waits for a person, from the desk or the editor
 * API alike: apply it to one story (killed as the editor, quoting the advisory, through
 * {@link EditorActions}) or dismiss it. Either closes the advisory once, with who decided it.
 */
public final class AdvisoryDecisions {
    private static final Logger log = LoggerFactory.getLogger(AdvisoryDecisions.class);

    /** What came of a decision; {@code storyStatus} is the applied story's status label. */
    public record Decided(Kind kind, long advisory, Long story, String storyStatus, String message) {
        public enum Kind { DONE, NOT_FOUND, CONFLICT }
    }

    private final AdvisoryStore advisories;
    private final EditorActions actions;
    private final Clock clock;

    public AdvisoryDecisions(AdvisoryStore advisories, EditorActions actions, Clock clock) {
        this.advisories = advisories;
        this.actions = actions;
        this.clock = clock;
    }

    /** Kills {@code story} as the advisory asks; an ambiguous advisory's story must be one of its candidates. */
    public Decided apply(long id, long story, String editor) {
        Optional<AdvisoryStore.Advisory> open = advisories.openOne(id);
        if (open.isEmpty()) return new Decided(Decided.Kind.NOT_FOUND, id, story, null, "no open advisory " + id);
        AdvisoryStore.Advisory a = open.get();
        // An ambiguous advisory names its candidates: the editor picks one of them, not any story.
        if (!a.candidates().isEmpty() && !a.candidates().contains(story)) {
            return new Decided(Decided.Kind.CONFLICT, id, story, null,
                    "story " + story + " is not among the advisory's candidates " + a.candidates());
        }
        EditorActions.Result r = actions.apply(story, EditorActions.Act.KILL, editor,
                "advisory " + id + ": " + AdvisoryStore.shortText(a.text()));
        return switch (r.kind()) {
            case NOT_FOUND -> new Decided(Decided.Kind.NOT_FOUND, id, story, null, r.message());
            case CONFLICT -> new Decided(Decided.Kind.CONFLICT, id, story, null, r.message());
            case DONE, UNCHANGED -> {
                advisories.resolve(id, "applied", story, "editor:" + editor, clock.instant());
                log.info("advisory {} applied to story {} by {}", id, story, editor);
                yield new Decided(Decided.Kind.DONE, id, story, r.story().status().label(), null);
            }
        };
    }

    /** Closes the advisory without a kill; CONFLICT when it was decided meanwhile. */
    public Decided dismiss(long id, String editor) {
        if (advisories.openOne(id).isEmpty()) {
            return new Decided(Decided.Kind.NOT_FOUND, id, null, null, "no open advisory " + id);
        }
        if (!advisories.resolve(id, "dismissed", null, "editor:" + editor, clock.instant())) {
            return new Decided(Decided.Kind.CONFLICT, id, null, null, "already decided");
        }
        log.info("advisory {} dismissed by {}", id, editor);
        return new Decided(Decided.Kind.DONE, id, null, null, null);
    }
}
