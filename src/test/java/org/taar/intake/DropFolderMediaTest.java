package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.media.SamplePictures;
import org.taar.store.MediaStore;
import org.taar.text.Digest;

/** A picture in the drop folder belongs to the story file of its base name, whichever arrives first. */
class DropFolderMediaTest {
    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));

    private static long storyId(App app, String uri) {
        return app.store.jdbi().withHandle(h -> h.createQuery("SELECT id FROM stories WHERE uri = :uri")
                .bind("uri", uri).mapTo(Long.class).one());
    }

    private static List<String> shown(App app, String uri) {
        return app.media.ofStory(storyId(app, uri)).stream().map(MediaStore.Entry::uri).toList();
    }

    /** Two scans: the first sees the files, the second finds them unchanged and takes them. */
    private static int scan(DropFolder drop) throws Exception {
        drop.scan();
        return drop.scan();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aStoryAndItsPictureDroppedTogetherGoOutAsAPair(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            DropFolder drop = new DropFolder(dir.resolve("inbox"), app.pipeline, 1 << 22, clock);
            Path folder = Files.createDirectories(dir.resolve("inbox/ians"));
            byte[] jpeg = SamplePictures.jpeg(200, 150, 1);
            Files.write(folder.resolve("story.jpg"), jpeg);
            Files.write(folder.resolve("story.txt"), Fixtures.wire("urn:drop:1", 1, null, "जोड़ी में आई ख़बर", "देश"));
            assertThat(scan(drop)).isEqualTo(2);
            assertThat(folder).isEmptyDirectory();
            assertThat(shown(app, "urn:drop:1")).containsExactly("sha256:" + Digest.sha256Hex(jpeg));
            assertThat(app.media.find("ians", "sha256:" + Digest.sha256Hex(jpeg)).orElseThrow().originalSha256())
                    .isEqualTo(Digest.sha256Hex(jpeg));
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPictureThatArrivesFirstWaitsForItsStoryAndIsNeverLostAfterItsWait(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            DropFolder drop = new DropFolder(dir.resolve("inbox"), app.pipeline, 1 << 22, clock);
            Path folder = Files.createDirectories(dir.resolve("inbox/ians"));
            byte[] jpeg = SamplePictures.jpeg(200, 150, 2);
            String uri = "sha256:" + Digest.sha256Hex(jpeg);
            // Its extension says nothing: the bytes make it a picture.
            Files.write(folder.resolve("lead.bin"), jpeg);
            assertThat(scan(drop)).isEqualTo(1);
            assertThat(app.media.find("ians", uri)).as("kept as media at once").isPresent();
            assertThat(dir.resolve("waiting/ians/lead.bin")).exists();

            clock.advance(Duration.ofMinutes(3));
            Files.write(folder.resolve("lead.txt"), Fixtures.wire("urn:drop:2", 1, null, "बाद में आई ख़बर", "देश"));
            assertThat(scan(drop)).isEqualTo(1);
            assertThat(shown(app, "urn:drop:2")).containsExactly(uri);

            // A second file of another name waits its ten minutes, then goes, its media row staying.
            byte[] other = SamplePictures.jpeg(100, 100, 3);
            Files.write(folder.resolve("orphan.jpg"), other);
            scan(drop);
            clock.advance(DropFolder.WAIT.plusSeconds(1));
            drop.scan();
            assertThat(dir.resolve("waiting/ians")).isEmptyDirectory();
            assertThat(app.media.find("ians", "sha256:" + Digest.sha256Hex(other))).isPresent();
            assertThat(Files.exists(app.archive.pathOf(Digest.sha256Hex(other)))).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPictureAfterItsStoryJoinsItAndTheStorySentAgainKeepsIt(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            DropFolder drop = new DropFolder(dir.resolve("inbox"), app.pipeline, 1 << 22, clock);
            Path folder = Files.createDirectories(dir.resolve("inbox/ians"));
            Files.write(folder.resolve("match.txt"), Fixtures.wire("urn:drop:3", 1, null, "पहले आई ख़बर", "देश"));
            assertThat(scan(drop)).isEqualTo(1);
            assertThat(shown(app, "urn:drop:3")).isEmpty();
            clock.advance(Duration.ofMinutes(2));
            byte[] png = SamplePictures.png(120, 90, 4);
            Files.write(folder.resolve("MATCH.PNG"), png);
            assertThat(scan(drop)).isEqualTo(1);
            String uri = "sha256:" + Digest.sha256Hex(png);
            assertThat(shown(app, "urn:drop:3")).containsExactly(uri);

            clock.advance(Duration.ofMinutes(2));
            Files.write(folder.resolve("match.txt"), Fixtures.wire("urn:drop:3", 2, null, "पहले आई ख़बर, अद्यतन", "देश"));
            assertThat(scan(drop)).isEqualTo(1);
            assertThat(app.stories.byId(storyId(app, "urn:drop:3")).orElseThrow().version()).isEqualTo(2);
            assertThat(shown(app, "urn:drop:3")).as("the new version came with its waiting picture").containsExactly(uri);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPictureClaimedBeforeACrashIsDeliveredAfterTheRestart(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            byte[] jpeg = SamplePictures.jpeg(64, 64, 5);
            Path claimed = Files.createDirectories(dir.resolve("claimed/ians"));
            Files.write(claimed.resolve("crash.jpg"), jpeg);
            DropFolder drop = new DropFolder(dir.resolve("inbox"), app.pipeline, 1 << 22, clock);
            Files.createDirectories(dir.resolve("inbox"));
            assertThat(drop.scan()).isEqualTo(1);
            assertThat(claimed.resolve("crash.jpg")).doesNotExist();
            assertThat(dir.resolve("waiting/ians/crash.jpg")).exists();
            assertThat(app.media.find("ians", "sha256:" + Digest.sha256Hex(jpeg))).isPresent();
        }
    }
}
