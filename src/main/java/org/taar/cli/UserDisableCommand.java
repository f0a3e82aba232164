package org.taar.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code taar user disable NAME}: the user cannot sign in and every session of theirs ends at once. */
@Command(name = "disable", description = "disable a desk user; their sessions end at once. Exit 65 when there is no such user")
public final class UserDisableCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "NAME") String name;

    private final Wiring wiring;

    public UserDisableCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        try (Node node = wiring.open(common.load())) {
            String refused = node.accounts().setDisabled(name, true);
            if (refused != null) {
                System.err.println("taar: " + refused);
                return Exit.DATAERR;
            }
            System.err.println("disabled " + name);
            return Exit.OK;
        }
    }
}
