package org.taar.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.taar.store.ReceivedItems;
import org.taar.store.RuleStore;

/**
 * What a change to the stored routing rules would have done: the current rules and the proposed
 * ones both decide the last N received versions, and every version they decide differently is
 * reported, with totals per change of action (publish to hold...). Nothing is written: the
 * proposed rules are never saved, the store is only read.
 */
public final class DryRun {
    /** A dry run reads at most this many versions, whatever it is asked. */
    public static final int MAX_ITEMS = 1_000;
    /** A hostile regex may take its whole budget on every story; the run stops here and says so. */
    static final long TIME_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The section the rules see for a received version, as the enrich stage gave it. */
    @FunctionalInterface
    public interface Sections {
        String of(ReceivedItems.Received received);
    }

    /** One version the two rule sets decide differently. */
    public record Change(long storyId, int version, String source, String uri, String headline, Instant receivedAt,
                         Decision before, Decision after) {}

    /** How many versions would go from one action to another (the same action when only rule, reason or edits differ). */
    public record Shift(Decision.Action from, Decision.Action to, int versions) {}

    /**
     * @param asked how many versions the run was to read, after the cap
     * @param examined how many it decided both ways
     * @param problems what is wrong with the proposal (then nothing was examined), or versions that could not be decided
     * @param cut true when the time limit stopped the run before it examined all it read
     */
    public record Report(int asked, int examined, List<Change> changes, List<Shift> shifts, List<String> problems,
                         boolean cut) {
        public Report {
            changes = List.copyOf(changes);
            shifts = List.copyOf(shifts);
            problems = List.copyOf(problems);
        }
    }

    private final Rules rules;
    private final RuleStore ruleStore;
    private final ReceivedItems received;
    private final Sections sections;
    private final long timeLimitNanos;

    /**
     * @param sections the enrich stage's section for a version; null uses the story's stored section,
     *                 which already carries any rule's set_section
     */
    public DryRun(Rules rules, RuleStore ruleStore, ReceivedItems received, Sections sections) {
        this(rules, ruleStore, received, sections, TIME_LIMIT_NANOS);
    }

    DryRun(Rules rules, RuleStore ruleStore, ReceivedItems received, Sections sections, long timeLimitNanos) {
        this.rules = rules;
        this.ruleStore = ruleStore;
        this.received = received;
        this.sections = sections != null ? sections : ReceivedItems.Received::section;
        this.timeLimitNanos = timeLimitNanos;
    }

    /**
     * Decides the last {@code n} received versions (at most {@link #MAX_ITEMS}) with the stored
     * rules as they are and as {@code proposal} lists them (every stored rule, in order, each
     * enabled or not). A proposal with a mistake is not run: its problems are the report.
     */
    public Report run(List<RuleStore.Entry> proposal, int n) {
        int asked = Math.max(0, Math.min(n, MAX_ITEMS));
        Rules.Proposal after = rules.propose(proposal);
        if (!after.valid()) return new Report(asked, 0, List.of(), List.of(), after.problems(), false);
        // Stored rules that no longer fit are skipped here as the pipeline skips them.
        Rules before = rules.propose(ruleStore.list()).rules();
        List<Change> changes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<List<Decision.Action>, Integer> shifts = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeLimitNanos;
        int examined = 0;
        boolean cut = false;
        for (ReceivedItems.Received r : received.latest(asked)) {
            if (System.nanoTime() - deadline > 0) {
                cut = true;
                break;
            }
            Decision was;
            Decision would;
            try {
                String section = sections.of(r);
                was = before.decide(null, r.source(), r.item(), section);
                would = after.rules().decide(null, r.source(), r.item(), section);
            } catch (RuntimeException | StackOverflowError e) {
                // A regex can overflow the stack on a long body; one such story must not end the run.
                problems.add("story " + r.storyId() + " version " + r.version() + ": the rules could not decide: " + e);
                continue;
            }
            examined++;
            if (was.equals(would)) continue;
            changes.add(new Change(r.storyId(), r.version(), r.source(), r.uri(), r.item().headline(), r.receivedAt(),
                    was, would));
            shifts.merge(List.of(was.action(), would.action()), 1, Integer::sum);
        }
        List<Shift> totals = new ArrayList<>();
        shifts.forEach((k, count) -> totals.add(new Shift(k.get(0), k.get(1), count)));
        totals.sort(Comparator.comparingInt(Shift::versions).reversed());
        return new Report(asked, examined, changes, totals, problems, cut);
    }
}
