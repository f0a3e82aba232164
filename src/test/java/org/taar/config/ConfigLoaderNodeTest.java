package org.taar.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** node, archive, media and inbox: what several nodes share, from taar.yml and the environment. */
class ConfigLoaderNodeTest {
    @TempDir Path dir;

    private Config.Node load(Map<String, String> env, String yml) throws Exception {
        return new ConfigLoader(env).load(dir, Files.writeString(dir.resolve("taar.yml"), yml), null).node();
    }

    @Test
    void byDefaultEverythingIsInTheDataFolderAndTheNodeIsNamedAfterItsHostAndProcess() throws Exception {
        Config.Node node = load(Map.of(), "site:\n  name: x\n");
        assertThat(node.name()).endsWith("-" + ProcessHandle.current().pid());
        assertThat(node.archive()).isEqualTo(dir.resolve("archive"));
        assertThat(node.media()).isEqualTo(dir.resolve("media"));
        assertThat(node.inbox()).isEqualTo(dir.resolve("inbox"));
        assertThat(node.sharedInbox()).isFalse();
    }

    @Test
    void sharedFoldersAndTheDatabaseArchiveAreSetInTheFileAndTheEnvironmentWins() throws Exception {
        Config.Node node = load(Map.of("TAAR_NODE", "web-2", "TAAR_MEDIA", "/srv/shared/media"),
                "node: web-1\narchive: database\nmedia: /srv/other\ninbox: /srv/shared/inbox/\n");
        assertThat(node.name()).isEqualTo("web-2");
        assertThat(node.archive()).as("archive: database").isNull();
        assertThat(node.media()).isEqualTo(Path.of("/srv/shared/media"));
        assertThat(node.inbox()).isEqualTo(Path.of("/srv/shared/inbox"));
        assertThat(node.sharedInbox()).isTrue();
        assertThat(load(Map.of(), "archive: /srv/shared/archive\n").archive()).isEqualTo(Path.of("/srv/shared/archive"));
    }

    @Test
    void aNodeNameOrFolderThatCouldMisleadIsRefusedByName() {
        assertThatThrownBy(() -> load(Map.of(), "node: ../../etc\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node:");
        assertThatThrownBy(() -> load(Map.of("TAAR_NODE", "a b"), "")).hasMessageContaining("node:");
        assertThatThrownBy(() -> load(Map.of(), "node: " + "x".repeat(101) + "\n")).hasMessageContaining("node:");
        // Nodes started from different folders must agree on where the shared folders are.
        assertThatThrownBy(() -> load(Map.of(), "inbox: shared/inbox\n")).hasMessageContaining("inbox:")
                .hasMessageContaining("absolute");
        assertThatThrownBy(() -> load(Map.of(), "archive: archive\n")).hasMessageContaining("archive:");
        assertThatThrownBy(() -> load(Map.of("TAAR_MEDIA", "media\u0000x"), "")).hasMessageContaining("media:");
    }
}
