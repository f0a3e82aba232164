package org.taar.cli;

import java.time.Clock;
import org.taar.pipeline.Pipeline;
import org.taar.search.Indexer;
import org.taar.desk.Accounts;
import org.taar.store.PushKeys;
import org.taar.store.Store;

/**
 * What a command uses of a running Taar: the store and the components built on it. App is one;
 * commands see it through this interface because the command line sits below the wiring.
 */
public interface Node extends AutoCloseable {
    Store store();

    Clock clock();

    Pipeline pipeline();

    PushKeys pushKeys();

    /** Desk users: `taar user`. */
    Accounts accounts();

    /** The search index and its indexer, opened on first use (it holds a write lock). */
    Indexer indexer();

    /** Makes the renditions of every picture, video and audio due now, in this thread; returns how many. */
    default int mediaPass() {
        return 0;
    }

    /** Opens the port and starts the workers; returns the port bound. */
    int serve(String host, int port, boolean demo) throws Exception;

    @Override
    void close();
}
