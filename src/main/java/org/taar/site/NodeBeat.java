package org.taar.site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.store.Nodes;

/**
 * This node's heartbeat in the store: every second, and soon after each batch the publisher
 * applies, it writes how far this node's pages have followed the event table. Through it the
 * nodes agree when a CDN purge may go out (once every live node has rendered the change) and who
 * sends it; the same rows give each node's event lag.
 */
public final class NodeBeat implements CdnPurge.Gate, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NodeBeat.class);
    static final Duration EVERY = Duration.ofSeconds(1);

    private final Nodes nodes;
    private final String name;
    private final LongSupplier applied;
    private final Clock clock;
    private final Instant started;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean failing;

    /** @param applied the sequence number up to which this node's pages have applied the events */
    public NodeBeat(Nodes nodes, String name, LongSupplier applied, Clock clock) {
        this.nodes = nodes;
        this.name = name;
        this.applied = applied;
        this.clock = clock;
        this.started = clock.instant();
        beatSafely();
        this.thread = new Thread(this::run, "node-beat");
        thread.setDaemon(true);
        thread.start();
    }

    public String name() {
        return name;
    }

    /** The publisher applied a batch: say so soon, so that purges waiting for this node may go. */
    public void nudge() {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(EVERY.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            if (running) beatSafely();
        }
    }

    private void beatSafely() {
        try {
            nodes.beat(name, started, applied.getAsLong(), clock.instant());
            if (failing) log.info("node {} heartbeat written again", name);
            failing = false;
        } catch (RuntimeException e) {
            // The store is away; the pages keep being served, and the next beat tries again.
            if (!failing) log.warn("node {} heartbeat failed: {}", name, e.toString());
            failing = true;
        }
    }

    @Override
    public long everywhereUpTo() {
        long slowest = applied.getAsLong();
        for (Nodes.Node n : nodes.alive(clock.instant())) {
            if (!n.name().equals(name)) slowest = Math.min(slowest, n.appliedSeq());
        }
        return slowest;
    }

    @Override
    public boolean claim(long seq) {
        return nodes.claimPurge(seq, name, clock.instant());
    }

    /** Stops the beat and takes this node's row away, so that nobody waits for a node that left. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
            nodes.leave(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("node {} could not leave the store: {}", name, e.toString());
        }
    }
}
