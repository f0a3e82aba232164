package org.taar.intake;

import java.util.List;
import org.taar.story.Outcome;

/**
 * The result of one delivery: the archive entry and one outcome per item (or one rejection).
 *
 * @param delivery the archive entry; null when the bytes were refused before archiving (too large)
 * @param empty the delivery was read but held no news item (an empty feed, a NewsML-G2 planning
 *     item): reported as rejected, yet not a sign that the source is broken
 */
public record DeliveryResult(Delivery delivery, List<Outcome> outcomes, List<String> warnings, boolean empty) {
    public DeliveryResult(Delivery delivery, List<Outcome> outcomes, List<String> warnings) {
        this(delivery, outcomes, warnings, false);
    }

    public boolean rejected() {
        return outcomes.stream().anyMatch(Outcome::isRejected);
    }

    public String error() {
        return outcomes.stream().filter(Outcome::isRejected).map(Outcome::reason).findFirst().orElse(null);
    }
}
