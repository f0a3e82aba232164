package org.taar.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.config.Config;
import org.taar.config.ConfigException;
import org.taar.config.ConfigLoader;

/** taar.yml's routing settings, parsed by the rules package from the section config/ keeps as written. */
class RoutingConfigTest {
    @TempDir Path dir;

    private Config load(String yml) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), yml);
        return new ConfigLoader(Map.of()).load(dir, null, null);
    }

    @Test
    void rulesAreParsedInOrderWithTheDefaultRuleSwitches() throws Exception {
        RoutingConfig r = RoutingConfig.from(load("""
                site: {default_rules: {profanity: false}}
                rules:
                  - {name: afp-hold, match: {source: AFP}, action: hold}
                  - {name: cricket, match: {keywords: क्रिकेट}, set_section: sports}
                """));
        assertThat(r.rules()).extracting(RoutingRule::name).containsExactly("afp-hold", "cricket");
        assertThat(r.rules().get(0).match().sources()).containsExactly("afp");
        assertThat(r.rules().get(1).edits().section()).isEqualTo("sports");
        assertThat(r.profanity()).isFalse();
        assertThat(r.unverified()).isTrue();
    }

    @Test
    void noRulesIsTheDefault() throws Exception {
        assertThat(RoutingConfig.from(load("port: 8080\n"))).isEqualTo(RoutingConfig.DEFAULT);
    }

    @Test
    void aBadRuleInTaarYmlIsAConfigErrorNamingIt() throws Exception {
        Config c = load("rules:\n  - {name: broken, match: {regex: \"[a-\"}, action: discard}\n");
        assertThatThrownBy(() -> RoutingConfig.from(c)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules[1] (broken).match.regex");
        assertThatThrownBy(() -> RoutingConfig.from(load("rules: {name: x}\n"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rules: a list of rules");
    }

    @Test
    void setSectionMustNameASectionOfThisSite() throws Exception {
        Config c = load("""
                site:
                  sections: [{slug: desh, name: देश}, {slug: khel, name: खेल}]
                rules:
                  - {name: to-sports, set_section: sports}
                """);
        assertThatThrownBy(() -> RoutingConfig.from(c)).hasMessageContaining("'sports' is not a section slug");
        assertThat(RoutingConfig.sections(c)).containsExactly("desh", "khel");
    }
}
