package org.taar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sources: in taar.yml: a url makes a source polled; the rest has safe defaults; secrets stay hidden. */
class ConfigLoaderSourcesTest {
    @TempDir Path dir;

    private Config load(String yml) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), yml);
        return new ConfigLoader(Map.of()).load(dir, null, null);
    }

    @Test
    void polledSourcesReadTheirSettingsWithDefaults() throws Exception {
        Config c = load("""
                max_delivery_bytes: 1000000
                sources:
                  pti:
                    disclaimer: PTI
                    url: https://feeds.example.com/pti/hindi.xml
                    format: ninjs
                    interval: 5m
                    username: taar
                    password: s3cret
                    max_bytes: 5000000
                  ians:
                    url: https://user:pw@wire.example.com/ians
                    headers:
                      Authorization: Bearer abc
                    allow_private: true
                  afp:
                    url: http://feeds.afp.internal/wire
                    allow_private: true
                    allow_private_hosts: [cdn.afp.internal, 10.1.2.3]
                  local:
                    disclaimer: only a disclaimer
                """);
        Config.Feed pti = c.source("pti").feed();
        assertThat(pti.url().toString()).isEqualTo("https://feeds.example.com/pti/hindi.xml");
        assertThat(pti.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(pti.format()).isEqualTo("ninjs");
        assertThat(pti.maxBytes()).as("never above max_delivery_bytes").isEqualTo(1_000_000);
        assertThat(pti.allowPrivate()).isFalse();
        assertThat(pti.toString()).doesNotContain("s3cret");
        Config.Feed ians = c.source("ians").feed();
        assertThat(ians.url().toString()).isEqualTo("https://wire.example.com/ians");
        assertThat(ians.username()).isEqualTo("user");
        assertThat(ians.password()).isEqualTo("pw");
        assertThat(ians.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(ians.allowPrivate()).isTrue();
        assertThat(ians.privateHosts()).as("allow_private trusts the feed's own host only").containsExactly("wire.example.com");
        assertThat(c.source("afp").feed().privateHosts())
                .containsExactlyInAnyOrder("feeds.afp.internal", "cdn.afp.internal", "10.1.2.3");
        assertThat(c.source("afp").feed().allowsPrivate("CDN.afp.internal")).isTrue();
        assertThat(c.source("afp").feed().allowsPrivate("db.afp.internal")).isFalse();
        assertThat(ians.headers()).containsEntry("Authorization", "Bearer abc");
        assertThat(ians.toString()).doesNotContain("abc").doesNotContain("pw");
        assertThat(c.source("local").feed()).isNull();
        assertThat(c.polledSources()).extracting(Config.Source::name).containsExactly("pti", "ians", "afp");
    }

    @Test
    void badSourceSettingsAreClearErrors() {
        assertThatThrownBy(() -> load("sources:\n  x:\n    url: ftp://example.com/feed\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sources.x.url");
        assertThatThrownBy(() -> load("sources:\n  x:\n    url: https://example.com/\n    interval: soon\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sources.x.interval");
        assertThatThrownBy(() -> load("sources:\n  x:\n    url: https://example.com/\n    allow_private_hosts: cdn\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sources.x.allow_private_hosts");
        assertThat(ConfigLoader.duration("t", "90", null)).isEqualTo(Duration.ofSeconds(90));
        assertThat(ConfigLoader.duration("t", "1h", null)).isEqualTo(Duration.ofHours(1));
        assertThat(ConfigLoader.duration("t", "250ms", null)).isEqualTo(Duration.ofMillis(250));
    }
}
