package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot renditions stay within their budget, keep nothing too large, and give back exactly the file's bytes. */
class HotRenditionsTest {
    @TempDir Path dir;

    private Path file(String name, int size) throws Exception {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) b[i] = (byte) (i * 31 + name.hashCode());
        return Files.write(dir.resolve(name), b);
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    @Test
    void keepsTheNewestWithinItsBudgetAndNeverTheTooLarge() throws Exception {
        HotRenditions hot = new HotRenditions(10_000, 4_000);
        Path a = file("a", 3_000);
        Path b = file("b", 3_000);
        Path c = file("c", 3_000);
        Path d = file("d", 3_000);
        Path big = file("big", 5_000);
        assertThat(bytes(hot.get("a", a, 3_000))).isEqualTo(Files.readAllBytes(a));
        hot.get("b", b, 3_000);
        hot.get("c", c, 3_000);
        assertThat(hot.used()).isEqualTo(9_000);
        hot.get("a", a, 3_000); // asked again: now the newest
        hot.get("d", d, 3_000); // over budget: b, the least recently asked, goes
        assertThat(hot.used()).isEqualTo(9_000);
        Files.delete(b);
        Files.delete(a);
        // a is still kept (its file is no longer read); b is not, so reading it fails.
        assertThat(bytes(hot.get("a", a, 3_000))).hasSize(3_000);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hot.get("b", b, 3_000))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(hot.get("big", big, 5_000)).as("above the largest kept size").isNull();
        assertThat(hot.used()).isEqualTo(9_000);
    }

    @Test
    void eachCallerGetsItsOwnPosition() throws Exception {
        HotRenditions hot = new HotRenditions(10_000, 4_000);
        Path a = file("a", 100);
        ByteBuffer first = hot.get("a", a, 100);
        first.position(50);
        assertThat(hot.get("a", a, 100).remaining()).isEqualTo(100);
    }
}
