package org.taar.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.taar.intake.DurableFile;
import org.taar.text.Digest;

/**
 * The renditions readers are served, content-addressed by SHA-256 under DATA/media/ (the originals
 * stay in the archive with every other delivery). The same bytes made twice are kept once, and a
 * file's name never changes what it holds, so its URL can be cached for ever.
 */
public final class MediaFiles {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    /** @param root DATA/media, or a folder every node shares ({@code media:} in taar.yml) */
    public MediaFiles(Path root) {
        this.root = root;
    }

    /** Writes the bytes durably (once) and returns their SHA-256. */
    public String put(byte[] content) {
        String sha = Digest.sha256Hex(content);
        Path file = pathOf(sha);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) DurableFile.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a rendition to " + file, e);
        }
        return sha;
    }

    public Path pathOf(String sha256) {
        // A digest from a request must never become "../" in a path.
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }
}
