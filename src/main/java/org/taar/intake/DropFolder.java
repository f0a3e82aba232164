package org.taar.intake;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.store.StoreOutage;


/**
 * DATA/inbox/SOURCE/: a file written there is ingested for SOURCE. A file counts as complete
 * when two scans in a row see the same size, modification time and inode; names beginning with
 * "." or ending in .tmp or .part are left alone until renamed.
 * <p>
 * Whoever can write into an inbox folder (an agency's SFTP login) is not trusted with anything
 * else: nothing there is followed. A source folder or file that is a symbolic link, anything that
 * is not a regular file (FIFO, socket, device) and a file with a second hard link are left where
 * they are, with one log line each. A complete file is first moved (renamed, which never follows
 * a link) into DATA/claimed/SOURCE/, a folder only Taar writes to, and checked and read there, so
 * nothing can be swapped in between check and read. After ingest it is removed (its bytes are in
 * the archive); a file that cannot be ingested goes to DATA/failed/SOURCE/ beside a .error file.
 * One source's problem never stops the scan of other files or sources.
 * <p>
 * A picture, video or audio file (by its bytes; the extension is a hint) belongs to the story file
 * of the same base name, whichever arrives first. It is delivered at once on its own (archived,
 * kept as media, and joined to the stories of that story file if it came within the hour before),
 * then waits in DATA/waiting/SOURCE/ for {@link #WAIT} (see WaitingMedia), and every story file of
 * its name in that time is delivered with it as an attachment. Story files are taken before media
 * files in a scan, so a pair that arrives together is delivered story first, picture joined.
 */
