package org.taar.intake;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Numbered daemon threads for the poller's pools: a stuck feed must never keep the process from exiting. */
final class DaemonThreads implements ThreadFactory {
    private final String name;
    private final AtomicInteger n = new AtomicInteger();

    DaemonThreads(String name) {
        this.name = name;
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, name + "-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
    }
}
