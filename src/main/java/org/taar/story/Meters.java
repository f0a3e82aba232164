package org.taar.story;

import java.time.Duration;

/**
 * What the newsroom counts as it works, for /metrics. Each stage says what happened in its own
 * words and the wiring keeps the numbers (NewsroomMetrics, beside App), so no stage imports a
 * metrics library. Every argument becomes a label value, so each must come from a bounded set:
 * a configured or keyed source, a word of this code; never a path, a uri or a story id.
 */
public interface Meters {
    /** One delivery reached the pipeline ({@code channel}: push, poll, drop, file, demo). */
    void delivered(String source, String channel);

    /** What one item of a delivery did. */
    void item(String source, OutcomeStatus status);

    /** One poll of a feed ended as {@code result} says (Poller's outcome words). */
    void polled(String source, String result);

    /** A reader's page came from the page cache ({@code cached}) or had to be found otherwise. */
    void pageAsked(boolean cached);

    /** A story's change is on its page now, {@code sinceRecorded} after the change was written. */
    void onPage(EventKind kind, Duration sinceRecorded);

    /** An editor's action on a story ({@code action}: publish, hold, kill, restore, schedule, edit). */
    void deskAction(String action, String result);

    /** Counts nothing: for commands, which serve no /metrics, and for tests. */
    Meters NONE = new Meters() {
        @Override
        public void delivered(String source, String channel) {}

        @Override
        public void item(String source, OutcomeStatus status) {}

        @Override
        public void polled(String source, String result) {}

        @Override
        public void pageAsked(boolean cached) {}

        @Override
        public void onPage(EventKind kind, Duration sinceRecorded) {}

        @Override
        public void deskAction(String action, String result) {}
    };
}
