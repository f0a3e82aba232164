package org.taar.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most asked-for small renditions, kept in memory within a fixed budget: a picture on the
 * home page is asked for by every reader, and opening its file for each of them costs several
 * times what sending the bytes does. Content-addressed, so a kept copy is never stale; whether
 * it may still be served (a kill, a withdrawal) is decided before, on every request.
 */
final class HotRenditions {
    private final long budget;
    private final long largest;
    private long used;
    private final LinkedHashMap<String, ByteBuffer> kept = new LinkedHashMap<>(64, 0.75f, true);

    /** @param budget bytes kept at most; @param largest a file above this size is always streamed */
    HotRenditions(long budget, long largest) {
        this.budget = budget;
        this.largest = largest;
    }

    /** The file's bytes (read-only), kept from now on if they fit; null when the file is too large to keep. */
    ByteBuffer get(String sha256, Path file, long size) throws IOException {
        synchronized (this) {
            ByteBuffer b = kept.get(sha256);
            if (b != null) return b.duplicate();
        }
        if (size > largest || size > budget) return null;
        ByteBuffer read = ByteBuffer.wrap(Files.readAllBytes(file)).asReadOnlyBuffer();
        synchronized (this) {
            if (!kept.containsKey(sha256)) {
                kept.put(sha256, read);
                used += read.capacity();
                var it = kept.entrySet().iterator();
                while (used > budget && it.hasNext()) {
                    Map.Entry<String, ByteBuffer> eldest = it.next();
                    used -= eldest.getValue().capacity();
                    it.remove();
                }
            }
        }
        return read.duplicate();
    }

    synchronized long used() {
        return used;
    }
}
