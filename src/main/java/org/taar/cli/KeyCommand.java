package org.taar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code taar key}: the group of add, list and revoke; alone it is a usage error. */
@Command(name = "key", description = "push and editor keys",
        subcommands = {KeyAddCommand.class, KeyListCommand.class, KeyRevokeCommand.class})
public final class KeyCommand implements Runnable {
    /** Given here (taar key --data D add ...), the common options reach the command after. */
    @Mixin CommonOptions common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add, list or revoke");
    }
}
