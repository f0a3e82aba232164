package org.taar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.taar.store.RuleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code taar rule list}: the stored rules in the order they apply. */
@Command(name = "list", description = "print the stored rules in order, one JSON line each")
public final class RuleListCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin CommonOptions common;

    private final Wiring wiring;

    public RuleListCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        common.quietLogs(true);
        try (Node node = wiring.open(common.load())) {
            for (var row : new RuleStore(node.store(), node.clock()).all()) {
                System.out.println(JSON.createObjectNode().put("name", row.name())
                        .set("rule", JSON.readTree(row.definition())));
            }
        }
        return Exit.OK;
    }
}
