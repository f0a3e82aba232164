package org.taar.rules;

import java.util.List;
import java.util.Set;

/**
 * The rules every site starts with, after the configured ones: {@code profanity} holds stories
 * with a word of the Hindi or English abuse lists, {@code unverified} holds stories marked as
 * satire, parody, unverified or a viral claim. The lists are resources under {@code rules/}.
 */
final class DefaultRules {
    private static final PhraseList PROFANITY = merged("/rules/profanity-hi.txt", "/rules/profanity-en.txt");
    private static final PhraseList UNVERIFIED = PhraseList.resource("/rules/unverified.txt");

    private DefaultRules() {}

    static RoutingRule profanity() {
        return new RoutingRule("profanity", any(PROFANITY), Decision.Action.HOLD, null, Decision.Edits.NONE);
    }

    static RoutingRule unverified() {
        return new RoutingRule("unverified", any(UNVERIFIED), Decision.Action.HOLD, null, Decision.Edits.NONE);
    }

    /** "contains 'WORD' (list NAME)" for the defaults; "matched rule NAME" for configured rules. */
    static String reason(RoutingRule r, List<String> words) {
        if (r.match().keywords() == PROFANITY || r.match().keywords() == UNVERIFIED) {
            String hit = r.match().keywords().find(words).orElse("?");
            return (r.name().equals("profanity") ? "abuse or profanity: " : "unverified or satire marker: ")
                    + "contains '" + hit + "'; held for an editor";
        }
        return "matched rule " + r.name();
    }

    private static RoutingRule.Match any(PhraseList words) {
        return new RoutingRule.Match(Set.of(), Set.of(), Set.of(), null, null, Set.of(), words, null);
    }

    private static PhraseList merged(String... paths) {
        List<String> lines = new java.util.ArrayList<>();
        for (String p : paths) {
            try (var in = DefaultRules.class.getResourceAsStream(p)) {
                if (in == null) throw new IllegalStateException("missing resource " + p);
                lines.addAll(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new PhraseList(lines);
    }
}
