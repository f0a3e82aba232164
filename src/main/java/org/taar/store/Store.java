package org.taar.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.taar.text.Secrets;

/**
 * The database: SQLite in the data directory by default, PostgreSQL when a JDBC URL is given.
 * Both get the same schema from their own Flyway migrations, applied on open.
 */
public final class Store implements AutoCloseable {
    public enum Dialect { SQLITE, POSTGRESQL }

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Dialect dialect;
    /** PostgreSQL's URL, for the one connection that listens outside the pool; null on SQLite. */
    private final String listenUrl;

    private Store(HikariDataSource pool, Dialect dialect, String listenUrl) {
        this.pool = pool;
        this.dialect = dialect;
        this.listenUrl = listenUrl;
        this.jdbi = Jdbi.create(pool);
        jdbi.setStatementBuilderFactory(connection -> new HandleStatements());
    }

    /** Opens (and migrates) the store; {@code jdbcUrl} null means SQLite at DATA/taar.db. */
    public static Store open(String jdbcUrl, Path dataDir) {
        Store store = jdbcUrl == null ? sqlite(dataDir) : postgres(jdbcUrl);
        try {
            Flyway.configure()
                    .dataSource(store.pool)
                    .locations("classpath:db/migration/" + store.dialect.name().toLowerCase())
                    .load()
                    .migrate();
            WireLog.foldCopied(store);
            Statistics.refresh(store);
        } catch (RuntimeException e) {
            store.close();
            throw new StoreUnavailableException("cannot migrate the database: " + rootMessage(e), e);
        }
        return store;
    }

    private static Store sqlite(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: a committed delivery survives power loss, which is what "durable before ack" means.
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        cfg.setBusyTimeout(10_000);
        cfg.enforceForeignKeys(true);
        // IMMEDIATE takes the write lock at BEGIN, so two writers wait for each other instead of
        // failing with SQLITE_BUSY when a reading transaction tries to upgrade.
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource ds = SqliteWaits.dataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + dataDir.resolve("taar.db").toAbsolutePath());
        HikariConfig hc = new HikariConfig();
        hc.setDataSource(ds);
        hc.setPoolName("taar-sqlite");
        // Readers never wait for the writer (WAL): enough connections that the publisher and the
        // pages find one while deliveries (Pipeline lets cores + 1 work at once) wait for the writer.
        hc.setMaximumPoolSize(10);
        return new Store(new HikariDataSource(hc), Dialect.SQLITE, null);
    }

    private static Store postgres(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--db must be a PostgreSQL JDBC URL (jdbc:postgresql://...), got " + Secrets.redact(jdbcUrl));
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setPoolName("taar-pg");
        hc.setMaximumPoolSize(8);
        hc.setConnectionTimeout(5_000);
        try {
            return new Store(new HikariDataSource(hc), Dialect.POSTGRESQL, jdbcUrl);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("cannot connect to " + Secrets.redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * Refreshes PostgreSQL's planner statistics for tables changed much since they were last
     * analyzed (see {@link Statistics}); nothing on SQLite. A bulk load calls this as it goes.
     */
    public void refreshStatistics() {
        Statistics.refresh(this);
    }

    /**
     * Calls {@code onWake} whenever any node commits an event (PostgreSQL's LISTEN; see
     * {@link EventWake}); empty on SQLite, where the writers share this machine and nudge or are polled.
     */
    public Optional<EventWake> wakeOnEvents(Runnable onWake) {
        return listenUrl == null ? Optional.empty() : Optional.of(new EventWake(listenUrl, onWake));
    }

    /**
     * Reports the connection pool (waits, usage, timeouts) to {@code tracker}, from now on; once
     * per store. The pool is named by engine (taar-sqlite, taar-pg), never by its URL.
     */
    public void measurePool(MetricsTrackerFactory tracker) {
        pool.setMetricsTrackerFactory(tracker);
    }

    /** True when the database answers a trivial query; /healthz uses it. */
    public boolean healthy() {
        try (var c = pool.getConnection(); var s = c.createStatement()) {
            return s.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : Secrets.redact(t.getMessage());
    }
}
