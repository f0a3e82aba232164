package org.taar.rules;

import java.time.Clock;
import org.taar.format.NewsItem;
import org.taar.story.PubStatus;

/**
 * The decide stage: the default rules every site starts with, evaluated in order. Configurable
 * routing rules (by source, agency, keyword...) come in front of these in a later step.
 */
public final class Rules {
    private final Clock clock;

    public Rules(Clock clock) {
        this.clock = clock;
    }

    public Decision decide(NewsItem item) {
        if (item.pubstatus() == PubStatus.WITHHELD) {
            return new Decision(Decision.Action.HOLD, "agency-withheld", "the agency marked the item withheld", null);
        }
        if (item.embargoed() != null && item.embargoed().isAfter(clock.instant())) {
            return new Decision(Decision.Action.EMBARGO, "embargo", "embargoed until " + item.embargoed(), item.embargoed());
        }
        return Decision.publish("default-publish");
    }
}
