package org.taar.intake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;

/**
 * A file in a folder that someone else can write to (an agency's inbox), looked at without ever
 * following a link: whoever writes there must not make Taar read, move or delete anything outside.
 */
final class InboxFile {
    private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private InboxFile() {}

    /** The entry's own attributes (a link's, not its target's). */
    static BasicFileAttributes attributes(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW);
    }

    /**
     * Null when the entry is a plain file Taar may take, otherwise why not. A second hard link
     * means the same bytes live elsewhere too, e.g. a link to Taar's own config.
     */
    static String whyRefused(Path path, BasicFileAttributes a) throws IOException {
        if (a.isSymbolicLink()) return "a symbolic link";
        if (a.isDirectory()) return "a folder";
        if (!a.isRegularFile()) return "not a regular file (a FIFO, socket or device)";
        int links = hardLinks(path);
        if (links > 1) return "a file with " + links + " hard links";
        return null;
    }

    private static int hardLinks(Path path) throws IOException {
        try {
            return (Integer) Files.getAttribute(path, "unix:nlink", NOFOLLOW);
        } catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return 1; // Only Unix file systems count links; elsewhere there is nothing to compare.
        }
    }

    /**
     * Reads at most {@code max + 1} bytes; opening with NOFOLLOW_LINKS fails (ELOOP) if a link was
     * put in the file's place after it was checked.
     */
    static byte[] read(Path path, long max) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(path,
                Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 8);
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(cap, Math.max(ch.size(), 0) + 1));
            while (true) {
                if (!buf.hasRemaining()) {
                    if (buf.capacity() >= cap) break;
                    buf = ByteBuffer.allocate((int) Math.min(cap, buf.capacity() * 2L)).put(buf.flip());
                }
                if (ch.read(buf) < 0) break;
            }
            return Arrays.copyOf(buf.array(), buf.position());
        }
    }
}
