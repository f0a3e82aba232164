package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.Eventually;
import org.taar.TestEngines;
import org.taar.item.NewsItem;
import org.taar.story.OutcomeStatus;

/**
 * A store opened after a bulk load has planner statistics for what was loaded, whether or not the
 * server runs autovacuum (this machine's does not); and the queue's open-ended counts read the time
 * index even where the planner has no statistics at all.
 */
class StatisticsTest {
    @TempDir Path dir;

    private static void load(Store store, int rows) {
        WireLog wire = new WireLog(store);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            NewsItem.Builder b = NewsItem.builder();
            b.uri = "urn:stats:" + i;
            b.headline = "ख़बर " + i;
            wire.rejected("wire", null, "f" + i, b.build(), "not a wire format", at.plusSeconds(i));
        }
    }

    private static String lastAnalyzed(Store store, String table) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                SELECT CAST(COALESCE(last_analyze, last_autoanalyze) AS text) FROM pg_stat_user_tables
                 WHERE schemaname = current_schema() AND relname = :t""").bind("t", table)
                .mapTo(String.class).findOne().orElse(null));
    }

    @Test
    void aTableLoadedSinceTheLastAnalysisIsAnalyzedWhenTheStoreOpens() throws Exception {
        Store first = Stores.open(TestEngines.POSTGRESQL, dir);
        String url = first.jdbi().withHandle(h -> h.getConnection().getMetaData().getURL());
        load(first, 300);
        assertThat(lastAnalyzed(first, "wire")).as("nothing has analyzed the loaded table yet").isNull();
        first.close();
        // The loading session's counters reach pg_stat_user_tables a moment after it ends.
        assertThat(Eventually.until(Duration.ofSeconds(10), () -> changedSinceAnalysis(url, "wire") >= 300)).isTrue();
        try (Store second = Store.open(url, dir)) {
            assertThat(lastAnalyzed(second, "wire")).as("analyzed on open").isNotNull();
            assertThat(Statistics.refresh(second)).as("analyzed tables are not analyzed again").doesNotContain("wire");
        }
    }

    private static long changedSinceAnalysis(String url, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT n_mod_since_analyze FROM pg_stat_user_tables"
                     + " WHERE schemaname = current_schema() AND relname = ?")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    @Test
    void sqliteHasNothingToRefresh() {
        try (Store store = Stores.open(TestEngines.SQLITE, dir)) {
            load(store, 100);
            assertThat(Statistics.refresh(store)).isEmpty();
        }
    }

    private static long[] scans(Store store) {
        return store.jdbi().withHandle(h -> h.createQuery("""
                SELECT seq_scan, COALESCE(idx_scan, 0) FROM pg_stat_user_tables
                 WHERE schemaname = current_schema() AND relname = 'wire'""")
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one());
    }

    @Test
    void theQueuesCountsReadTheTimeIndexWhereThePlannerHasNoStatistics() throws Exception {
        try (Store store = Stores.open(TestEngines.POSTGRESQL, dir)) {
            load(store, 3_000);
            // Without statistics "at >= ?" alone is guessed at a third of the table: a full scan on
            // every queue page. The counts must bound their window on both sides.
            Instant now = Instant.parse("2026-01-01T00:50:30Z");
            WireQueue queue = new WireQueue(store, Clock.fixed(now, ZoneOffset.UTC));
            Thread.sleep(1_500); // the loading session's counters settle (PostgreSQL flushes them each second)
            long[] before = scans(store);
            for (int i = 0; i < 3; i++) {
                var counts = queue.counts(new WireQueue.Filter(null, null, null, null, null,
                        now.minus(Duration.ofHours(24)), null, null));
                assertThat(counts.get(OutcomeStatus.REJECTED)).isEqualTo(3_000);
            }
            long[] after = Eventually.value(Duration.ofSeconds(10), () -> scans(store), s -> s[1] > before[1]);
            assertThat(after[0]).as("sequential scans of wire").isEqualTo(before[0]);
        }
    }
}
