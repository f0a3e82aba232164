package org.taar;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;

/**
 * The two store engines for tests. SQLite always runs; PostgreSQL runs whenever the server
 * answers (TAAR_TEST_PG, default the local test database), and must run when CI=true: there an
 * unreachable server fails the test instead of skipping it.
 */
public final class TestEngines {
    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";
    private static final String PG_URL = System.getenv().getOrDefault("TAAR_TEST_PG",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static Boolean pgReachable;

    private TestEngines() {}

    /** For @MethodSource: every engine a store test must pass on. */
    public static Stream<String> all() {
        return Stream.of(SQLITE, POSTGRESQL);
    }

    /**
     * A configuration for a fresh, empty store: SQLite in {@code dir}, or a new PostgreSQL schema
     * that no other test uses.
     */
    public static Config config(String engine, Path dir) {
        return new ConfigLoader(Map.of()).load(dir, null, engine.equals(POSTGRESQL) ? freshPostgresSchema() : null);
    }

    static synchronized String freshPostgresSchema() {
        if (pgReachable == null) pgReachable = reachable();
        if (!pgReachable) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is not reachable at " + PG_URL + " and CI=true");
            }
            Assumptions.abort("PostgreSQL not reachable at " + PG_URL + "; PostgreSQL tests skipped");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(PG_URL); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema on " + PG_URL, e);
        }
        return PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static boolean reachable() {
        try (Connection c = DriverManager.getConnection(PG_URL)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
