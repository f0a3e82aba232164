package org.taar.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.taar.config.Config;
import org.taar.config.ConfigException;

/**
 * The routing settings of taar.yml, parsed: its {@code rules:} in order, checked against the
 * site's sections, and which default rules run. config/ keeps the section as written; the rules
 * package reads it here, so config knows nothing of rules.
 */
public record RoutingConfig(List<RoutingRule> rules, boolean profanity, boolean unverified) {
    /** No configured rules, both default rules on: what a Rules without a configuration uses. */
    public static final RoutingConfig DEFAULT = new RoutingConfig(List.of(), true, true);

    public RoutingConfig {
        rules = List.copyOf(rules);
    }

    /**
     * Parses taar.yml's rules. Every command that loads the configuration calls this (directly or
     * through {@link Rules}), so a mistake in a rule stops it at start with a message naming the rule.
     *
     * @throws ConfigException naming the rule and the field at fault
     */
    public static RoutingConfig from(Config config) {
        Config.Routing routing = config.routing();
        return new RoutingConfig(RoutingRules.parse(routing.rules(), sections(config)), routing.profanity(),
                routing.unverified());
    }

    /** The site's section slugs, which a rule's {@code set_section} must name. */
    public static Set<String> sections(Config config) {
        Set<String> slugs = new LinkedHashSet<>();
        config.site().sections().forEach(s -> slugs.add(s.slug()));
        return slugs;
    }
}
