package org.taar.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taar user add NAME --role ROLE}: the password from stdin, or generated and printed once. */
@Command(name = "add", description = "create a desk user; the password is read from stdin (one line), or generated "
        + "and printed once when stdin is a terminal or empty. Exit 65 when refused (name taken, weak password)")
public final class UserAddCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "NAME") String name;
    @Option(names = "--role", required = true, paramLabel = "admin|editor|viewer") String role;

    private final Wiring wiring;

    public UserAddCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        try (Node node = wiring.open(common.load())) {
            NewPassword.Chosen p = NewPassword.read(node.accounts());
            String refused = node.accounts().add(name, role, p.password());
            if (refused != null) {
                System.err.println("taar: " + refused);
                return Exit.DATAERR;
            }
            if (p.generated()) System.out.println(p.password());
            System.err.println("added " + role + " " + name);
            return Exit.OK;
        }
    }
}
