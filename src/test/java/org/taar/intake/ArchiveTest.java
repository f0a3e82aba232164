package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.TestEngines;
import org.taar.store.Store;

/** The archive keeps its own bytes: a link planted at an archive path is neither trusted nor followed. */
class ArchiveTest {
    @TempDir Path dir;

    @Test
    void linkPlantedAtTheArchivePathIsReplacedByTheDeliveredBytes() throws Exception {
        Path data = dir.resolve("data");
        try (Store store = Store.open(TestEngines.config(TestEngines.SQLITE, data).jdbcUrl(), data)) {
            Archive archive = new Archive(data.resolve("archive"), store, Clock.systemUTC());
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

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anArchiveInTheDatabaseKeepsTheBytesOnceAndReadsThemWholeOrTheirHead(String engine) throws Exception {
        Path data = dir.resolve("data");
        try (Store store = Store.open(TestEngines.config(engine, data).jdbcUrl(), data)) {
            Archive archive = new Archive(null, store, Clock.systemUTC());
            byte[] story = "वाशिंगटन, 12 जुलाई (आईएएनएस)। ख़बर".getBytes(StandardCharsets.UTF_8);
            Delivery first = archive.store("ians", "push", "push", story);
            Delivery again = archive.store("ians", "push", "push", story);
            assertThat(first.firstTime()).isTrue();
            assertThat(again.firstTime()).as("the same bytes are one delivery").isFalse();
            assertThat(archive.read(first.sha256())).isEqualTo(story);
            Archive.Head head = archive.head(first.sha256(), 10);
            assertThat(head.bytes()).isEqualTo(java.util.Arrays.copyOf(story, 10));
            assertThat(head.size()).isEqualTo(story.length);
            byte[] other = "second".getBytes(StandardCharsets.UTF_8);
            archive.storeAll(java.util.List.of(story, other), java.util.List.of(first.sha256(), Archive.sha256(other)));
            assertThat(archive.read(Archive.sha256(other))).isEqualTo(other);
            int rows = store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM archive_files")
                    .mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(2);
            assertThat(Files.exists(data.resolve("archive"))).as("nothing in a folder").isFalse();

            // Hostile digests are refused before any query; an unknown one is not found.
            assertThatThrownBy(() -> archive.read("' OR 1=1 --")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> archive.head("../../x", 5)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> archive.read("0".repeat(64))).isInstanceOf(java.io.FileNotFoundException.class);
            assertThatThrownBy(() -> archive.pathOf(first.sha256())).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void onlyAHexDigestNamesAnArchivePath() {
        Archive archive = new Archive(dir, null, Clock.systemUTC());
        assertThatThrownBy(() -> archive.pathOf("../../../../etc/passwd-and-more-to-be-long-enough-000000000000"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
