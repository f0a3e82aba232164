package org.taar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code taar rule}: the group of add, list and remove; alone it is a usage error. */
@Command(name = "rule", description = "routing rules kept in the store (after taar.yml's rules)",
        subcommands = {RuleAddCommand.class, RuleListCommand.class, RuleRemoveCommand.class})
public final class RuleCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add, list or remove");
    }
}
