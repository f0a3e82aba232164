package org.taar.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection whose request headers do not arrive within a deadline, counted from the first
 * byte of the request (a new connection's first byte, or the first byte after the previous request
 * ended). Jetty's idle timeout only notices a connection that says nothing at all; a client sending
 * one header byte every few seconds would otherwise keep its connection, and its buffers, forever.
 *
 * <p>Jetty 12 has no such setting, so this is a {@link Connection.Listener} that keeps a little
 * state per connection, and one task on Jetty's scheduler that looks at each connection's byte
 * count once a second (so the deadline holds to about a second). While a request is being handled
 * (its body arriving, an event stream open) the connection is left alone: the body has its own
 * deadline, and a stream is meant to stay.
 */
final class HeaderDeadline implements Connection.Listener {
    private static final Logger log = LoggerFactory.getLogger(HeaderDeadline.class);
    private static final long SWEEP_MILLIS = 1_000;

    private final long deadlineNanos;
    private final Map<Connection, Waiting> connections = new ConcurrentHashMap<>();
    private volatile Scheduler scheduler;
    private volatile boolean stopped;

    HeaderDeadline(Duration deadline) {
        this.deadlineNanos = deadline.toNanos();
    }

    /** Starts the once-a-second look on the server's scheduler. */
    void start(Scheduler scheduler) {
        this.scheduler = scheduler;
        stopped = false;
        scheduler.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void onOpened(Connection connection) {
        connections.put(connection, new Waiting());
    }

    @Override
    public void onClosed(Connection connection) {
        connections.remove(connection);
    }

    /** The connection's headers are in: a request is being handled. */
    void requestBegins(Connection connection) {
        Waiting w = connections.get(connection);
        if (w != null) w.begin();
    }

    /** The request was answered: the next one's clock starts at its first byte. */
    void requestEnds(Connection connection) {
        Waiting w = connections.get(connection);
        if (w != null) w.end(connection.getBytesIn());
    }

    private void sweep() {
        if (stopped) return;
        try {
            long now = System.nanoTime();
            connections.forEach((connection, waiting) -> {
                if (waiting.overdue(connection.getBytesIn(), now, deadlineNanos)) {
                    log.debug("request headers not complete within the deadline: closing {}",
                            connection.getEndPoint().getRemoteSocketAddress());
                    connections.remove(connection);
                    connection.getEndPoint().close();
                }
            });
        } finally {
            Scheduler s = scheduler;
            if (!stopped && s != null && s.isRunning()) s.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** One connection between requests: how many bytes it had when the last request ended, and since when it sends more. */
    private static final class Waiting {
        private int handling;
        private long bytesAtRest;
        private long firstByteAt;
        private boolean sending;

        synchronized void begin() {
            handling++;
        }

        synchronized void end(long bytesIn) {
            handling = Math.max(0, handling - 1);
            bytesAtRest = bytesIn;
            sending = false;
        }

        synchronized boolean overdue(long bytesIn, long now, long deadline) {
            if (handling > 0) return false;
            if (!sending) {
                if (bytesIn <= bytesAtRest) return false;
                sending = true;
                firstByteAt = now;
                return false;
            }
            return now - firstByteAt > deadline;
        }
    }
}
