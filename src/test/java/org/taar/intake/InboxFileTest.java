package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks the drop folder makes on a file it does not trust. */
class InboxFileTest {
    @TempDir Path dir;

    @Test
    void readRefusesALinkPutInAFilesPlaceAfterItWasChecked() throws Exception {
        Path secret = Files.write(dir.resolve("secret.txt"), new byte[] {'x'});
        Path file = Files.write(dir.resolve("story.txt"), new byte[] {'y'});
        assertThat(InboxFile.whyRefused(file, InboxFile.attributes(file))).isNull();
        Files.delete(file);
        Files.createSymbolicLink(file, secret);
        assertThatThrownBy(() -> InboxFile.read(file, 100)).isInstanceOf(IOException.class);
    }

    @Test
    void readStopsOneByteAfterTheLimit() throws Exception {
        Path file = Files.write(dir.resolve("big.txt"), new byte[5000]);
        assertThat(InboxFile.read(file, 100)).hasSize(101);
        assertThat(InboxFile.read(file, 10_000)).hasSize(5000);
    }

    @Test
    void linksAndHardLinksAreRefusedWithTheirKind() throws Exception {
        Path file = Files.write(dir.resolve("a.txt"), new byte[] {'a'});
        Path link = Files.createSymbolicLink(dir.resolve("l.txt"), file);
        assertThat(InboxFile.whyRefused(link, InboxFile.attributes(link))).contains("symbolic link");
        Files.createLink(dir.resolve("h.txt"), file);
        assertThat(InboxFile.whyRefused(file, InboxFile.attributes(file))).contains("2 hard links");
    }
}
