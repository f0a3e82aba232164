package org.taar.cli;

import java.util.concurrent.Callable;
import org.taar.store.RuleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code taar rule remove}: exit 64 when no stored rule has that name. */
@Command(name = "remove", description = "remove a stored rule")
public final class RuleRemoveCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "NAME") String name;

    private final Wiring wiring;

    public RuleRemoveCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        try (Node node = wiring.open(common.load())) {
            if (!new RuleStore(node.store(), node.clock()).remove(name)) {
                throw new IllegalArgumentException("no stored rule named " + name);
            }
        }
        return Exit.OK;
    }
}
