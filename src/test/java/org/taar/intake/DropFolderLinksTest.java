package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;

/**
 * Whoever can write into an inbox (an agency's SFTP login) must not reach outside it: links,
 * hard links, FIFOs and linked source folders are left alone, and nothing outside is read or deleted.
 */
class DropFolderLinksTest {
    @TempDir Path dir;
    private App app;
    private Path inbox;
    private Path outside;
    private DropFolder drop;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void open() throws Exception {
        app = new App(TestEngines.config(TestEngines.SQLITE, dir.resolve("data")), new MutableClock(Instant.now()));
        inbox = dir.resolve("data/inbox");
        outside = Files.createDirectories(dir.resolve("outside"));
        drop = new DropFolder(inbox, app.pipeline, 1 << 20, app.clock);
        logs.start();
        ((Logger) LoggerFactory.getLogger(DropFolder.class)).addAppender(logs);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger(DropFolder.class)).detachAppender(logs);
        app.close();
    }

    private int stories(String uri) {
        return app.store.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM stories WHERE uri = :uri")
                .bind("uri", uri).mapTo(Integer.class).one());
    }

    private long warningsAbout(String name) {
        return logs.list.stream().filter(e -> e.getFormattedMessage().contains(name)).count();
    }

    @Test
    void linkToAFileOutsideTheInboxIsNeitherPublishedNorTouched() throws Exception {
        Path secret = Files.write(outside.resolve("taar.yml"), Fixtures.wire("urn:link:1", 1, null, "गुप्त फ़ाइल", "देश"));
        Path folder = Files.createDirectories(inbox.resolve("pti"));
        Path link = Files.createSymbolicLink(folder.resolve("story.txt"), secret);

        for (int i = 0; i < 3; i++) drop.scan();

        assertThat(stories("urn:link:1")).isZero();
        assertThat(secret).exists();
        assertThat(Files.isSymbolicLink(link)).as("a refused link stays where it is").isTrue();
        assertThat(warningsAbout("story.txt")).as("one log line per file, not per scan").isEqualTo(1);
    }

    @Test
    void sourceFolderThatLinksToADirectoryOutsideIsLeftAlone() throws Exception {
        Path elsewhere = Files.createDirectories(outside.resolve("private"));
        Path file = Files.write(elsewhere.resolve("story.txt"), Fixtures.wire("urn:link:2", 1, null, "बाहर की फ़ाइल", "देश"));
        Files.createDirectories(inbox);
        Files.createSymbolicLink(inbox.resolve("evil"), elsewhere);

        for (int i = 0; i < 3; i++) drop.scan();

        assertThat(stories("urn:link:2")).isZero();
        assertThat(file).as("never deleted from outside the inbox").exists();
        assertThat(warningsAbout("evil")).isEqualTo(1);
    }

    @Test
    void hardLinkToAFileElsewhereIsRefused() throws Exception {
        Path secret = Files.write(outside.resolve("secret.txt"), Fixtures.wire("urn:link:3", 1, null, "कड़ी", "देश"));
        Path folder = Files.createDirectories(inbox.resolve("pti"));
        Files.createLink(folder.resolve("hard.txt"), secret);

        for (int i = 0; i < 3; i++) drop.scan();

        assertThat(stories("urn:link:3")).isZero();
        assertThat(secret).exists();
        assertThat(folder.resolve("hard.txt")).exists();
        assertThat(warningsAbout("hard.txt")).isEqualTo(1);
    }

    @Test
    void fifoNeverBlocksTheScanAndTheFileBesideItIsIngested() throws Exception {
        Path folder = Files.createDirectories(inbox.resolve("uni"));
        Path fifo = folder.resolve("pipe.txt");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Files.write(folder.resolve("good.txt"), Fixtures.wire("urn:link:4", 1, null, "ठीक ख़बर", "देश"));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            drop.scan();
            drop.scan();
        });

        assertThat(stories("urn:link:4")).isEqualTo(1);
        assertThat(fifo).exists();
        assertThat(warningsAbout("pipe.txt")).isEqualTo(1);
    }
}
