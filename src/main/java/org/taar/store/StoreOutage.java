package org.taar.store;

import org.slf4j.Logger;

/**
 * How a background worker (publisher, indexer, poller, drop folder, embargo clock, media worker)
 * speaks of its failures: a store that is away is said once when it goes and once when it is back,
 * not at every retry with a stack trace; any other failure is logged in full each time.
 */
public final class StoreOutage {
    private final Logger log;
    private final String worker;
    private volatile boolean away;

    public StoreOutage(Logger log, String worker) {
        this.log = log;
        this.worker = worker;
    }

    public void failed(RuntimeException e) {
        if (StoreUnavailableException.isCause(e)) {
            if (!away) log.warn("{}: the store is unavailable ({}); retrying until it answers", worker, Store.rootMessage(e));
            away = true;
        } else {
            log.error("{} failed, will retry: {}", worker, e.toString(), e);
        }
    }

    /** A round of work went through: after an outage, says the store is back. */
    public void worked() {
        if (away) {
            away = false;
            log.info("{}: working again after the store was unavailable", worker);
        }
    }
}
