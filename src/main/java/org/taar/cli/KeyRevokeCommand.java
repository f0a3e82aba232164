package org.taar.cli;

import java.util.concurrent.Callable;
import org.taar.store.PushKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code taar key revoke}: by holder or by id; exit 65 when nothing matched, so a typo is not taken for success. */
@Command(name = "revoke", description = "revoke every key of SOURCE (with --editor, of the editor NAME), or the key --id N "
        + "that key list shows; refused at once by every node. Exit 65 when there is no such key")
public final class KeyRevokeCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Parameters(paramLabel = "NAME", arity = "0..1") String name;
    @Option(names = "--editor", description = "revoke NAME's editor keys rather than a source's push keys") boolean editor;
    @Option(names = "--id", paramLabel = "N", description = "revoke the one key with this id") Long id;

    private final Wiring wiring;

    public KeyRevokeCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        if ((name == null) == (id == null)) throw new IllegalArgumentException("give either NAME or --id N");
        try (Node node = wiring.open(common.load())) {
            if (id != null) {
                if (!node.pushKeys().revoke(id)) return noSuchKey("no key with id " + id);
                System.out.println("revoked key " + id);
                return Exit.OK;
            }
            var role = editor ? PushKeys.Role.EDITOR : PushKeys.Role.PUSH;
            int n = node.pushKeys().revoke(name, role);
            if (n == 0) return noSuchKey("no " + (editor ? "editor" : "push") + " key for " + name);
            System.out.println("revoked " + n + (n == 1 ? " key" : " keys") + " of " + name);
            return Exit.OK;
        }
    }

    private static int noSuchKey(String why) {
        System.err.println("taar: " + why);
        return Exit.DATAERR;
    }
}
