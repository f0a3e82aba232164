package org.taar.cli;

import java.util.concurrent.Callable;
import org.taar.config.Config;
import org.taar.rules.RoutingConfig;
import org.taar.rules.Rules;
import org.taar.store.RuleStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code taar rule add}: the rule is checked as taar.yml's are before it is stored, so intake never meets a bad one. */
@Command(name = "add", description = "add a rule after the stored ones; JSON in the shape of a taar.yml rule, e.g. "
        + "'{\"match\": {\"source\": \"afp\"}, \"action\": \"hold\"}'")
public final class RuleAddCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(index = "0", paramLabel = "NAME") String name;
    @Parameters(index = "1", paramLabel = "JSON") String json;

    private final Wiring wiring;

    public RuleAddCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        Config config = common.load();
        Rules.parseStored(name, json, RoutingConfig.sections(config));
        if (RoutingConfig.from(config).rules().stream().anyMatch(r -> r.name().equals(name))) {
            throw new IllegalArgumentException("taar.yml already has a rule named " + name);
        }
        try (Node node = wiring.open(config)) {
            if (!new RuleStore(node.store(), node.clock()).add(name, json.strip())) {
                throw new IllegalArgumentException("a stored rule is already named " + name);
            }
        }
        System.out.println("rule " + name + " added");
        return Exit.OK;
    }
}
