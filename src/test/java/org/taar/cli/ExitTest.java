package org.taar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.taar.config.ConfigException;
import org.taar.store.StoreUnavailableException;

/** sysexits codes for the failures commands meet, and messages without credentials. */
class ExitTest {
    @Test
    void usageMistakesAre64AStoreAwayIs69AndEverythingUnexpectedIs70() {
        assertThat(Exit.of(new ConfigException("rules[1]: bad"))).isEqualTo(64);
        assertThat(Exit.of(new IllegalArgumentException("give either NAME or --id N"))).isEqualTo(64);
        assertThat(Exit.of(new StoreUnavailableException("no database", null))).isEqualTo(69);
        assertThat(Exit.of(new IllegalStateException("index in use"))).isEqualTo(70);
        assertThat(Exit.of(new NullPointerException())).isEqualTo(70);
    }

    @Test
    void messagesMaskPasswordsAndNameTheExceptionWhenItSaysNothing() {
        assertThat(Exit.message(new IllegalStateException("cannot connect to jdbc:postgresql://h/db?user=u&password=s3cr3t")))
                .doesNotContain("s3cr3t").contains("jdbc:postgresql://h/db");
        assertThat(Exit.message(new NullPointerException())).isEqualTo("NullPointerException");
    }
}
