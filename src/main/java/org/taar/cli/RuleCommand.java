package org.taar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code taar rule}: the group of add, list and remove; alone it is a usage error. */
@Command(name = "rule", description = "routing rules kept in the store (after taar.yml's rules)",
        subcommands = {RuleAddCommand.class, RuleListCommand.class, RuleRemoveCommand.class})
public final class RuleCommand implements Runnable {
    /** Given here (taar rule --data D add ...), the common options reach the command after. */
    @Mixin CommonOptions common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add, list or remove");
    }
}
