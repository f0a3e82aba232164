package org.taar.cli;

import java.util.concurrent.Callable;
import org.taar.store.PushKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taar key add}: prints the new key once; the store keeps only its hash. */
@Command(name = "add", description = "create a push key for SOURCE (or, with --editor, an editor's key for NAME); prints the key once")
public final class KeyAddCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "SOURCE") String source;
    @Option(names = "--editor", description = "a key for the editor API (publish, hold, kill); it cannot push")
    boolean editor;

    private final Wiring wiring;

    public KeyAddCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        if (!source.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")) {
            throw new IllegalArgumentException("source names are letters, digits, '.', '_' and '-': " + source);
        }
        try (Node node = wiring.open(common.load())) {
            System.out.println(node.pushKeys().create(source, editor ? PushKeys.Role.EDITOR : PushKeys.Role.PUSH));
        }
        return Exit.OK;
    }
}
