package org.taar.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code taar user enable NAME}: a disabled user may sign in again. */
@Command(name = "enable", description = "enable a desk user. Exit 65 when there is no such user")
public final class UserEnableCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "NAME") String name;

    private final Wiring wiring;

    public UserEnableCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        try (Node node = wiring.open(common.load())) {
            String refused = node.accounts().setDisabled(name, false);
            if (refused != null) {
                System.err.println("taar: " + refused);
                return Exit.DATAERR;
            }
            System.err.println("enabled " + name);
            return Exit.OK;
        }
    }
}
