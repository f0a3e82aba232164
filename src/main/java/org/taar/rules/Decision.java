package org.taar.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the decide stage made of a version: publish it, hold it for an editor, keep it until its
 * embargo lifts, or discard it (kept in versions and audit, never shown; stored as held, see
 * README). {@code rule} names the rule that decided, so every decision can be explained;
 * {@code edits} are what routing rules changed on the way (section, tags, disclaimer).
 */
public record Decision(Action action, String rule, String reason, Instant embargoUntil, Edits edits) {
    public enum Action { PUBLISH, HOLD, EMBARGO, DISCARD }

    public Decision {
        edits = edits == null ? Edits.NONE : edits;
    }

    public Decision(Action action, String rule, String reason, Instant embargoUntil) {
        this(action, rule, reason, embargoUntil, Edits.NONE);
    }

    public static Decision publish(String rule) {
        return new Decision(Action.PUBLISH, rule, null, null);
    }

    Decision with(Edits e) {
        return new Decision(action, rule, reason, embargoUntil, e);
    }

    /**
     * Changes routing rules make to a story: a section slug, tags to add (as written), a
     * disclaimer; null or empty when no rule set them. A later rule's section or disclaimer wins.
     */
    public record Edits(String section, List<String> tags, String disclaimer) {
        public static final Edits NONE = new Edits(null, List.of(), null);

        public Edits {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        public Edits then(Edits later) {
            List<String> all = new ArrayList<>(tags);
            later.tags.stream().filter(t -> !all.contains(t)).forEach(all::add);
            return new Edits(later.section != null ? later.section : section, all,
                    later.disclaimer != null ? later.disclaimer : disclaimer);
        }

        public boolean isEmpty() {
            return section == null && tags.isEmpty() && disclaimer == null;
        }
    }
}
