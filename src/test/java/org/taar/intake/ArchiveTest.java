package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.TestEngines;
import org.taar.store.Store;

/** The archive keeps its own bytes: a link planted at an archive path is neither trusted nor followed. */
class ArchiveTest {
    @TempDir Path dir;

    @Test
    void linkPlantedAtTheArchivePathIsReplacedByTheDeliveredBytes() throws Exception {
        Path data = dir.resolve("data");
        try (Store store = Store.open(TestEngines.config(TestEngines.SQLITE, data).jdbcUrl(), data)) {
            Archive archive = new Archive(data, store, Clock.systemUTC());
            byte[] content = "the agency's story".getBytes(StandardCharsets.UTF_8);
            Path secret = Files.writeString(dir.resolve("taar.yml"), "password: hunter2");
            Path path = archive.pathOf(Archive.sha256(content));
            Files.createDirectories(path.getParent());
            Files.createSymbolicLink(path, secret);

            archive.store("pti", "drop", "story.txt", content);

            assertThat(Files.isSymbolicLink(path)).isFalse();
            assertThat(archive.read(Archive.sha256(content))).isEqualTo(content);
            assertThat(Files.readString(secret)).isEqualTo("password: hunter2");
        }
    }

    @Test
    void onlyAHexDigestNamesAnArchivePath() {
        Archive archive = new Archive(dir, null, Clock.systemUTC());
        assertThatThrownBy(() -> archive.pathOf("../../../../etc/passwd-and-more-to-be-long-enough-000000000000"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
