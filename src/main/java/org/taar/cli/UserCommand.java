package org.taar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code taar user}: the group of add, disable, enable and password; alone it is a usage error. */
@Command(name = "user", description = "desk users (admin, editor, viewer)",
        subcommands = {UserAddCommand.class, UserDisableCommand.class, UserEnableCommand.class, UserPasswordCommand.class})
public final class UserCommand implements Runnable {
    /** Given here (taar user --data D add ...), the common options reach the command after. */
    @Mixin CommonOptions common;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: add, disable, enable or password");
    }
}
