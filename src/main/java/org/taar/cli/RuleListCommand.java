package org.taar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.taar.store.RuleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code taar rule list}: the stored rules in the order they apply, a disabled one marked so. */
@Command(name = "list", description = "print the stored rules in order, one JSON line each, with whether each runs")
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
            for (var rule : new RuleStore(node.store(), node.clock()).list()) {
                System.out.println(JSON.createObjectNode().put("name", rule.name()).put("enabled", rule.enabled())
                        .set("rule", JSON.readTree(rule.definition())));
            }
        }
        return Exit.OK;
    }
}
