package org.taar.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code taar user password NAME}: a new password (stdin, or generated and printed once); the user's sessions end. */
@Command(name = "password", description = "set a desk user's password from stdin (or generate and print one); "
        + "every session of the user ends. Exit 65 when there is no such user or the password is refused")
public final class UserPasswordCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "NAME") String name;

    private final Wiring wiring;

    public UserPasswordCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        try (Node node = wiring.open(common.load())) {
            NewPassword.Chosen p = NewPassword.read(node.accounts());
            String refused = node.accounts().setPassword(name, p.password());
            if (refused != null) {
                System.err.println("taar: " + refused);
                return Exit.DATAERR;
            }
            if (p.generated()) System.out.println(p.password());
            System.err.println("password changed for " + name);
            return Exit.OK;
        }
    }
}
