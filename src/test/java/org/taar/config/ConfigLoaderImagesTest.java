package org.taar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sources.NAME.images: a source licensed for text but not pictures. */
class ConfigLoaderImagesTest {
    @TempDir Path dir;

    private Config load(String yml) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), yml);
        return new ConfigLoader(Map.of()).load(dir, null, null);
    }

    @Test
    void picturesAreLicensedUnlessASourceSaysNot() throws Exception {
        Config c = load("""
                sources:
                  pti:
                    disclaimer: PTI
                  ians:
                    images: false
                  uni:
                    images: true
                """);
        assertThat(c.source("pti").images()).isTrue();
        assertThat(c.source("ians").images()).isFalse();
        assertThat(c.source("uni").images()).isTrue();
        assertThat(c.source("unknown").images()).as("a source not in taar.yml").isTrue();
    }

    @Test
    void aWordThatIsNotTrueOrFalseIsAClearError() {
        assertThatThrownBy(() -> load("""
                sources:
                  ians:
                    images: sometimes
                """)).isInstanceOf(ConfigException.class).hasMessageContaining("sources.ians.images")
                .hasMessageContaining("true or false");
    }
}
