package org.taar.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.Pipeline;

/**
 * DATA/inbox/SOURCE/: a file written there is ingested for SOURCE. A file counts as complete
 * when two scans in a row see the same size and modification time; names beginning with "."
 * or ending in .tmp or .part are left alone until renamed. After ingest the file is removed
 * (its bytes are in the archive); a file that cannot be ingested goes to failed/ beside a
 * .error file that says why.
 */
public final class DropFolder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

    private final Path inbox;
    private final Pipeline pipeline;
    private final long maxBytes;
    private final Clock clock;
    private final Map<Path, String> lastSeen = new HashMap<>();
    private ScheduledExecutorService scanner;

    public DropFolder(Path inbox, Pipeline pipeline, long maxBytes, Clock clock) {
        this.inbox = inbox;
        this.pipeline = pipeline;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public void start(long periodMillis) throws IOException {
        Files.createDirectories(inbox);
        scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "drop-folder");
            t.setDaemon(true);
            return t;
        });
        scanner.scheduleWithFixedDelay(this::scanSafely, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void scanSafely() {
        try {
            scan();
        } catch (RuntimeException | IOException e) {
            log.error("drop folder scan failed, will retry: {}", e.toString(), e);
        }
    }

    /** One pass over every source folder; returns how many files it ingested or failed. */
    public synchronized int scan() throws IOException {
        if (!Files.isDirectory(inbox)) return 0;
        int handled = 0;
        Set<Path> present = new HashSet<>();
        try (DirectoryStream<Path> sources = Files.newDirectoryStream(inbox, Files::isDirectory)) {
            for (Path dir : sources) {
                String source = dir.getFileName().toString();
                if (!SOURCE_NAME.matcher(source).matches()) continue;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
                    for (Path file : files) {
                        if (ignored(file.getFileName().toString())) continue;
                        present.add(file);
                        if (complete(file)) {
                            handle(source, file);
                            lastSeen.remove(file);
                            handled++;
                        }
                    }
                }
            }
        }
        lastSeen.keySet().retainAll(present);
        return handled;
    }

    static boolean ignored(String name) {
        return name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part") || name.endsWith(".error");
    }

    private boolean complete(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        String seen = a.size() + "/" + a.lastModifiedTime().toMillis();
        return seen.equals(lastSeen.put(file, seen));
    }

    private void handle(String source, Path file) throws IOException {
        String name = file.getFileName().toString();
        long size = Files.size(file);
        if (size > maxBytes) {
            fail(file, "too large: " + size + " bytes, the limit is " + maxBytes);
            return;
        }
        byte[] content = Files.readAllBytes(file);
        Pipeline.Result result = pipeline.deliver(source, "drop", name, content, null);
        if (result.rejected()) {
            fail(file, result.error());
            return;
        }
        // The archive holds the bytes durably now, so the inbox copy can go.
        Files.delete(file);
        log.info("drop folder ingested source={} file={} items={}", source, name, result.outcomes().size());
    }

    private void fail(Path file, String reason) throws IOException {
        Path failed = file.resolveSibling("failed");
        Files.createDirectories(failed);
        Path target = failed.resolve(file.getFileName());
        if (Files.exists(target)) {
            target = failed.resolve(STAMP.format(clock.instant()) + "-" + file.getFileName());
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(target.resolveSibling(target.getFileName() + ".error"), reason + "\n", StandardCharsets.UTF_8);
        log.warn("drop folder rejected file={} reason=\"{}\"", target, reason);
    }

    @Override
    public void close() {
        if (scanner != null) {
            scanner.shutdown();
            try {
                // Let a file being ingested finish, so it is either fully handled or untouched.
                scanner.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
