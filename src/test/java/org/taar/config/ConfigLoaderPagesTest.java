package org.taar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** site.page_budget_mb and site.eager_articles: defaults, values, and clear errors. */
class ConfigLoaderPagesTest {
    @TempDir Path dir;

    private Config.Site load(String yml) throws Exception {
        return new ConfigLoader(Map.of()).load(dir, Files.writeString(dir.resolve("taar.yml"), yml), null).site();
    }

    @Test
    void pageBudgetAndEagerArticlesHaveDefaultsAndCanBeSet() throws Exception {
        Config.Site defaults = load("site:\n  name: x\n");
        assertThat(defaults.pageBudgetBytes()).isEqualTo(384L << 20);
        assertThat(defaults.eagerArticles()).isEqualTo(2_000);
        Config.Site set = load("site:\n  page_budget_mb: 64\n  eager_articles: 0\n");
        assertThat(set.pageBudgetBytes()).isEqualTo(64L << 20);
        assertThat(set.eagerArticles()).isZero();
    }

    @Test
    void badValuesAreRefusedByName() {
        assertThatThrownBy(() -> load("site:\n  page_budget_mb: lots\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("site.page_budget_mb");
        assertThatThrownBy(() -> load("site:\n  page_budget_mb: 0\n")).hasMessageContaining("site.page_budget_mb");
        assertThatThrownBy(() -> load("site:\n  eager_articles: -1\n")).hasMessageContaining("site.eager_articles");
    }
}
