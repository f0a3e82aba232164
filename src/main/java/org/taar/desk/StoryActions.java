package org.taar.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.rules.Decision;
import org.taar.rules.Rules;
import org.taar.store.StatusChange;
import org.taar.store.StoryEdit;
import org.taar.store.StoryReads;
import org.taar.store.StoryVersion.Audit;
import org.taar.store.StoryWrites;
import org.taar.story.Meters;
import org.taar.story.Status;
import org.taar.story.Story;

/**
 * What an editor does to one story from its desk page: publish, hold, kill, restore, edit and
 * schedule. Each runs in one transaction that first takes the story's row and compares it with
 * what the editor saw ({@link SeenToken}); a story that changed meanwhile is left alone and the
 * editor is shown the difference. Every change is audited as {@code editor:NAME}.
 *
 * <p>A restored story goes back to held, not up: an editor then publishes it, and until then its
 * address keeps answering 410 (the restore tells readers nothing).
 */
public final class StoryActions {
    private static final Logger log = LoggerFactory.getLogger(StoryActions.class);
    /** A reason is a sentence in the audit trail, not a document. */
    public static final int MAX_REASON = 500;
    /** A schedule further ahead than this is a typo of the year. */
    static final Duration LONGEST_SCHEDULE = Duration.ofDays(366);

    /**
     * What came of an action.
     *
     * @param message a word of the desk's text ({@code story.…}) saying why nothing was done, or null
     * @param detail the store's or rules' own explanation, shown after the message; may be null
     */
    public record Result(Kind kind, String message, String detail) {
        public enum Kind { DONE, UNCHANGED, REFUSED, STALE, NOT_FOUND }

        static Result refused(String message) {
            return new Result(Kind.REFUSED, message, null);
        }
    }

    private final StoryReads stories;
    private final StoryWrites writes;
    private final EditorActions editor;
    private final StoryEdits edits;
    private final Rules rules;
    private final Clock clock;
    private final Runnable onChange;
    private final Meters meters;

    /** @param meters told of every action that reached its story, and what came of it */
    public StoryActions(StoryReads stories, StoryWrites writes, EditorActions editor, StoryEdits edits, Rules rules,
                        Clock clock, Runnable onChange, Meters meters) {
        this.meters = meters;
        this.stories = stories;
        this.writes = writes;
        this.editor = editor;
        this.edits = edits;
        this.rules = rules;
        this.clock = clock;
        this.onChange = onChange;
    }

    public Result publish(long id, String seen, String who, String reason) {
        return status(id, seen, who, EditorActions.Act.PUBLISH, reason);
    }

    public Result hold(long id, String seen, String who, String reason) {
        return status(id, seen, who, EditorActions.Act.HOLD, reason);
    }

    /** A kill needs its reason: it is what the audit trail answers to "why is this story gone?". */
    public Result kill(long id, String seen, String who, String reason) {
        if (reason == null || reason.isBlank()) return Result.refused("story.error.reason");
        return status(id, seen, who, EditorActions.Act.KILL, reason);
    }

    /** A killed story back to held; an editor then publishes it. */
    public Result restore(long id, String seen, String who, String reason) {
        if (tooLong(reason)) return Result.refused("story.error.long");
        return guarded(id, seen, "restore", who, (h, s) -> {
            if (s.status() != Status.KILLED) return Result.refused("story.error.notkilled");
            String actor = "editor:" + who;
            String why = reason != null ? reason : "restored by an editor";
            boolean done = writes.change(h, new StatusChange(id, Status.KILLED, Status.HELD, why + " (" + actor + ")",
                    null, new Audit("restored", actor, why), clock.instant()));
            return done ? new Result(Result.Kind.DONE, null, null) : Result.refused("story.error.changed");
        });
    }

    /** Holds the story until {@code at} as an embargo, which the embargo clock lifts once. */
    public Result schedule(long id, String seen, String who, Instant at, String reason) {
        if (tooLong(reason)) return Result.refused("story.error.long");
        Instant now = clock.instant();
        if (at == null) return Result.refused("story.error.time");
        if (!at.isAfter(now)) return Result.refused("story.error.past");
        if (at.isAfter(now.plus(LONGEST_SCHEDULE))) return Result.refused("story.error.far");
        return guarded(id, seen, "schedule", who, (h, s) -> {
            if (s.status() == Status.KILLED || s.status() == Status.DUPLICATE) return Result.refused("story.error.state");
            Optional<Decision> licence = rules.licence(s.source(), s.item());
            if (licence.isPresent()) return new Result(Result.Kind.REFUSED, "story.error.licence", licence.get().reason());
            String actor = "editor:" + who;
            String why = reason != null ? reason : "scheduled by an editor";
            String until = at.toString();
            boolean done = writes.schedule(h, id, s.status(), at, "scheduled for " + until + " (" + actor + ")",
                    new Audit("scheduled", actor, why + "; release at " + until), now);
            return done ? new Result(Result.Kind.DONE, null, null) : Result.refused("story.error.changed");
        });
    }

    /** An edit of the copy, section and tags, stored as a version of its own (see {@link StoryEdits}). */
    public Result edit(long id, String seen, String who, StoryEdits.Form form) {
        Optional<String> invalid = edits.check(form);
        if (invalid.isPresent()) return Result.refused(invalid.get());
        return guarded(id, seen, "edit", who, (h, s) -> {
            if (s.status() != Status.PUBLISHED && s.status() != Status.HELD && s.status() != Status.EMBARGOED) {
                return Result.refused("story.error.state");
            }
            Optional<StoryEdit> edit = edits.edit(s, form, who, clock.instant());
            if (edit.isEmpty()) return new Result(Result.Kind.UNCHANGED, "story.unchanged", null);
            writes.edit(h, edit.get());
            return new Result(Result.Kind.DONE, null, null);
        });
    }

    private Result status(long id, String seen, String who, EditorActions.Act act, String reason) {
        if (tooLong(reason)) return Result.refused("story.error.long");
        return guarded(id, seen, act.name().toLowerCase(Locale.ROOT), who, (h, s) -> {
            EditorActions.Result r = editor.apply(h, id, act, who, reason);
            return switch (r.kind()) {
                case DONE -> new Result(Result.Kind.DONE, null, null);
                case UNCHANGED -> new Result(Result.Kind.UNCHANGED, "story.unchanged", r.message());
                case NOT_FOUND -> new Result(Result.Kind.NOT_FOUND, "story.error.notfound", null);
                case CONFLICT -> new Result(Result.Kind.REFUSED, "story.error.refused", r.message());
            };
        });
    }

    private interface Change {
        Result apply(Handle h, Story current);
    }

    private Result guarded(long id, String seen, String action, String who, Change change) {
        Result r = stories.store().jdbi().inTransaction(h -> {
            if (!writes.lock(h, id)) return new Result(Result.Kind.NOT_FOUND, "story.error.notfound", null);
            Story s = stories.withTags(h, id).orElseThrow();
            if (!SeenToken.of(s, stories.stamp(h, id)).equals(seen)) {
                return new Result(Result.Kind.STALE, "story.error.stale", null);
            }
            return change.apply(h, s);
        });
        meters.deskAction(action, r.kind().name().toLowerCase(Locale.ROOT));
        if (r.kind() == Result.Kind.DONE) {
            log.info("desk {} story id={} by={}", action, id, who);
            onChange.run();
        } else if (r.kind() == Result.Kind.STALE) {
            log.info("desk {} refused: story id={} changed since {} opened it", action, id, who);
        }
        return r;
    }

    private static boolean tooLong(String reason) {
        return reason != null && reason.length() > MAX_REASON;
    }
}
