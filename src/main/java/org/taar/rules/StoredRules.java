package org.taar.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.taar.config.ConfigException;
import org.taar.store.RuleStore;

/**
 * Checks a list of stored rules an editor proposes, before anything is saved or run: the same
 * checks as {@code taar rule add}, each mistake a message naming the rule, never an exception.
 */
final class StoredRules {
    /** More stored rules than this is a mistake, not a newsroom's routing. */
    static final int MAX_RULES = 500;
    static final int MAX_DEFINITION_CHARS = 64 * 1024;
    private static final int MAX_NAME_CHARS = 64;

    private StoredRules() {}

    static Rules.Proposal check(List<RuleStore.Entry> stored, List<RoutingRule> configured, Set<String> sections,
                                Function<List<RoutingRule>, Rules> build) {
        List<String> problems = new ArrayList<>();
        List<RoutingRule> rules = new ArrayList<>();
        List<RuleStore.Entry> entries = stored == null ? List.of() : stored;
        if (entries.size() > MAX_RULES) {
            problems.add(entries.size() + " stored rules: at most " + MAX_RULES);
            entries = entries.subList(0, MAX_RULES);
        }
        Set<String> fromYaml = new HashSet<>();
        configured.forEach(r -> fromYaml.add(r.name()));
        Set<String> names = new HashSet<>();
        for (RuleStore.Entry e : entries) {
            String problem = problem(e, names, fromYaml);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            if (!e.enabled()) continue;
            try {
                rules.add(Rules.parseStored(e.name(), e.definition(), sections));
            } catch (ConfigException ex) {
                problems.add(ex.getMessage());
            } catch (RuntimeException ex) {
                // The parser's own messages are ConfigExceptions; anything else is still the rule's fault.
                problems.add("rule " + e.name() + ": cannot be read: " + ex.getMessage());
            }
        }
        return new Rules.Proposal(build.apply(rules), problems);
    }

    // What is wrong with the entry before its definition is read; null when nothing.
    private static String problem(RuleStore.Entry e, Set<String> names, Set<String> fromYaml) {
        if (e == null || e.name() == null || e.name().isBlank()) return "a rule without a name";
        String name = e.name();
        if (name.length() > MAX_NAME_CHARS) {
            int cut = name.offsetByCodePoints(0, Math.min(MAX_NAME_CHARS, name.codePointCount(0, name.length())));
            return "rule " + name.substring(0, cut) + "…: a name is at most " + MAX_NAME_CHARS + " characters";
        }
        if (!names.add(name)) return "rule " + name + ": two stored rules have this name";
        if (fromYaml.contains(name)) return "rule " + name + ": taar.yml already has a rule of this name";
        if (e.definition() == null || e.definition().isBlank()) return "rule " + name + ": no definition";
        if (e.definition().length() > MAX_DEFINITION_CHARS) {
            return "rule " + name + ": the definition is over " + MAX_DEFINITION_CHARS / 1024 + " KB";
        }
        return null;
    }
}