public final class DropFolder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DropFolder.class);
    private final StoreOutage outage = new StoreOutage(log, "drop folder");
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** How long a media file waits for its story file. */
    public static final Duration WAIT = Duration.ofMinutes(10);

    private final Path inbox;
    private final ClaimedFiles claims;
    private final FailedFiles failed;
    private final WaitingMedia waiting;
    private final Deliveries pipeline;
    private final long maxBytes;
    private final Map<Path, String> lastSeen = new HashMap<>();
    /** The problem last logged for a path, so that each is logged once, not on every scan. */
    private final Map<Path, String> warned = new HashMap<>();
    private ScheduledExecutorService scanner;

    /** @param inbox DATA/inbox; claimed/ and failed/ are its siblings in DATA */
    public DropFolder(Path inbox, Deliveries pipeline, long maxBytes, Clock clock) {
        this(inbox, pipeline, maxBytes, clock, WAIT);
    }

    /** @param wait how long a media file waits for its story file (tests shorten it) */
    public DropFolder(Path inbox, Deliveries pipeline, long maxBytes, Clock clock, Duration wait) {
        this(inbox, ClaimedFiles.alone(inbox), pipeline, maxBytes, clock, wait);
    }

    /**
     * An inbox that several nodes read: each claims files into {@code claimed/NODE/} beside it, and
     * takes over the files of nodes that are gone.
     *
     * @param gone true for a node name that no longer runs
     */
    public static DropFolder shared(Path inbox, String node, Predicate<String> gone, Deliveries pipeline, long maxBytes,
                                    Clock clock) {
        return new DropFolder(inbox, ClaimedFiles.shared(inbox, node, gone), pipeline, maxBytes, clock, WAIT);
    }

    private DropFolder(Path inbox, ClaimedFiles claims, Deliveries pipeline, long maxBytes, Clock clock, Duration wait) {
        this.inbox = inbox;
        this.claims = claims;
        this.failed = new FailedFiles(inbox.resolveSibling("failed"), clock);
        this.waiting = new WaitingMedia(inbox.resolveSibling("waiting"), clock, wait, maxBytes);
        this.pipeline = pipeline;
        this.maxBytes = maxBytes;
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
            outage.worked();
        } catch (RuntimeException e) {
            outage.failed(e);
        } catch (IOException e) {
            log.error("drop folder scan failed, will retry: {}", e.toString(), e);
        }
    }

    /** One pass over every source folder; returns how many files it ingested or failed. */
    public synchronized int scan() throws IOException {
        if (!Files.isDirectory(inbox)) return 0;
        Set<Path> present = new HashSet<>();
        Set<Path> problems = new HashSet<>();
        // Files claimed by a run that stopped before ingesting them come first.
        int handled = resumeClaimed(problems);
        Path realInbox = inbox.toRealPath();
        try (DirectoryStream<Path> sources = Files.newDirectoryStream(inbox)) {
            for (Path dir : sources) {
                String source = dir.getFileName().toString();
                if (!SOURCE_NAME.matcher(source).matches()) continue;
                try {
                    BasicFileAttributes a = InboxFile.attributes(dir);
                    if (a.isSymbolicLink()) {
                        warnOnce(problems, dir, "left alone: the source folder is a symbolic link");
                    } else if (a.isDirectory()) {
                        if (!realInbox.equals(dir.toRealPath().getParent())) {
                            warnOnce(problems, dir, "left alone: the source folder resolves outside the inbox");
                        } else {
                            handled += scanSource(source, dir, present, problems);
                        }
                    }
                    // Anything else beside the source folders is not a delivery.
                } catch (IOException | RuntimeException e) {
                    warnOnce(problems, dir, "cannot scan the source folder: " + e);
                }
            }
        }
        lastSeen.keySet().retainAll(present);
        warned.keySet().retainAll(problems);
        waiting.expire();
        return handled;
    }

    private int scanSource(String source, Path dir, Set<Path> present, Set<Path> problems) throws IOException {
        int handled = 0;
        List<Path> ready = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (ignored(file.getFileName().toString())) continue;
                try {
                    BasicFileAttributes a = InboxFile.attributes(file);
                    if (a.isDirectory()) continue; // sub-folders (an old failed/, say) hold no deliveries
                    String why = InboxFile.whyRefused(file, a);
                    if (why != null) {
                        warnOnce(problems, file, "left alone: it is " + why);
                        continue;
                    }
                    present.add(file);
                    if (complete(file, a)) ready.add(file);
                } catch (IOException | RuntimeException e) {
                    present.add(file);
                    warnOnce(problems, file, "cannot take it, will retry: " + e);
                }
            }
        }
        // Story files first, so that a story and its picture that arrive together go out as a pair.
        ready.sort(Comparator.comparing((Path f) -> MediaKinds.looksLikeMedia(f.getFileName().toString()))
                .thenComparing(f -> f.getFileName().toString()));
        for (Path file : ready) {
            try {
                lastSeen.remove(file);
                if (take(source, file)) handled++;
            } catch (IOException | RuntimeException e) {
                warnOnce(problems, file, "cannot take it, will retry: " + e);
            }
        }
        return handled;
    }

    static boolean ignored(String name) {
        return name.startsWith(".") || name.endsWith(".tmp") || name.endsWith(".part") || name.endsWith(".error");
    }

    private boolean complete(Path file, BasicFileAttributes a) {
        String seen = a.size() + "/" + a.lastModifiedTime().toMillis() + "/" + a.fileKey();
        return seen.equals(lastSeen.put(file, seen));
    }

    /** Claims the file and ingests it; false when another node of a shared inbox took it first. */
    private boolean take(String source, Path file) throws IOException {
        Path dir = Files.createDirectories(claims.mine.resolve(source));
        Path target = dir.resolve(file.getFileName());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("an earlier file of the same name is still waiting in " + dir);
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException takenByAnotherNode) {
            // A shared inbox: another node's rename won, and that node ingests it.
            log.debug("drop folder: {} was taken by another node", file);
            return false;
        } catch (AtomicMoveNotSupportedException otherDisk) {
            if (claims.shared()) {
                // Read in place, a file of a shared inbox could be ingested by two nodes.
                throw new IOException("the claimed folder " + dir + " must be on the inbox's file system", otherDisk);
            }
            // An inbox mounted from another file system cannot be renamed out of; it is read in
            // place, still without following links (only a FIFO swapped in at this very moment
            // could then make the open wait).
            ingest(source, file);
            return true;
        }
        ingest(source, target);
        return true;
    }

    private int resumeClaimed(Set<Path> problems) throws IOException {
        claims.adoptFromGoneNodes();
        if (!Files.isDirectory(claims.mine, LinkOption.NOFOLLOW_LINKS)) return 0;
        int handled = 0;
        try (DirectoryStream<Path> sources = Files.newDirectoryStream(claims.mine)) {
            for (Path dir : sources) {
                String source = dir.getFileName().toString();
                if (!SOURCE_NAME.matcher(source).matches() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) continue;
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path file : files) {
                        try {
                            ingest(source, file);
                            handled++;
                        } catch (IOException | RuntimeException e) {
                            warnOnce(problems, file, "cannot ingest it, will retry: " + e);
                        }
                    }
                }
            }
        }
        return handled;
    }

    /** The file is in Taar's own folder now (or, see take, in place); checked again before it is read. */
    private void ingest(String source, Path file) throws IOException {
        String name = file.getFileName().toString();
        BasicFileAttributes a = InboxFile.attributes(file);
        String why = InboxFile.whyRefused(file, a);
        if (why != null) {
            fail(source, file, "refused: it is " + why);
            return;
        }
        if (a.size() > maxBytes) {
            fail(source, file, "too large: " + a.size() + " bytes, the limit is " + maxBytes);
            return;
        }
        byte[] content = InboxFile.read(file, maxBytes);
        if (content.length > maxBytes) {
            fail(source, file, "too large: more than " + maxBytes + " bytes");
            return;
        }
        if (MediaKinds.of(content, name) != null) {
            media(source, file, name, content);
            return;
        }
        DeliveryResult result = pipeline.deliver(source, "drop", name, content, null, waiting.companions(source, name));
        if (result.rejected()) {
            fail(source, file, result.error());
            return;
        }
        // The archive holds the bytes durably now, so this copy can go.
        Files.delete(file);
        log.info("drop folder ingested source={} file={} items={}", source, name, result.outcomes().size());
    }

    /** A picture, video or audio: delivered on its own now, then waiting for a story file of its name. */
    private void media(String source, Path file, String name, byte[] content) throws IOException {
        DeliveryResult result = pipeline.deliver(source, "drop", name, content, null);
        if (result.rejected()) {
            fail(source, file, result.error());
            return;
        }
        // Archived and kept as media now; a crash before this move delivers it again, which changes nothing.
        waiting.keep(source, file);
        log.info("drop folder ingested source={} file={} as media: {}", source, name,
                result.outcomes().isEmpty() ? "" : result.outcomes().get(0).reason());
    }

    private void fail(String source, Path file, String reason) throws IOException {
        Path target = failed.keep(source, file, reason);
        log.warn("drop folder rejected source={} file={} reason=\"{}\"", source, target, reason);
    }

    private void warnOnce(Set<Path> problems, Path path, String problem) {
        problems.add(path);
        if (!problem.equals(warned.put(path, problem))) {
            log.warn("drop folder: {}: {}", path, problem);
        }
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
