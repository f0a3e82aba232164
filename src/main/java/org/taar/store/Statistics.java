package org.taar.store;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics fresh for Taar's tables. With autovacuum on, PostgreSQL
 * does this itself and this finds nothing to do; with it off (some managed and CI servers), or
 * right after a bulk load, a table that was never analyzed is planned blind: a lookup of a few rows
 * by an indexed column can become a scan of the whole table (an article's 124 language-edition
 * uris, 11 ms at 20,000 stories instead of 0.2). So on open, every table that autovacuum's own
 * threshold would analyze (more than 50 rows plus 10 % of the table changed since the last
 * analysis, which a never-analyzed table's inserts count as) is analyzed now.
 */
final class Statistics {
    private static final Logger log = LoggerFactory.getLogger(Statistics.class);

    private Statistics() {}

    /** Analyzes the stale tables of the current schema; returns their names. PostgreSQL only. */
    static List<String> refresh(Store store) {
        if (store.dialect() != Store.Dialect.POSTGRESQL) return List.of();
        return store.jdbi().withHandle(h -> {
            List<String> stale = h.createQuery("""
                    SELECT relname FROM pg_stat_user_tables
                     WHERE schemaname = current_schema()
                       AND n_mod_since_analyze > 50 + 0.1 * n_live_tup
                     ORDER BY relname""")
                    .mapTo(String.class).list();
            if (stale.isEmpty()) return stale;
            long t0 = System.nanoTime();
            for (String table : stale) analyze(h, table);
            boolean autovacuum = "on".equals(h.createQuery("SELECT current_setting('autovacuum')")
                    .mapTo(String.class).one());
            log.info("planner statistics refreshed tables={} ms={}{}", stale.size(), (System.nanoTime() - t0) / 1_000_000,
                    autovacuum ? "" : " (autovacuum is off on this server: turn it on, or statistics go stale between starts)");
            return stale;
        });
    }

    private static void analyze(Handle h, String table) {
        // The name comes from the catalog, quoted as an identifier: ANALYZE takes no bind parameters.
        h.execute("ANALYZE " + '"' + table.replace("\"", "\"\"") + '"');
    }
}
