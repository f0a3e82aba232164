package org.taar.desk;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.rules.Decision;
import org.taar.rules.Rules;
import org.taar.store.StatusChange;
import org.taar.store.StoryReads;
import org.taar.store.StoryVersion.Audit;
import org.taar.store.StoryWrites;
import org.taar.story.EventKind;
import org.taar.story.Meters;
import org.taar.story.Status;
import org.taar.story.Story;

/**
 * An editor's release, hold or kill of one story. Each writes the new status, an audit entry
 * ({@code editor:NAME}) and an event in one transaction, so the publisher, search and live
 * events follow exactly as they follow the pipeline; a kill takes the agency kill's path (410).
 */
public final class EditorActions {
    private static final Logger log = LoggerFactory.getLogger(EditorActions.class);

    public enum Act { PUBLISH, HOLD, KILL }

    /** What came of an action: the story as it now stands, or why nothing could be done. */
    public record Result(Kind kind, Story story, String message) {
        public enum Kind { DONE, UNCHANGED, NOT_FOUND, CONFLICT }
    }

    private final StoryReads stories;
    private final StoryWrites writes;
    private final Rules rules;
    private final Clock clock;
    private final Runnable onChange;
    private final Meters meters;

    public EditorActions(StoryReads stories, StoryWrites writes, Rules rules, Clock clock, Runnable onChange) {
        this(stories, writes, rules, clock, onChange, Meters.NONE);
    }

    /** @param meters told of each action taken through {@link #apply(long, Act, String, String)} */
    public EditorActions(StoryReads stories, StoryWrites writes, Rules rules, Clock clock, Runnable onChange,
                         Meters meters) {
        this.meters = meters;
        this.stories = stories;
        this.writes = writes;
        this.rules = rules;
        this.clock = clock;
        this.onChange = onChange;
    }

    public Result apply(long id, Act act, String editor, String reason) {
        Result r = stories.store().jdbi().inTransaction(h -> apply(h, id, act, editor, reason));
        String action = act.name().toLowerCase(java.util.Locale.ROOT);
        meters.deskAction(action, r.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (r.kind() == Result.Kind.DONE) {
            log.info("editor {} story id={} by={}", action, id, editor);
            onChange.run();
        }
        return r;
    }

    /**
     * The same action inside the caller's transaction (the desk checks first that the story is as
     * the editor saw it); the caller tells the publisher once the transaction has committed.
     */
    public Result apply(Handle h, long id, Act act, String editor, String reason) {
        Optional<Story> found = stories.byId(h, id);
        if (found.isEmpty()) return new Result(Result.Kind.NOT_FOUND, null, "no story with id " + id);
        Story s = found.get();
        Instant now = clock.instant();
        String actor = "editor:" + editor;
        if (s.status() == Status.KILLED) {
            return act == Act.KILL ? new Result(Result.Kind.UNCHANGED, s, "already killed")
                    : new Result(Result.Kind.CONFLICT, s, "the story is killed; only the desk's restore brings it back");
        }
        switch (act) {
            case PUBLISH -> {
                if (s.status() == Status.PUBLISHED) return new Result(Result.Kind.UNCHANGED, s, "already published");
                Optional<Decision> licence = rules.licence(s.source(), s.item());
                if (licence.isPresent()) {
                    return new Result(Result.Kind.CONFLICT, s, licence.get().reason() + "; it cannot be published");
                }
                String why = reason != null ? reason : "released by an editor";
                // A story that had been up before comes back as an update, so listings around it re-render at once.
                EventKind kind = s.publishedAt() != null ? EventKind.UPDATED : EventKind.PUBLISHED;
                if (!writes.change(h, new StatusChange(id, s.status(), Status.PUBLISHED, why + " (" + actor + ")",
                        kind, new Audit("published", actor, why), now))) {
                    return new Result(Result.Kind.CONFLICT, s, "the story changed meanwhile; try again");
                }
            }
            case HOLD -> {
                if (s.status() == Status.HELD) return new Result(Result.Kind.UNCHANGED, s, "already held");
                String why = reason != null ? reason : "held by an editor";
                if (!writes.change(h, new StatusChange(id, s.status(), Status.HELD, why + " (" + actor + ")",
                        EventKind.HELD, new Audit("held", actor, why), now))) {
                    return new Result(Result.Kind.CONFLICT, s, "the story changed meanwhile; try again");
                }
            }
            case KILL -> {
                String why = reason != null ? reason : "killed by an editor";
                writes.change(h, new StatusChange(id, null, Status.KILLED, why + " (" + actor + ")",
                        EventKind.KILLED, new Audit("killed", actor, why), now));
            }
        }
        return new Result(Result.Kind.DONE, stories.byId(h, id).orElseThrow(), null);
    }
}
