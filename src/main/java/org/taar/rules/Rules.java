package org.taar.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.config.ConfigException;
import org.taar.item.NewsItem;
import org.taar.store.RuleStore;
import org.taar.item.PubStatus;

/**
 * The decide stage, in this order: the agency's withheld status; the licence (a source not
 * licensed for the web, an item whose signals forbid publication), which no rule can override;
 * then the routing rules of taar.yml, those of the store, and the default rules (profanity,
 * unverified), where the first rule with an action decides and the modifiers of every matching
 * rule before it apply; then default-publish. A future embargo turns a publish into a wait, but a
 * hold or discard wins over it, so a profane story is not released by the embargo clock.
 */
public final class Rules {
    private static final Logger log = LoggerFactory.getLogger(Rules.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** AP's signal that an item may be published (now, or when its embargo lifts). */
    static final String NEWS_CONTENT = "newscontent";

    private final Clock clock;
    private final Config config;
    private final RuleStore store;
    private final Set<String> sections;
    private final List<RoutingRule> configured;
    private final List<RoutingRule> defaults = new ArrayList<>();
    /** The stored rules an editor proposes, instead of the store's: null for the store's. */
    private final List<RoutingRule> proposed;
    private volatile Stored stored = new Stored(List.of(), List.of());

    private record Stored(List<RuleStore.Row> rows, List<RoutingRule> rules) {}

    public Rules(Clock clock) {
        this(clock, null, null);
    }

    /**
     * @param store stored routing rules, or null for taar.yml's only
     * @throws ConfigException when a rule of taar.yml is wrong
     */
    public Rules(Clock clock, Config config, RuleStore store) {
        this.clock = clock;
        this.config = config;
        this.store = store;
        this.sections = config == null ? Set.of() : RoutingConfig.sections(config);
        RoutingConfig routing = config == null ? RoutingConfig.DEFAULT : RoutingConfig.from(config);
        this.configured = routing.rules();
        if (routing.profanity()) defaults.add(DefaultRules.profanity());
        if (routing.unverified()) defaults.add(DefaultRules.unverified());
        this.proposed = null;
    }

    // The same taar.yml and default rules around stored rules that were never saved.
    private Rules(Rules base, List<RoutingRule> proposed) {
        this.clock = base.clock;
        this.config = base.config;
        this.store = null;
        this.sections = base.sections;
        this.configured = base.configured;
        this.defaults.addAll(base.defaults);
        this.proposed = List.copyOf(proposed);
    }

    /**
     * These rules with {@code stored} in place of the store's, for a dry run, without saving
     * anything. Every enabled rule is checked as {@code taar rule add} checks one; each mistake is
     * a problem naming the rule, and the rules returned leave out the rules at fault.
     */
    public Proposal propose(List<RuleStore.Entry> stored) {
        return StoredRules.check(stored, configured, sections, rules -> new Rules(this, rules));
    }

    /** Stored rules as proposed: the rules to run them with, and what is wrong with them (nothing when valid). */
    public record Proposal(Rules rules, List<String> problems) {
        public Proposal {
            problems = List.copyOf(problems);
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** For tests and callers without a store or source: the item alone. */
    public Decision decide(NewsItem item) {
        return decide(null, "local", item, null);
    }

    /**
     * @param h the pipeline's transaction, where stored rules are read (null: none)
     * @param section the site section the enrich stage chose, which rules may match and change
     */
    public Decision decide(Handle h, String source, NewsItem item, String section) {
        return decide(h, source, item, section, null);
    }

    /** As above, with what the rules read of the item made beforehand ({@link RuleText#read}); null reads it here. */
    public Decision decide(Handle h, String source, NewsItem item, String section, RuleText.Read read) {
        if (item.pubstatus() == PubStatus.WITHHELD) {
            return new Decision(Decision.Action.HOLD, "agency-withheld", "the agency marked the item withheld", null);
        }
        Optional<Decision> licence = licence(source, item);
        if (licence.isPresent()) return licence.get();
        Decision routed = route(h, source, item, section, read != null ? read : RuleText.read(item));
        boolean waits = item.embargoed() != null && item.embargoed().isAfter(clock.instant());
        if (waits && routed.action() == Decision.Action.PUBLISH) {
            return new Decision(Decision.Action.EMBARGO, "embargo", "embargoed until " + item.embargoed(),
                    item.embargoed(), routed.edits());
        }
        return routed;
    }

    /**
     * Why a story may never be published, whoever asks (the pipeline, an editor's release): the
     * source is not licensed for the web, or the agency's signals say it is not news content.
     */
    public Optional<Decision> licence(String source, NewsItem item) {
        if (config != null && !config.source(source).web()) {
            return Optional.of(new Decision(Decision.Action.HOLD, "not-licensed",
                    "not licensed: source " + source + " is not licensed for web publication", null));
        }
        if (item.signals() != null && item.signals().stream().noneMatch(NEWS_CONTENT::equalsIgnoreCase)) {
            return Optional.of(new Decision(Decision.Action.HOLD, "not-publishable",
                    "not publishable: the agency's signals " + item.signals() + " lack " + NEWS_CONTENT, null));
        }
        return Optional.empty();
    }

    private Decision route(Handle h, String source, NewsItem item, String section, RuleText.Read read) {
        String text = read.text();
        List<String> words = read.words();
        Decision.Edits edits = Decision.Edits.NONE;
        String current = section;
        for (RoutingRule r : all(h)) {
            RoutingRule.Subject subject = new RoutingRule.Subject(source, item, current, words, text);
            boolean matched;
            try {
                matched = r.matches(subject);
            } catch (RoutingRule.RegexTimeout e) {
                log.warn("routing rule {} timed out on uri={}; story held", r.name(), item.uri());
                return new Decision(Decision.Action.HOLD, r.name(), e.getMessage() + "; held for review", null)
                        .with(edits);
            } catch (StackOverflowError e) {
                // Java's regex recurses per repetition of a group like (a|b)*: a long body exhausts the
                // stack. The frames are gone by now, so the story is held like a timeout, never lost.
                log.warn("routing rule {} overflowed the stack on uri={}; story held", r.name(), item.uri());
                return new Decision(Decision.Action.HOLD, r.name(), "the regex of rule " + r.name()
                        + " recursed too deeply on this story's text; held for review", null).with(edits);
            }
            if (!matched) continue;
            edits = edits.then(r.edits());
            if (r.edits().section() != null) current = r.edits().section();
            if (r.action() != null) {
                String reason = r.reason() != null ? r.reason() : DefaultRules.reason(r, words);
                if (r.action() == Decision.Action.DISCARD) reason = "discarded: " + reason;
                return new Decision(r.action(), r.name(), reason, null, edits);
            }
        }
        return Decision.publish("default-publish").with(edits);
    }

    /** taar.yml's rules, then the store's (or those proposed), then the defaults. */
    private List<RoutingRule> all(Handle h) {
        List<RoutingRule> out = new ArrayList<>(configured);
        if (proposed != null) out.addAll(proposed);
        else if (h != null && store != null) out.addAll(stored(store.all(h)));
        out.addAll(defaults);
        return out;
    }

    // Stored rules are parsed once per change of the table, not per story.
    private List<RoutingRule> stored(List<RuleStore.Row> rows) {
        Stored s = stored;
        if (s.rows().equals(rows)) return s.rules();
        List<RoutingRule> rules = new ArrayList<>();
        for (RuleStore.Row row : rows) {
            try {
                rules.add(parseStored(row.name(), row.definition(), sections));
            } catch (ConfigException e) {
                // Checked when added; one that no longer fits (a section removed) must not stop intake.
                log.error("stored routing rule skipped: {}", e.getMessage());
            }
        }
        stored = new Stored(List.copyOf(rows), List.copyOf(rules));
        return stored.rules();
    }

    /** One stored rule's JSON, checked as taar.yml's are; the CLI calls this before storing. */
    public static RoutingRule parseStored(String name, String json, Set<String> sections) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's own message names a redacted source; an editor needs the line and column.
            String what = e.getOriginalMessage().split(" \\(start marker at ", 2)[0].split("\n", 2)[0];
            JsonLocation at = e.getLocation();
            throw new ConfigException("rule " + name + ": not JSON: " + what
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (node != null && node.isObject() && node.has("name")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("name");
        }
        return RoutingRules.parseOne(node, name, "rule " + name, sections);
    }
}
