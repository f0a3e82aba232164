package org.taar.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.taar.item.NewsItem;

/**
 * One routing rule from taar.yml's {@code rules:} (or the store's {@code routing_rules}): when
 * every condition of {@code match} holds, its modifiers apply and its action, if it has one,
 * decides. A rule without an action only modifies, and evaluation goes on.
 *
 * @param action publish, hold or discard; null for a rule that only sets section, tags or disclaimer
 * @param reason what the audit trail says for this rule's hold or discard; null for "matched rule NAME"
 */
public record RoutingRule(String name, Match match, Decision.Action action, String reason, Decision.Edits edits) {

    /**
     * The conditions, all of which must hold; an empty set or null means "any". Sources,
     * agencies, sections and languages compare case-insensitively; keywords are whole words or
     * phrases on folded text (any one of them); the regex runs over headline, summary and body text.
     */
    public record Match(Set<String> sources, Set<String> agencies, Set<String> sections, Integer urgencyMin,
                        Integer urgencyMax, Set<String> languages, PhraseList keywords, Pattern regex) {}

    /** What the rule looks at for one story version. */
    public record Subject(String source, NewsItem item, String section, List<String> words, String text) {}

    public boolean matches(Subject s) {
        Match m = match;
        if (!in(m.sources(), s.source())) return false;
        if (!in(m.agencies(), s.item().agency())) return false;
        if (!in(m.sections(), s.section())) return false;
        if (!in(m.languages(), s.item().language())) return false;
        if (m.urgencyMin() != null || m.urgencyMax() != null) {
            Integer u = s.item().urgency();
            if (u == null) return false;
            if (m.urgencyMin() != null && u < m.urgencyMin()) return false;
            if (m.urgencyMax() != null && u > m.urgencyMax()) return false;
        }
        if (m.keywords() != null && m.keywords().find(s.words()).isEmpty()) return false;
        return m.regex() == null || m.regex().matcher(new Deadline(s.text(), REGEX_BUDGET_NANOS, name)).find();
    }

    private static boolean in(Set<String> wanted, String value) {
        if (wanted == null || wanted.isEmpty()) return true;
        return value != null && wanted.contains(value.toLowerCase(Locale.ROOT));
    }

    /** A regular expression gets this long per story; wire copy is hostile input, a regex can backtrack forever. */
    static final long REGEX_BUDGET_NANOS = 50_000_000L;

    /** Thrown when a rule's regex overran its budget; the story is held rather than let through. */
    public static final class RegexTimeout extends RuntimeException {
        RegexTimeout(String rule) {
            super("the regex of rule " + rule + " ran over " + REGEX_BUDGET_NANOS / 1_000_000 + " ms");
        }
    }

    /** Text that stops a runaway regex: the matcher reads characters through here. */
    private static final class Deadline implements CharSequence {
        private final CharSequence text;
        private final long deadline;
        private final String rule;
        private int reads;

        Deadline(CharSequence text, long budgetNanos, String rule) {
            this(text, rule, System.nanoTime() + budgetNanos);
        }

        private Deadline(CharSequence text, String rule, long deadline) {
            this.text = text;
            this.rule = rule;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0x3FF) == 0 && System.nanoTime() > deadline) throw new RegexTimeout(rule);
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Deadline(text.subSequence(start, end), rule, deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
