package org.taar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code taar key}: the group of add, list and revoke; alone it is a usage error. */
@Command(name = "key", description = "push and editor keys",
        subcommands = {KeyAddCommand.class, KeyListCommand.class, KeyRevokeCommand.class})
public final class KeyCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add, list or revoke");
    }
}
