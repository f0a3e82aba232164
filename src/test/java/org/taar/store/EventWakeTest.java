package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.Eventually;
import org.taar.TestEngines;
import org.taar.story.EventKind;

/**
 * PostgreSQL's LISTEN/NOTIFY between two stores on one database (two nodes): a committed event
 * wakes the other node at once, a rolled-back one does not, another site's schema does not, and a
 * listening connection that the server drops comes back by itself.
 */
class EventWakeTest {
    private static final Duration SOON = Duration.ofSeconds(2);
    @TempDir Path dir;

    private static void append(Store store, boolean commit) {
        store.jdbi().useTransaction(h -> {
            EventLog.append(h, 1, EventKind.PUBLISHED, Instant.EPOCH);
            if (!commit) h.rollback();
        });
    }

    @Test
    void aCommittedEventWakesTheOtherNodeAndARolledBackOneDoesNot() throws Exception {
        String url = TestEngines.config(TestEngines.POSTGRESQL, dir).jdbcUrl();
        AtomicInteger wakes = new AtomicInteger();
        try (Store a = Store.open(url, dir); Store b = Store.open(url, dir);
             EventWake wake = b.wakeOnEvents(wakes::incrementAndGet).orElseThrow()) {
            assertThat(Eventually.until(SOON, wake::listening)).isTrue();
            // Listening wakes the followers once, to catch up with what came before.
            assertThat(Eventually.until(SOON, () -> wakes.get() >= 1)).isTrue();
            int before = wakes.get();
            append(a, false);
            Thread.sleep(300);
            assertThat(wakes.get()).as("a rolled-back event wakes nobody").isEqualTo(before);
            append(a, true);
            assertThat(Eventually.until(SOON, () -> wakes.get() > before)).as("a committed event wakes node b").isTrue();
        }
    }

    @Test
    void anotherSchemaOnTheSameDatabaseDoesNotWakeIt() throws Exception {
        String mine = TestEngines.config(TestEngines.POSTGRESQL, dir).jdbcUrl();
        String theirs = TestEngines.config(TestEngines.POSTGRESQL, dir).jdbcUrl();
        AtomicInteger wakes = new AtomicInteger();
        try (Store other = Store.open(theirs, dir); Store me = Store.open(mine, dir);
             EventWake wake = me.wakeOnEvents(wakes::incrementAndGet).orElseThrow()) {
            assertThat(Eventually.until(SOON, () -> wake.listening() && wakes.get() >= 1)).isTrue();
            int before = wakes.get();
            append(other, true);
            Thread.sleep(500);
            assertThat(wakes.get()).isEqualTo(before);
            append(me, true);
            assertThat(Eventually.until(SOON, () -> wakes.get() > before)).isTrue();
        }
    }

    @Test
    void aListeningConnectionTheServerDropsComesBackAndWakesAgain() throws Exception {
        String url = TestEngines.config(TestEngines.POSTGRESQL, dir).jdbcUrl();
        AtomicInteger wakes = new AtomicInteger();
        try (Store a = Store.open(url, dir); Store b = Store.open(url, dir);
             EventWake wake = b.wakeOnEvents(wakes::incrementAndGet).orElseThrow()) {
            assertThat(Eventually.until(SOON, () -> wake.listening() && wakes.get() >= 1)).isTrue();
            String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
            int terminated = a.jdbi().withHandle(h -> h.createQuery("""
                            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                             WHERE query LIKE 'LISTEN "taar_events_%' AND query LIKE '%' || :schema || '%'""")
                    .bind("schema", schema).mapTo(Integer.class).one());
            assertThat(terminated).as("the listening connection was found and dropped").isEqualTo(1);
            assertThat(Eventually.until(Duration.ofSeconds(5), () -> !wake.listening())).isTrue();
            assertThat(Eventually.until(Duration.ofSeconds(5), wake::listening)).as("listening again").isTrue();
            int before = wakes.get();
            append(a, true);
            assertThat(Eventually.until(SOON, () -> wakes.get() > before)).as("and woken by the next commit").isTrue();
        }
    }

    @Test
    void theEmbeddedStoreHasNoListener() {
        try (Store s = Store.open(null, dir)) {
            assertThat(s.wakeOnEvents(() -> { })).isEmpty();
        }
    }
}
