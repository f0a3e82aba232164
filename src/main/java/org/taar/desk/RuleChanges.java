package org.taar.desk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.rules.DryRun;
import org.taar.rules.Rules;
import org.taar.store.RuleStore;

/**
 * An admin's change to the stored routing rules, as the desk makes it: first previewed (checked,
 * then a dry run over the last received stories), then saved exactly as previewed, or refused when
 * the rules changed in between. The live pipeline reads the stored rules in each story's
 * transaction, so a saved change decides the next story.
 */
public final class RuleChanges {
    private static final Logger log = LoggerFactory.getLogger(RuleChanges.class);
    /** How many received stories a dry run reads unless asked otherwise. */
    public static final int DEFAULT_ITEMS = 200;
    /** The change log keeps a definition up to this size, as a rule may be. */
    private static final int MAX_DETAIL = 64 * 1024;

    /** What an admin may do to one stored rule. */
    public enum Kind {
        ADD, EDIT, MOVE, ENABLE, DISABLE, REMOVE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Kind> of(String label) {
            for (Kind k : values()) {
                if (k.label().equals(label)) return Optional.of(k);
            }
            return Optional.empty();
        }
    }

    /**
     * One change as the form asks it.
     *
     * @param definition the rule's JSON, for ADD and EDIT
     * @param place where to move it (1 first), for MOVE
     */
    public record Request(Kind kind, String name, String definition, Integer place) {}

    /**
     * A change checked and tried, never saved.
     *
     * @param seen the stamp of the stored rules the preview was made from; a save carries it back
     * @param refusal a desk word's key when the change cannot be made at all (no such rule...), else null
     * @param problems what is wrong with the rules the change would leave, each naming its rule
     * @param report the dry run, null when refused or with problems
     */
    public record Preview(Request request, String seen, String refusal, List<String> problems, DryRun.Report report) {
        public Preview {
            problems = List.copyOf(problems);
        }

        public boolean saveable() {
            return refusal == null && problems.isEmpty();
        }
    }

    public enum Outcome { SAVED, STALE, REFUSED }

    /** What a save did; {@code preview} is the change tried again on the rules as they are now, when not saved. */
    public record Saved(Outcome outcome, Preview preview) {}

    private final Rules rules;
    private final RuleStore store;
    private final DryRun dryRun;

    public RuleChanges(Rules rules, RuleStore store, DryRun dryRun) {
        this.rules = rules;
        this.store = store;
        this.dryRun = dryRun;
    }

    /** Checks the change against the stored rules as they are now and tries it on the last {@code n} stories. */
    public Preview preview(Request request, int n) {
        return preview(request, store.revision(), n);
    }

    private Preview preview(Request request, RuleStore.Revision now, int n) {
        Proposed p = propose(request, now.rules());
        if (p.refusal() != null) return new Preview(request, now.stamp(), p.refusal(), List.of(), null);
        List<String> problems = rules.propose(p.checked()).problems();
        if (!problems.isEmpty()) return new Preview(request, now.stamp(), null, problems, null);
        return new Preview(request, now.stamp(), null, List.of(), dryRun.run(p.rules(), n));
    }

    /**
     * Saves the change if the stored rules are still those of stamp {@code seen} and the change is
     * still sound; else nothing is written and the answer carries a fresh preview. A second save
     * from the same preview (a double submit) finds the stamp changed and is refused.
     */
    public Saved save(Request request, String seen, String actor, int n) {
        RuleStore.Revision now = store.revision();
        if (seen == null || !now.stamp().equals(seen)) return new Saved(Outcome.STALE, preview(request, now, n));
        Proposed p = propose(request, now.rules());
        if (p.refusal() != null || !rules.propose(p.checked()).valid()) {
            return new Saved(Outcome.REFUSED, preview(request, now, n));
        }
        String detail = switch (request.kind()) {
            case ADD, EDIT -> cut(request.definition());
            case MOVE -> String.valueOf(p.place());
            case REMOVE -> cut(now.rules().stream().filter(e -> e.name().equals(request.name()))
                    .map(RuleStore.Entry::definition).findFirst().orElse(null));
            case ENABLE, DISABLE -> null;
        };
        if (!store.save(seen, p.rules(), new RuleStore.Note(actor, request.name(), request.kind().label(), detail))) {
            return new Saved(Outcome.STALE, preview(request, n));
        }
        log.info("routing rule {} {} by desk user {}", request.name(), request.kind().label(), actor);
        return new Saved(Outcome.SAVED, null);
    }

    /**
     * The stored rules after the change ({@code rules}), the same with an edited rule switched on
     * ({@code checked}: the rules package checks only the rules that run), and the place the rule
     * went to; or a refusal.
     */
    private record Proposed(List<RuleStore.Entry> rules, List<RuleStore.Entry> checked, int place, String refusal) {
        static Proposed refused(String key) {
            return new Proposed(List.of(), List.of(), 0, key);
        }
    }

    private static Proposed propose(Request r, List<RuleStore.Entry> now) {
        if (r.kind() == null) return Proposed.refused("rules.refused.kind");
        if (r.name() == null) return Proposed.refused("rules.refused.noname");
        if (r.name().codePoints().anyMatch(Character::isISOControl)) return Proposed.refused("rules.refused.badname");
        List<RuleStore.Entry> out = new ArrayList<>(now);
        int at = -1;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).name().equals(r.name())) at = i;
        }
        if (r.kind() == Kind.ADD) {
            if (at >= 0) return Proposed.refused("rules.refused.taken");
            if (r.definition() == null) return Proposed.refused("rules.refused.nodefinition");
            out.add(new RuleStore.Entry(r.name(), out.size() + 1, r.definition(), true));
            return new Proposed(out, out, out.size(), null);
        }
        if (at < 0) return Proposed.refused("rules.refused.unknown");
        RuleStore.Entry e = out.get(at);
        switch (r.kind()) {
            case EDIT -> {
                if (r.definition() == null) return Proposed.refused("rules.refused.nodefinition");
                out.set(at, new RuleStore.Entry(e.name(), e.position(), r.definition(), e.enabled()));
            }
            case MOVE -> {
                if (r.place() == null) return Proposed.refused("rules.refused.noplace");
                out.remove(at);
                at = Math.max(0, Math.min(r.place() - 1, out.size()));
                out.add(at, e);
            }
            case ENABLE, DISABLE -> out.set(at, new RuleStore.Entry(e.name(), e.position(), e.definition(),
                    r.kind() == Kind.ENABLE));
            case REMOVE -> {
                out.remove(at);
                return new Proposed(numbered(out), numbered(out), 0, null);
            }
            default -> throw new IllegalStateException("unhandled " + r.kind());
        }
        List<RuleStore.Entry> checked = new ArrayList<>(out);
        if (r.kind() == Kind.EDIT) {
            // A disabled rule's new definition is checked too (switching off a broken rule is not).
            checked.set(at, new RuleStore.Entry(e.name(), e.position(), r.definition(), true));
        }
        return new Proposed(numbered(out), numbered(checked), at + 1, null);
    }

    private static List<RuleStore.Entry> numbered(List<RuleStore.Entry> rules) {
        List<RuleStore.Entry> out = new ArrayList<>();
        for (RuleStore.Entry e : rules) out.add(new RuleStore.Entry(e.name(), out.size() + 1, e.definition(), e.enabled()));
        return out;
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }
}
