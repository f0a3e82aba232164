package org.taar.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.taar.config.ConfigException;

/**
 * Reads routing rules from taar.yml's {@code rules:} list (and the same shape, one rule, from
 * the store). Every mistake is a {@link ConfigException} naming the rule and the field, at load
 * time, so a typo never surfaces as a story published that should have been held.
 */
public final class RoutingRules {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d)\\s*(?:-\\s*(\\d)\\s*)?");
    private static final Set<String> RULE_KEYS = Set.of("name", "match", "action", "reason", "set_section",
            "add_tags", "set_disclaimer");
    private static final Set<String> MATCH_KEYS = Set.of("source", "agency", "section", "urgency", "language",
            "keywords", "regex");

    private RoutingRules() {}

    /**
     * @param list the {@code rules:} node (missing or null for none)
     * @param sections the site's section slugs, which {@code set_section} must name
     */
    public static List<RoutingRule> parse(JsonNode list, Set<String> sections) {
        if (list == null || list.isMissingNode() || list.isNull()) return List.of();
        if (!list.isArray()) throw new ConfigException("rules: a list of rules, each with a name");
        List<RoutingRule> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            RoutingRule r = parseOne(list.get(i), null, "rules[" + (i + 1) + "]", sections);
            if (!names.add(r.name())) throw new ConfigException("rules: two rules are named '" + r.name() + "'");
            out.add(r);
        }
        return List.copyOf(out);
    }

    /**
     * One rule. {@code name} is given for a stored rule (its name is a column); for taar.yml it
     * comes from the node. {@code where} prefixes every error message.
     */
    public static RoutingRule parseOne(JsonNode n, String name, String where, Set<String> sections) {
        if (n == null || !n.isObject()) throw new ConfigException(where + ": a rule is a map with name, match and action");
        unknownKeys(n, RULE_KEYS, where);
        if (name == null) name = text(n, "name", where);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ConfigException(where + ": name: letters, digits, '.', '_' and '-', not '" + name + "'");
        }
        String at = where.startsWith("rule ") ? where : where + " (" + name + ")";
        RoutingRule.Match match = match(n.path("match"), at + ".match");
        Decision.Action action = action(text(n, "action", at), at);
        String section = text(n, "set_section", at);
        if (section != null && !sections.contains(section)) {
            throw new ConfigException(at + ".set_section: '" + section + "' is not a section slug of the site "
                    + sections);
        }
        Decision.Edits edits = new Decision.Edits(section, strings(n.path("add_tags"), at + ".add_tags"),
                text(n, "set_disclaimer", at));
        if (action == null && edits.isEmpty()) {
            throw new ConfigException(at + ": the rule does nothing: give an action (publish, hold, discard) "
                    + "or set_section, add_tags, set_disclaimer");
        }
        return new RoutingRule(name, match, action, text(n, "reason", at), edits);
    }

    private static RoutingRule.Match match(JsonNode m, String where) {
        if (m.isMissingNode() || m.isNull()) {
            return new RoutingRule.Match(Set.of(), Set.of(), Set.of(), null, null, Set.of(), null, null);
        }
        if (!m.isObject()) throw new ConfigException(where + ": a map of conditions (" + MATCH_KEYS + ")");
        unknownKeys(m, MATCH_KEYS, where);
        Integer min = null;
        Integer max = null;
        JsonNode u = m.path("urgency");
        if (!u.isMissingNode() && !u.isNull()) {
            Matcher r = RANGE.matcher(u.asText());
            if (!(u.isIntegralNumber() || u.isTextual()) || !r.matches()) {
                throw new ConfigException(where + ".urgency: an IPTC urgency 1-9 or a range like \"1-3\", not '"
                        + u.asText() + "'");
            }
            min = Integer.parseInt(r.group(1));
            max = r.group(2) == null ? min : Integer.parseInt(r.group(2));
            if (min < 1 || max > 9 || min > max) {
                throw new ConfigException(where + ".urgency: from 1 to 9, low to high, not '" + u.asText() + "'");
            }
        }
        List<String> keywords = strings(m.path("keywords"), where + ".keywords");
        PhraseList phrases = keywords.isEmpty() ? null : new PhraseList(keywords);
        if (phrases != null && phrases.size() == 0) {
            throw new ConfigException(where + ".keywords: no words in " + keywords);
        }
        Pattern regex = null;
        String re = text(m, "regex", where);
        if (re != null) {
            try {
                regex = Pattern.compile(re, Pattern.UNICODE_CHARACTER_CLASS);
            } catch (PatternSyntaxException e) {
                throw new ConfigException(where + ".regex: not a valid Java regular expression: "
                        + e.getDescription() + " near index " + e.getIndex() + " of '" + re + "'");
            }
        }
        return new RoutingRule.Match(lowered(m.path("source"), where + ".source"),
                lowered(m.path("agency"), where + ".agency"), lowered(m.path("section"), where + ".section"),
                min, max, lowered(m.path("language"), where + ".language"), phrases, regex);
    }

    private static Decision.Action action(String value, String where) {
        if (value == null) return null;
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "publish" -> Decision.Action.PUBLISH;
            case "hold" -> Decision.Action.HOLD;
            case "discard" -> Decision.Action.DISCARD;
            default -> throw new ConfigException(where + ".action: publish, hold or discard, not '" + value + "'");
        };
    }

    private static void unknownKeys(JsonNode n, Set<String> known, String where) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) throw new ConfigException(where + ": unknown setting '" + k + "' (known: "
                    + known.stream().sorted().toList() + ")");
        }
    }

    /** A string, or a list of strings. */
    private static List<String> strings(JsonNode n, String where) {
        if (n.isMissingNode() || n.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        if (n.isValueNode()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            for (JsonNode v : n) {
                if (!v.isValueNode() || v.isNull()) throw new ConfigException(where + ": a list of words");
                out.add(v.asText());
            }
        } else {
            throw new ConfigException(where + ": a word or a list of words");
        }
        out.removeIf(String::isBlank);
        return out;
    }

    private static Set<String> lowered(JsonNode n, String where) {
        Set<String> out = new LinkedHashSet<>();
        strings(n, where).forEach(s -> out.add(s.strip().toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) return null;
        if (!v.isValueNode()) throw new ConfigException(where + "." + field + ": a single value");
        return v.asText();
    }
}
