package org.taar.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes this node's followers of the event table (publisher, search indexer, desk) when any node
 * commits an event, through PostgreSQL's LISTEN on the channel that migration V19's trigger
 * notifies. It holds one connection of its own, outside the pool, and reconnects after losing it;
 * every (re)connection wakes the followers too, since they catch up by sequence number and so lose
 * nothing that was notified while the connection was down. The followers' own polls stay as they
 * were: a lost notification delays a change by a poll, never loses it.
 */
public final class EventWake implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventWake.class);
    /** How long one wait for notifications lasts; also how soon a closed wake notices. */
    private static final int WAIT_MS = 500;
    /** A quiet connection is checked this often, so that a server gone silently is noticed. */
    private static final long CHECK_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final Duration RETRY_MAX = Duration.ofSeconds(5);

    private final String jdbcUrl;
    private final Runnable onWake;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;
    private volatile Connection connection;

    EventWake(String jdbcUrl, Runnable onWake) {
        this.jdbcUrl = jdbcUrl;
        this.onWake = onWake;
        this.thread = new Thread(this::run, "event-wake");
        thread.setDaemon(true);
        thread.start();
    }

    /** True while the listening connection is up (a metric, and tests). */
    public boolean listening() {
        return listening;
    }

    private void run() {
        long retryMs = 250;
        while (running) {
            try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                connection = c;
                String channel;
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT left('taar_events_' || coalesce(current_schema(), ''), 63)")) {
                    rs.next();
                    channel = rs.getString(1);
                }
                try (var s = c.createStatement()) {
                    s.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
                }
                listening = true;
                retryMs = 250;
                log.info("listening for events on {}", channel);
                wake();
                PGConnection pg = c.unwrap(PGConnection.class);
                long checked = System.nanoTime();
                while (running) {
                    var notes = pg.getNotifications(WAIT_MS);
                    if (notes != null && notes.length > 0) wake();
                    if (System.nanoTime() - checked > CHECK_EVERY_NANOS) {
                        try (var s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                        checked = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) return;
                if (listening) log.warn("event notifications lost, reconnecting: {}", Store.rootMessage(e));
                listening = false;
                try {
                    Thread.sleep(retryMs);
                } catch (InterruptedException ie) {
                    return;
                }
                retryMs = Math.min(RETRY_MAX.toMillis(), retryMs * 2);
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    private void wake() {
        try {
            onWake.run();
        } catch (RuntimeException e) {
            log.error("waking the followers failed: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        running = false;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
