package org.taar.intake;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.taar.format.NinjsParser;
import org.taar.format.WxrParser;
import org.taar.format.WxrSplitter;

/**
 * What {@code taar import} reads, as documents that are each one delivery: the lines of a JSON
 * Lines file of ninjs, every file of a folder (in name order; hidden and unfinished names are left
 * alone, as in the drop folder), each published post of a WordPress export, or any other file as it
 * is. Everything is streamed: a document is read, handed over and forgotten.
 */
public final class ImportInputs {
    /**
     * One delivery's bytes; {@code formatHint} null lets the parsers sniff. {@code tooLarge} is the
     * size of a document over the limit, which is refused unread (as a push that large is): its
     * content is then empty.
     */
    public record Doc(String name, byte[] content, String formatHint, long tooLarge) {
        public Doc(String name, byte[] content, String formatHint) {
            this(name, content, formatHint, 0);
        }

        static Doc tooLarge(String name, long size) {
            return new Doc(name, new byte[0], null, size);
        }
    }

    /** One path being read: its documents and how far through its bytes the reading is. */
    public interface Input {
        String kind();

        /** Bytes to read in all (for WordPress exports, the second reading's); 0 when unknown. */
        long size();

        /** Bytes read so far. */
        long read();

        /** Hands every document to {@code doc}, in order. */
        void each(Consumer<Doc> doc) throws IOException;

        /** What was left out as no story, by kind (an export's pages and drafts); empty for most inputs. */
        default Map<String, Integer> leftOut() {
            return Map.of();
        }
    }

    private ImportInputs() {}

    /** @param maxBytes the largest document read (the store's delivery limit); larger ones are refused unread */
    public static Input open(Path path, long maxBytes) throws IOException {
        if (Files.isDirectory(path)) return new Folder(path, maxBytes);
        if (!Files.isRegularFile(path)) throw new IOException("no such file or folder: " + path);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return new JsonLines(path, maxBytes);
        if (isWordPressExport(path)) return new Export(path, maxBytes);
        return new Folder(path, maxBytes);
    }

    static boolean isWordPressExport(Path path) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (InputStream in = Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        }
        String s = new String(head, 0, n, StandardCharsets.UTF_8);
        return s.contains("<rss") && s.contains("wordpress.org/export/1.");
    }

    /** Counts what passes through, for progress. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }

    private static final class JsonLines implements Input {
        private final Path path;
        private final long size;
        private final long maxBytes;
        private volatile long read;

        JsonLines(Path path, long maxBytes) throws IOException {
            this.path = path;
            this.size = Files.size(path);
            this.maxBytes = maxBytes;
        }

        public String kind() {
            return "JSON Lines of ninjs";
        }

        public long size() {
            return size;
        }

        public long read() {
            return read;
        }

        // Lines are split on bytes, not characters: a line's bytes are the delivery, exactly as written.
        // The file is read a block at a time and each block scanned for newlines.
        public void each(Consumer<Doc> doc) throws IOException {
            String file = path.getFileName().toString();
            try (InputStream in = Files.newInputStream(path)) {
                byte[] block = new byte[1 << 16];
                ByteArrayOutputStream line = new ByteArrayOutputStream(8192);
                long number = 0;
                long length = 0; // of the line, also past the limit, where its bytes are no longer kept
                long total = 0;
                int n;
                while ((n = in.read(block)) >= 0) {
                    int from = 0;
                    for (int i = 0; i < n; i++) {
                        if (block[i] != '\n') continue;
                        length = keep(line, block, from, i, length);
                        total += i + 1 - from;
                        from = i + 1;
                        emit(doc, file + ":" + ++number, line, length);
                        line.reset();
                        length = 0;
                        read = total;
                    }
                    length = keep(line, block, from, n, length);
                    total += n - from;
                }
                if (length > 0) emit(doc, file + ":" + ++number, line, length);
                read = total;
            }
        }

        /** Adds block[from, to) to the line while it is within the limit; returns the line's length so far. */
        private long keep(ByteArrayOutputStream line, byte[] block, int from, int to, long length) {
            long after = length + (to - from);
            if (after <= maxBytes) line.write(block, from, to - from);
            else line.reset();
            return after;
        }

        private void emit(Consumer<Doc> doc, String name, ByteArrayOutputStream line, long length) {
            if (length > maxBytes) {
                doc.accept(Doc.tooLarge(name, length));
            } else {
                byte[] bytes = line.toByteArray();
                if (!isBlank(bytes)) doc.accept(new Doc(name, bytes, NinjsParser.NAME));
            }
        }

        private static boolean isBlank(byte[] b) {
            for (byte x : b) if (x != ' ' && x != '\t' && x != '\r') return false;
            return true;
        }
    }

    /** A folder's files in name order, or one file. */
    private static final class Folder implements Input {
        private final Path root;
        private final boolean single;
        private final List<Path> files;
        private final long size;
        private final long maxBytes;
        private volatile long read;

        Folder(Path path, long maxBytes) throws IOException {
            this.maxBytes = maxBytes;
            this.single = !Files.isDirectory(path);
            this.root = single ? path.toAbsolutePath().getParent() : path;
            if (single) {
                this.files = List.of(path.toAbsolutePath());
            } else {
                try (Stream<Path> walk = Files.walk(path)) {
                    // Sorted, so that a resumed import meets the files in the same order.
                    this.files = walk.filter(Files::isRegularFile).filter(p -> !DropFolder.ignored(p.getFileName().toString()))
                            .sorted().toList();
                }
            }
            long total = 0;
            for (Path f : files) total += Files.size(f);
            this.size = total;
        }

        public String kind() {
            return single ? "file" : "folder of " + files.size() + " files";
        }

        public long size() {
            return size;
        }

        public long read() {
            return read;
        }

        public void each(Consumer<Doc> doc) throws IOException {
            for (Path f : files) {
                String name = root.relativize(f).toString();
                long length = Files.size(f);
                doc.accept(length > maxBytes ? Doc.tooLarge(name, length) : new Doc(name, Files.readAllBytes(f), null));
                read += length;
            }
        }
    }

    private static final class Export implements Input {
        private final Path path;
        private final long size;
        private final WxrSplitter splitter;
        private volatile Counting counting;

        Export(Path path, long maxBytes) throws IOException {
            this.path = path;
            this.size = Files.size(path);
            this.splitter = new WxrSplitter(maxBytes);
        }

        public String kind() {
            return "WordPress export";
        }

        public long size() {
            return size;
        }

        public long read() {
            Counting c = counting;
            return c == null ? 0 : c.count;
        }

        public void each(Consumer<Doc> doc) throws IOException {
            try (Reader in = reader(new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
                splitter.learn(in);
            }
            Counting c = new Counting(Files.newInputStream(path));
            counting = c;
            int[] n = {0};
            try (Reader in = reader(new BufferedInputStream(c, 1 << 16))) {
                splitter.posts(in, post -> doc.accept(new Doc(path.getFileName() + ":post-" + (++n[0]),
                        post.getBytes(StandardCharsets.UTF_8), WxrParser.NAME)));
            }
        }

        public Map<String, Integer> leftOut() {
            return splitter.leftOut();
        }

        private static Reader reader(InputStream in) {
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }
    }
}
