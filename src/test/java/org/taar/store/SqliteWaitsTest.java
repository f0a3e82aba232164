package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite writer that finds the write lock taken waits for it (and gets it once it is free),
 * up to the busy timeout, and then fails with SQLITE_BUSY as SQLite's own handler would.
 */
class SqliteWaitsTest {
    @TempDir Path dir;

    private SQLiteDataSource source(int timeoutMillis) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setBusyTimeout(timeoutMillis);
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = SqliteWaits.dataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + dir.resolve("waits.db"));
        return ds;
    }

    /** Creates the table and leaves {@code holder} inside a transaction that holds the write lock. */
    private static void lock(Connection holder) throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("CREATE TABLE t (n INTEGER)");
        }
        holder.setAutoCommit(false);
        insert(holder, 1);
    }

    private static void insert(Connection c, int n) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t VALUES (" + n + ")");
        }
    }

    @Test
    void aWriterWaitsForTheLockAndGetsItWhenFree() throws Exception {
        SQLiteDataSource ds = source(10_000);
        try (Connection holder = ds.getConnection(); Connection waiter = ds.getConnection()) {
            lock(holder);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try {
                    insert(waiter, 2);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(150);
            assertThat(second).as("still waiting while the lock is held").isNotDone();
            holder.commit();
            // sqlite-jdbc begins the next transaction at once while autocommit is off (Jdbi turns it back on).
            holder.setAutoCommit(true);
            second.get(5, TimeUnit.SECONDS);
            try (Statement s = waiter.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void aWriterGivesUpAfterTheBusyTimeout() throws Exception {
        SQLiteDataSource ds = source(200);
        try (Connection holder = ds.getConnection(); Connection waiter = ds.getConnection()) {
            lock(holder);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> insert(waiter, 2)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("SQLITE_BUSY");
            assertThat((System.nanoTime() - t0) / 1_000_000).as("waited for the timeout first").isGreaterThanOrEqualTo(200);
            holder.rollback();
        }
    }
}
