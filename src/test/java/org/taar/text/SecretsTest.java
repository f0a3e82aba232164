package org.taar.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Credentials in URLs are masked wherever a URL is printed; the rest of the URL stays readable. */
class SecretsTest {
    @Test
    void jdbcPasswordParameterIsMasked() {
        assertThat(Secrets.redact("cannot connect to jdbc:postgresql://db:5432/taar?user=taar&password=pa%26ss&ssl=true: refused"))
                .isEqualTo("cannot connect to jdbc:postgresql://db:5432/taar?user=taar&password=***&ssl=true: refused");
        assertThat(Secrets.redact("jdbc:postgresql://db/taar?PASSWORD=x;sslpassword=y"))
                .isEqualTo("jdbc:postgresql://db/taar?PASSWORD=***;sslpassword=***");
    }

    @Test
    void userInfoPasswordIsMasked() {
        assertThat(Secrets.redact("jdbc:postgresql://taar:hunter2@db:5432/taar")).isEqualTo("jdbc:postgresql://taar:***@db:5432/taar");
        assertThat(Secrets.redact("GET https://agency:hunter2@feeds.example.com/rss?token=abc&page=2"))
                .isEqualTo("GET https://agency:***@feeds.example.com/rss?token=***&page=2");
        assertThat(Secrets.redact("unknown host postgres:hunter2@db")).isEqualTo("unknown host postgres:***@db");
    }

    @Test
    void textWithoutCredentialsIsUnchanged() {
        assertThat(Secrets.redact("jdbc:postgresql://db:5432/taar?user=taar")).isEqualTo("jdbc:postgresql://db:5432/taar?user=taar");
        assertThat(Secrets.redact("mail editor@example.com")).isEqualTo("mail editor@example.com");
        assertThat(Secrets.redact(null)).isNull();
    }
}
