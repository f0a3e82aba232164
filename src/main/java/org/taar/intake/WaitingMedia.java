package org.taar.intake;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.format.Attachment;

/**
 * DATA/waiting/SOURCE/: drop-folder pictures, video and audio, already archived and kept as media,
 * waiting for a story file of the same base name ({@code story.jpg} for {@code story.txt}) to be
 * delivered with. A file waits up to a limit from when it came (its modification time is set
 * then, so the wait survives a restart), and every story file of its name within that time gets
 * it, so a story file sent again (a new version) keeps its picture. After the limit it is removed
 * with a log line: its bytes stay in the archive and its media row stays, a picture on its own.
 * Like claimed/ and failed/, the folder is Taar's own, outside the inbox the agency writes to.
 */
final class WaitingMedia {
    private static final Logger log = LoggerFactory.getLogger(WaitingMedia.class);

    private final Path root;
    private final Clock clock;
    private final Duration limit;
    private final long maxBytes;

    WaitingMedia(Path root, Clock clock, Duration limit, long maxBytes) {
        this.root = root;
        this.clock = clock;
        this.limit = limit;
        this.maxBytes = maxBytes;
    }

    /** Moves a delivered media file here to wait (replacing an earlier one of its name), starting its wait now. */
    void keep(String source, Path file) throws IOException {
        Path dir = Files.createDirectories(root.resolve(source));
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new IOException(dir + " is not a folder");
        Path target = dir.resolve(file.getFileName().toString());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException otherDisk) {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        }
        Files.setLastModifiedTime(target, FileTime.from(clock.instant()));
    }

    /** The waiting files whose base name is the story file's, as attachments of its delivery. */
    List<Attachment> companions(String source, String storyName) throws IOException {
        Path dir = root.resolve(source);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return List.of();
        String base = base(storyName);
        List<Attachment> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.equals(storyName) || !base(name).equals(base)) continue;
                BasicFileAttributes a = InboxFile.attributes(f);
                if (InboxFile.whyRefused(f, a) != null) continue;
                out.add(new Attachment(name, null, InboxFile.read(f, maxBytes)));
            }
        }
        out.sort((x, y) -> x.name().compareTo(y.name()));
        return out;
    }

    /** Removes the files whose wait is over; returns how many. */
    int expire() throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) return 0;
        Instant before = clock.instant().minus(limit);
        int removed = 0;
        try (DirectoryStream<Path> sources = Files.newDirectoryStream(root)) {
            for (Path dir : sources) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) continue;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path f : files) {
                        BasicFileAttributes a = InboxFile.attributes(f);
                        if (a.lastModifiedTime().toInstant().isAfter(before)) continue;
                        Files.delete(f);
                        removed++;
                        log.info("drop folder source={} file={}: no story file of its name came within {} min; "
                                + "kept (archive and media) as a media item on its own", dir.getFileName(),
                                f.getFileName(), limit.toMinutes());
                    }
                }
            }
        }
        return removed;
    }

    /** A file name without its extension, compared without case ("Story.JPG" waits for "story.txt"). */
    static String base(String name) {
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).toLowerCase(Locale.ROOT);
    }
}
