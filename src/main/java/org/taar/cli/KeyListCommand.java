package org.taar.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.taar.store.PushKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code taar key list}: one JSON line per key, never the key itself. */
@Command(name = "list", description = "print every key as a JSON line: id, name, role (source or editor), created, last_used; never the key")
public final class KeyListCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin CommonOptions common;

    private final Wiring wiring;

    public KeyListCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        common.quietLogs(true);
        try (Node node = wiring.open(common.load())) {
            for (var k : node.pushKeys().list()) {
                System.out.println(JSON.createObjectNode().put("id", k.id()).put("name", k.name())
                        .put("role", k.role() == PushKeys.Role.PUSH ? "source" : "editor")
                        .put("created", k.created().toString())
                        .put("last_used", k.lastUsed() == null ? null : k.lastUsed().toString()));
            }
        }
        return Exit.OK;
    }
}
