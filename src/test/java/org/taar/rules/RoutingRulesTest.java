package org.taar.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.config.Config;
import org.taar.config.ConfigException;
import org.taar.config.ConfigLoader;
import org.taar.item.NewsItem;

class RoutingRulesTest {
    private static final Set<String> SECTIONS = Set.of("india", "sports", "world", "entertainment");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-07-12T06:00:00Z"), ZoneOffset.UTC);
    @TempDir Path dir;

    private static JsonNode yaml(String text) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Rules rules(String yml) throws IOException {
        Path file = dir.resolve("taar.yml");
        Files.writeString(file, yml);
        Config c = new ConfigLoader(Map.of()).load(dir, file, null);
        return new Rules(CLOCK, c, null);
    }

    private static NewsItem.Builder story(String headline, String body) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:t:1";
        b.headline = headline;
        b.bodyHtml = "<p>" + body + "</p>";
        b.language = "hi";
        return b;
    }

    @Test
    void rulesParseWithEveryKindOfMatch() {
        List<RoutingRule> r = RoutingRules.parse(yaml("""
                - name: flashes
                  match: {source: [AFP, reuters], agency: AFP, section: world, urgency: "1-2", language: en,
                          keywords: [breaking news], regex: "(?i)\\\\bkyiv\\\\b"}
                  action: hold
                  reason: flashes wait for the desk
                - name: cricket
                  match: {keywords: क्रिकेट}
                  set_section: sports
                  add_tags: [क्रिकेट]
                """), SECTIONS);
        assertThat(r).hasSize(2);
        RoutingRule.Match m = r.get(0).match();
        assertThat(m.sources()).containsExactlyInAnyOrder("afp", "reuters");
        assertThat(m.urgencyMin()).isEqualTo(1);
        assertThat(m.urgencyMax()).isEqualTo(2);
        assertThat(m.regex().pattern()).isEqualTo("(?i)\\bkyiv\\b");
        assertThat(r.get(0).action()).isEqualTo(Decision.Action.HOLD);
        assertThat(r.get(1).action()).isNull();
        assertThat(r.get(1).edits().section()).isEqualTo("sports");
    }

    @Test
    void badRulesAreClearErrorsNamingTheRule() {
        assertThatThrownBy(() -> RoutingRules.parse(yaml("- {name: bad-re, match: {regex: \"(unclosed\"}, action: hold}"),
                SECTIONS)).isInstanceOf(ConfigException.class).hasMessageContaining("rules[1] (bad-re).match.regex")
                .hasMessageContaining("not a valid Java regular expression");
        assertThatThrownBy(() -> RoutingRules.parse(yaml("- {name: x, action: delete}"), SECTIONS))
                .hasMessageContaining("rules[1] (x).action: publish, hold or discard, not 'delete'");
        assertThatThrownBy(() -> RoutingRules.parse(yaml("- {name: x, match: {sorce: afp}, action: hold}"), SECTIONS))
                .hasMessageContaining("unknown setting 'sorce'");
        assertThatThrownBy(() -> RoutingRules.parse(yaml("- {name: x, match: {urgency: \"0-12\"}, action: hold}"), SECTIONS))
                .hasMessageContaining("(x).match.urgency");
        assertThatThrownBy(() -> RoutingRules.parse(yaml("- {name: x, set_section: cinema}"), SECTIONS))
                .hasMessageContaining("'cinema' is not a section slug");
        assertThatThrownBy(() -> RoutingRules.parse(yaml("- {name: x, match: {source: afp}}"), SECTIONS))
                .hasMessageContaining("the rule does nothing");
        assertThatThrownBy(() -> RoutingRules.parse(yaml("- {name: x, action: hold}\n- {name: x, action: hold}"), SECTIONS))
                .hasMessageContaining("two rules are named 'x'");
        assertThatThrownBy(() -> RoutingRules.parse(yaml("- {match: {source: afp}, action: hold}"), SECTIONS))
                .hasMessageContaining("rules[1]: name");
    }

    @Test
    void aBadRegexInTaarYmlIsRejectedWhenTheRulesAreBuilt() throws IOException {
        Path file = dir.resolve("taar.yml");
        Files.writeString(file, "rules:\n  - {name: broken, match: {regex: \"[a-\"}, action: discard}\n");
        Config c = new ConfigLoader(Map.of()).load(dir, file, null);
        assertThatThrownBy(() -> new Rules(CLOCK, c, null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("broken");
    }

    @Test
    void firstRuleWithAnActionDecidesAndEarlierModifiersApply() throws IOException {
        Rules rules = rules("""
                rules:
                  - {name: tag-cricket, match: {keywords: [क्रिकेट]}, add_tags: [क्रिकेट], set_section: sports}
                  - {name: afp-hold, match: {source: afp}, action: hold}
                  - {name: afp-publish, match: {source: afp}, action: publish}
                  - {name: horoscope, match: {regex: "राशिफल"}, action: discard, set_disclaimer: "x"}
                """);
        Decision d = rules.decide(null, "afp", story("क्रिकेट: भारत जीता", "मुंबई में मैच हुआ।").build(), "india");
        assertThat(d.action()).isEqualTo(Decision.Action.HOLD);
        assertThat(d.rule()).isEqualTo("afp-hold");
        assertThat(d.reason()).isEqualTo("matched rule afp-hold");
        assertThat(d.edits().section()).isEqualTo("sports");
        assertThat(d.edits().tags()).containsExactly("क्रिकेट");
        Decision other = rules.decide(null, "ians", story("आज का राशिफल", "मेष राशि").build(), "india");
        assertThat(other.action()).isEqualTo(Decision.Action.DISCARD);
        assertThat(other.reason()).startsWith("discarded: ");
        assertThat(other.edits().disclaimer()).isEqualTo("x");
        Decision plain = rules.decide(null, "ians", story("संसद का सत्र", "दिल्ली में").build(), "india");
        assertThat(plain.action()).isEqualTo(Decision.Action.PUBLISH);
        assertThat(plain.rule()).isEqualTo("default-publish");
    }

    @Test
    void eachMatchKindMatchesOnlyWhatItNames() throws IOException {
        Rules rules = rules("""
                rules:
                  - {name: by-agency, match: {agency: pti}, action: hold}
                  - {name: by-section, match: {section: entertainment}, action: hold}
                  - {name: by-urgency, match: {urgency: "1-2"}, action: hold}
                  - {name: by-language, match: {language: en}, action: hold}
                  - {name: by-keyword, match: {keywords: [ईडी छापा, "money laundering"]}, action: hold}
                  - {name: by-regex, match: {regex: "(?i)ipl\\\\s+\\\\d{4}"}, action: hold}
                """);
        NewsItem.Builder pti = story("बाढ़", "पटना");
        pti.agency = "PTI";
        assertThat(rules.decide(null, "s", pti.build(), "india").rule()).isEqualTo("by-agency");
        assertThat(rules.decide(null, "s", story("फिल्म", "मुंबई").build(), "entertainment").rule()).isEqualTo("by-section");
        NewsItem.Builder flash = story("भूकंप", "दिल्ली");
        flash.urgency = 1;
        assertThat(rules.decide(null, "s", flash.build(), "india").rule()).isEqualTo("by-urgency");
        flash.urgency = 3;
        assertThat(rules.decide(null, "s", flash.build(), "india").rule()).isEqualTo("default-publish");
        NewsItem.Builder en = story("Floods", "Patna");
        en.language = "en";
        assertThat(rules.decide(null, "s", en.build(), "india").rule()).isEqualTo("by-language");
        assertThat(rules.decide(null, "s", story("नेता के घर ईडी छापा", "x").build(), "india").rule()).isEqualTo("by-keyword");
        // A keyword is a whole phrase: the words apart, or inside other words, do not match.
        assertThat(rules.decide(null, "s", story("ईडी ने कहा", "छापा नहीं").build(), "india").rule())
                .isEqualTo("default-publish");
        assertThat(rules.decide(null, "s", story("IPL 2025 का फाइनल", "x").build(), "india").rule()).isEqualTo("by-regex");
    }

    @Test
    void aFutureEmbargoWaitsButAHoldWinsOverIt() {
        Rules rules = new Rules(CLOCK);
        NewsItem.Builder b = story("बजट", "वित्त मंत्री");
        b.embargoed = Instant.parse("2025-07-12T07:00:00Z");
        assertThat(rules.decide(b.build()).action()).isEqualTo(Decision.Action.EMBARGO);
        NewsItem.Builder satire = story("व्यंग्य: बजट में चांद पर जमीन", "वित्त मंत्री");
        satire.embargoed = b.embargoed;
        Decision d = rules.decide(satire.build());
        assertThat(d.action()).isEqualTo(Decision.Action.HOLD);
        assertThat(d.rule()).isEqualTo("unverified");
    }

    @Test
    void defaultRulesCanBeSwitchedOff() throws IOException {
        NewsItem item = story("व्यंग्य: मंत्री जी का कमीना दोस्त", "x").build();
        assertThat(rules("site: {default_rules: false}\n").decide(item).action()).isEqualTo(Decision.Action.PUBLISH);
        Decision onlyProfanity = rules("site: {default_rules: {unverified: false}}\n").decide(item);
        assertThat(onlyProfanity.rule()).isEqualTo("profanity");
        assertThatThrownBy(() -> rules("site: {default_rules: {not-licensed: false}}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not-licensed");
    }

    @Test
    void sourceNotLicensedForTheWebIsHeldWhateverTheRulesSay() throws IOException {
        Rules rules = rules("""
                sources:
                  reuters: {web: false}
                rules:
                  - {name: all-out, action: publish}
                """);
        Decision d = rules.decide(null, "reuters", story("Markets", "x").build(), "india");
        assertThat(d.action()).isEqualTo(Decision.Action.HOLD);
        assertThat(d.rule()).isEqualTo("not-licensed");
        assertThat(d.reason()).startsWith("not licensed");
        assertThat(rules.decide(null, "ians", story("Markets", "x").build(), "india").rule()).isEqualTo("all-out");
        assertThatThrownBy(() -> rules("sources:\n  x: {web: nope}\n")).hasMessageContaining("sources.x.web");
    }

    @Test
    void apSignalsWithoutNewsContentAreNeverPublished() {
        Rules rules = new Rules(CLOCK);
        NewsItem.Builder advisory = story("AP Daybook", "x");
        advisory.signals = List.of("whitelisted");
        assertThat(rules.decide(advisory.build()).rule()).isEqualTo("not-publishable");
        advisory.signals = List.of();
        assertThat(rules.decide(advisory.build()).rule()).isEqualTo("not-publishable");
        advisory.signals = List.of("newscontent");
        assertThat(rules.decide(advisory.build()).rule()).isEqualTo("default-publish");
        advisory.signals = null;
        assertThat(rules.decide(advisory.build()).rule()).isEqualTo("default-publish");
    }

    @Test
    void aRunawayRegexHoldsTheStoryInsteadOfHangingIntake() throws IOException {
        Rules rules = rules("rules:\n  - {name: slow, match: {regex: \"(.*a){12}b\"}, action: discard}\n");
        long started = System.nanoTime();
        Decision d = rules.decide(story("a".repeat(30), "x").build());
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2_000);
        assertThat(d.action()).isEqualTo(Decision.Action.HOLD);
        assertThat(d.rule()).isEqualTo("slow");
        assertThat(d.reason()).contains("ran over");
    }

    @Test
    void aRegexThatOverflowsTheStackHoldsTheStoryLikeATimeout() throws IOException {
        Rules rules = rules("rules:\n  - {name: deep, match: {regex: \"(a|b)*c\"}, action: discard}\n");
        // Proof that the body is long enough to overflow this JVM's stack, not merely to be slow.
        assertThatThrownBy(() -> java.util.regex.Pattern.compile("(a|b)*c").matcher("ab".repeat(100_000)).find())
                .isInstanceOf(StackOverflowError.class);
        Decision d = rules.decide(story("x", "ab".repeat(100_000)).build());
        assertThat(d.action()).isEqualTo(Decision.Action.HOLD);
        assertThat(d.rule()).isEqualTo("deep");
        assertThat(d.reason()).contains("recursed too deeply").contains("held for review");
        assertThat(rules.decide(story("x", "abc").build()).action()).as("a short body still matches").isEqualTo(Decision.Action.DISCARD);
    }
}
