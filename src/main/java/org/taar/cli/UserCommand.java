package org.taar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code taar user}: the group of add, disable, enable and password; alone it is a usage error. */
@Command(name = "user", description = "desk users (admin, editor, viewer)",
        subcommands = {UserAddCommand.class, UserDisableCommand.class, UserEnableCommand.class, UserPasswordCommand.class})
public final class UserCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add, disable, enable or password");
    }
}
