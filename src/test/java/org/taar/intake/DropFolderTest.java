package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;

/** DATA/inbox/SOURCE/: complete files are ingested once, broken ones go to DATA/failed/SOURCE/ with a reason. */
class DropFolderTest {
    @TempDir Path dir;

    @Test
    void completeFileIsIngestedForItsSourceAndRemoved() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.now()))) {
            Path inbox = dir.resolve("inbox");
            DropFolder drop = new DropFolder(inbox, app.pipeline, 1 << 20, app.clock);
            Path folder = Files.createDirectories(inbox.resolve("pti"));
            Path file = folder.resolve("story.txt");
            Files.write(file, Fixtures.wire("urn:drop:1", 1, null, "ड्रॉप फ़ोल्डर की ख़बर", "खेल"));

            assertThat(drop.scan()).as("first sight: not yet known to be complete").isZero();
            assertThat(drop.scan()).isEqualTo(1);
            assertThat(file).doesNotExist();
            String source = app.store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT source FROM stories WHERE uri = 'urn:drop:1'").mapTo(String.class).one());
            assertThat(source).isEqualTo("pti");
        }
    }

    @Test
    void unreadableFileGoesToFailedBesideItsReason() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.now()))) {
            Path inbox = dir.resolve("inbox");
            DropFolder drop = new DropFolder(inbox, app.pipeline, 1 << 20, app.clock);
            Path folder = Files.createDirectories(inbox.resolve("ians"));
            Files.write(folder.resolve("empty.txt"), new byte[0]);
            Files.write(folder.resolve("bad.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, (byte) 0x80, 0x0a});
            Files.write(folder.resolve("good.txt"), Fixtures.wire("urn:drop:2", 1, null, "सही ख़बर", "देश"));

            drop.scan();
            assertThat(drop.scan()).isEqualTo(3);
            Path failed = dir.resolve("failed/ians");
            assertThat(failed.resolve("empty.txt")).exists();
            assertThat(Files.readString(failed.resolve("empty.txt.error"), StandardCharsets.UTF_8)).contains("empty");
            assertThat(failed.resolve("bad.txt")).exists();
            assertThat(Files.readString(failed.resolve("bad.txt.error"), StandardCharsets.UTF_8)).isNotBlank();
            assertThat(folder.resolve("good.txt")).as("a broken file never stops a good one").doesNotExist();
            assertThat(failed.resolve("good.txt")).doesNotExist();
        }
    }

    @Test
    void partialAndHiddenFilesAreLeftAloneUntilRenamed() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.now()))) {
            Path inbox = dir.resolve("inbox");
            DropFolder drop = new DropFolder(inbox, app.pipeline, 1 << 20, app.clock);
            Path folder = Files.createDirectories(inbox.resolve("uni"));
            byte[] story = Fixtures.wire("urn:drop:3", 1, null, "धीरे लिखी गई ख़बर", "देश");
            for (String name : new String[] {"a.tmp", "b.part", ".c.txt"}) Files.write(folder.resolve(name), story);
            drop.scan();
            assertThat(drop.scan()).isZero();
            assertThat(folder.resolve("a.tmp")).exists();
            Files.move(folder.resolve("a.tmp"), folder.resolve("a.txt"));
            drop.scan();
            assertThat(drop.scan()).isEqualTo(1);
        }
    }

    @Test
    void growingFileWaitsUntilItStopsChanging() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.now()))) {
            Path inbox = dir.resolve("inbox");
            DropFolder drop = new DropFolder(inbox, app.pipeline, 1 << 20, app.clock);
            Path folder = Files.createDirectories(inbox.resolve("ani"));
            byte[] story = Fixtures.wire("urn:drop:4", 1, null, "बढ़ती फ़ाइल", "देश");
            Path file = folder.resolve("growing.txt");
            Files.write(file, java.util.Arrays.copyOf(story, story.length / 2));
            drop.scan();
            Files.write(file, story);
            assertThat(drop.scan()).as("size changed since last scan").isZero();
            assertThat(drop.scan()).isEqualTo(1);
            assertThat(folder.resolve("failed")).doesNotExist();
        }
    }

    @Test
    void aFileNamedFailedJamsNeitherItsSourceNorAnyOther() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.now()))) {
            Path inbox = dir.resolve("inbox");
            DropFolder drop = new DropFolder(inbox, app.pipeline, 1 << 20, app.clock);
            Path jammed = Files.createDirectories(inbox.resolve("aaa"));
            Files.write(jammed.resolve("failed"), new byte[0]);
            Files.write(jammed.resolve("bad.txt"), new byte[0]);
            Files.write(jammed.resolve("good.txt"), Fixtures.wire("urn:drop:5", 1, null, "पहली ख़बर", "देश"));
            Path other = Files.createDirectories(inbox.resolve("zzz"));
            Files.write(other.resolve("good.txt"), Fixtures.wire("urn:drop:6", 1, null, "दूसरी ख़बर", "देश"));

            drop.scan();
            drop.scan();

            assertThat(jammed.resolve("good.txt")).doesNotExist();
            assertThat(other.resolve("good.txt")).doesNotExist();
            int stories = app.store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM stories WHERE uri IN ('urn:drop:5', 'urn:drop:6')").mapTo(Integer.class).one());
            assertThat(stories).isEqualTo(2);
            assertThat(dir.resolve("failed/aaa/bad.txt")).as("outside the inbox, where the agency cannot reach").exists();
            assertThat(dir.resolve("failed/aaa/bad.txt.error")).exists();
            assertThat(dir.resolve("failed/aaa/failed")).as("a file named failed is just a file").exists();
        }
    }
}
