package org.taar.cli;

import java.util.concurrent.Callable;
import org.apache.lucene.store.LockObtainFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code taar reindex}: rebuilds DATA/search/ from the store and prints the count. */
@Command(name = "reindex", description = "rebuild the search index from the store")
public final class ReindexCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    private final Wiring wiring;

    public ReindexCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        try (Node node = wiring.open(common.load())) {
            int n;
            try {
                n = node.indexer().rebuild();
            } catch (RuntimeException e) {
                if (e.getCause() instanceof LockObtainFailedException) {
                    throw new IllegalStateException("the search index is in use by a running server; stop it first");
                }
                throw e;
            }
            System.out.println("reindexed " + n + " stories");
        }
        return Exit.OK;
    }
}
