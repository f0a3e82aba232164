package org.taar.rules;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.store.StoreOutage;
import org.taar.store.EmbargoQueue;

/**
 * Publishes embargoed stories when their time comes. It checks the store every second, so a
 * restart or a second node loses nothing; the store's conditional update releases each once.
 */
public final class EmbargoClock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbargoClock.class);
    private final StoreOutage outage = new StoreOutage(log, "embargo clock");

    private final EmbargoQueue stories;
    private final Clock clock;
    private final Runnable onRelease;
    private ScheduledExecutorService timer;

    public EmbargoClock(EmbargoQueue stories, Clock clock, Runnable onRelease) {
        this.stories = stories;
        this.clock = clock;
        this.onRelease = onRelease;
    }

    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embargo-clock");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tickSafely, 1, 1, TimeUnit.SECONDS);
    }

    private void tickSafely() {
        try {
            tick();
            outage.worked();
        } catch (RuntimeException e) {
            outage.failed(e);
        }
    }

    /** Releases every embargo that is due; returns how many this process released. */
    public int tick() {
        int released = 0;
        for (long id : stories.embargoesDue(clock.instant())) {
            if (stories.releaseEmbargo(id, clock.instant())) {
                log.info("embargo lifted id={}", id);
                released++;
            }
        }
        if (released > 0) onRelease.run();
        return released;
    }

    @Override
    public void close() {
        if (timer != null) timer.shutdownNow();
    }
}
