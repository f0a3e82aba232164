package org.taar.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * DATA/failed/SOURCE/: drop files that could not be ingested, each beside a FILE.error that says
 * why. It lies outside the inbox on purpose: the agency's login controls everything in its inbox
 * folder (it could put a file or a link where failed/ should be), but not this.
 */
final class FailedFiles {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

    private final Path root;
    private final Clock clock;

    FailedFiles(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** Moves the file (a link moves as the link itself) and writes its reason; returns where it went. */
    Path keep(String source, Path file, String reason) throws IOException {
        Path dir = Files.createDirectories(root.resolve(source));
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new IOException(dir + " is not a folder");
        String name = file.getFileName().toString();
        Path target = dir.resolve(name);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) target = dir.resolve(STAMP.format(clock.instant()) + "-" + name);
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException otherDisk) {
            // An inbox mounted from another file system: copy, then remove (a link is copied as a link).
            Files.move(file, target, LinkOption.NOFOLLOW_LINKS);
        }
        Files.writeString(dir.resolve(target.getFileName() + ".error"), reason + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
        return target;
    }
}
