package org.taar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rules: stays as written for rules/ to parse; site.default_rules is read here. */
class ConfigLoaderRoutingTest {
    @TempDir Path dir;

    private Config load(String yml) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), yml);
        return new ConfigLoader(Map.of()).load(dir, null, null);
    }

    @Test
    void rulesAreKeptAsWrittenInOrder() throws Exception {
        Config c = load("""
                rules:
                  - {name: afp-hold, match: {source: afp}, action: hold}
                  - {name: cricket, match: {keywords: क्रिकेट}, set_section: sports}
                """);
        assertThat(c.routing().rules().isArray()).isTrue();
        assertThat(c.routing().rules()).extracting(r -> r.path("name").asText()).containsExactly("afp-hold", "cricket");
        assertThat(c.routing().rules().get(1).path("match").path("keywords").asText()).isEqualTo("क्रिकेट");
    }

    @Test
    void withoutRulesTheSectionIsMissingAndBothDefaultRulesRun() throws Exception {
        Config c = load("port: 8080\n");
        assertThat(c.routing().rules().isMissingNode()).isTrue();
        assertThat(c.routing().profanity()).isTrue();
        assertThat(c.routing().unverified()).isTrue();
        assertThat(Config.Routing.DEFAULT.rules().isMissingNode()).isTrue();
    }

    @Test
    void defaultRulesSwitchOffAllOrOne() throws Exception {
        Config none = load("site: {default_rules: false}\n");
        assertThat(none.routing().profanity()).isFalse();
        assertThat(none.routing().unverified()).isFalse();
        Config one = load("site: {default_rules: {unverified: false}}\n");
        assertThat(one.routing().profanity()).isTrue();
        assertThat(one.routing().unverified()).isFalse();
        assertThatThrownBy(() -> load("site: {default_rules: {not-licensed: false}}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not-licensed");
        assertThatThrownBy(() -> load("site: {default_rules: sometimes}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("site.default_rules");
        assertThatThrownBy(() -> load("site: {default_rules: {profanity: maybe}}\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("site.default_rules.profanity");
    }

    @Test
    void theRawSectionCannotBeChangedThroughTheConfig() throws Exception {
        Config c = load("rules:\n  - {name: afp-hold, match: {source: afp}, action: hold}\n");
        ((ObjectNode) c.routing().rules().get(0)).put("action", "publish");
        assertThat(c.routing().rules().get(0).path("action").asText()).isEqualTo("hold");
    }
}
