package org.taar.rules;

import java.time.Instant;

/**
 * What the decide stage made of a version: publish it, hold it for an editor, or keep it until
 * its embargo lifts. {@code rule} names the rule that decided, so every decision can be explained.
 */
public record Decision(Action action, String rule, String reason, Instant embargoUntil) {
    public enum Action { PUBLISH, HOLD, EMBARGO }

    public static Decision publish(String rule) {
        return new Decision(Action.PUBLISH, rule, null, null);
    }
}
