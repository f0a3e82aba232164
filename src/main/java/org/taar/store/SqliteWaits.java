package org.taar.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;
import org.sqlite.BusyHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * How a SQLite connection waits for the write lock another holds. SQLite's own busy handler
 * sleeps 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50 and then 100 ms between tries, so a writer that
 * just missed a lock held for a millisecond sleeps on long after it is free: with four pushes at
 * once, pushes spent two fifths of their time in those sleeps (bench/RESULTS.md, "wire-to-web").
 * This handler tries again every 0.1 ms for the first 2 ms, then every millisecond, up to the
 * configured busy timeout, then gives up as SQLite would (SQLITE_BUSY).
 */
final class SqliteWaits extends BusyHandler {
    private static final int QUICK_TRIES = 20;
    private final long timeoutNanos;
    private long since;

    private SqliteWaits(long timeoutMillis) {
        this.timeoutNanos = timeoutMillis * 1_000_000L;
    }

    @Override
    protected int callback(int tries) {
        long now = System.nanoTime();
        // One connection is used by one thread at a time: the episode's start needs no guard.
        if (tries == 0) since = now;
        if (now - since >= timeoutNanos) return 0;
        LockSupport.parkNanos(tries < QUICK_TRIES ? 100_000L : 1_000_000L);
        return 1;
    }

    /** A data source whose every connection waits this way, for as long as {@code cfg}'s busy timeout. */
    static SQLiteDataSource dataSource(SQLiteConfig cfg) {
        long timeout = cfg.getBusyTimeout();
        return new SQLiteDataSource(cfg) {
            @Override
            public Connection getConnection() throws SQLException {
                return waiting(super.getConnection(), timeout);
            }

            @Override
            public org.sqlite.SQLiteConnection getConnection(String user, String password) throws SQLException {
                org.sqlite.SQLiteConnection c = super.getConnection(user, password);
                waiting(c, timeout);
                return c;
            }
        };
    }

    private static Connection waiting(Connection c, long timeoutMillis) throws SQLException {
        BusyHandler.setHandler(c, new SqliteWaits(timeoutMillis));
        return c;
    }
}
