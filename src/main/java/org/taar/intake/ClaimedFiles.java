package org.taar.intake;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a drop folder's files wait between being taken from the inbox and being ingested: a folder
 * only Taar writes to, per source. With the inbox in the data folder that is DATA/claimed/SOURCE/.
 * With an inbox several nodes share, each node has its own, {@code claimed/NODE/SOURCE/} beside the
 * inbox (on the same file system, so that taking a file is one rename, which exactly one node wins);
 * the files a node had taken when it stopped or died are adopted by a live node, by the same kind of
 * rename, once the store says that node is gone.
 */
final class ClaimedFiles {
    private static final Logger log = LoggerFactory.getLogger(ClaimedFiles.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

    /** This node's folder of claimed files, one folder per source inside. */
    final Path mine;
    /** The folder of every node's claim folder, or null when the inbox is this node's alone. */
    private final Path nodes;
    private final String node;
    private final Predicate<String> gone;

    /** The inbox is this node's alone: DATA/claimed/. */
    static ClaimedFiles alone(Path inbox) {
        return new ClaimedFiles(inbox.resolveSibling("claimed"), null, null, name -> false);
    }

    /**
     * The inbox is shared: {@code claimed/NODE/} beside it.
     *
     * @param gone true for a node name that no longer runs (stopped, or not seen for a while)
     */
    static ClaimedFiles shared(Path inbox, String node, Predicate<String> gone) {
        Path nodes = inbox.resolveSibling("claimed");
        return new ClaimedFiles(nodes.resolve(node), nodes, node, gone);
    }

    private ClaimedFiles(Path mine, Path nodes, String node, Predicate<String> gone) {
        this.mine = mine;
        this.nodes = nodes;
        this.node = node;
        this.gone = gone;
    }

    /** True when several nodes read the inbox. */
    boolean shared() {
        return nodes != null;
    }

    /**
     * Moves the files that nodes which are gone had claimed into this node's folder, to be ingested
     * with this node's own; returns how many it moved. A file another live node adopted first is
     * simply not there any more.
     */
    int adoptFromGoneNodes() throws IOException {
        if (nodes == null || !Files.isDirectory(nodes, LinkOption.NOFOLLOW_LINKS)) return 0;
        int adopted = 0;
        try (DirectoryStream<Path> all = Files.newDirectoryStream(nodes)) {
            for (Path other : all) {
                String name = other.getFileName().toString();
                if (name.equals(node) || !NAME.matcher(name).matches()
                        || !Files.isDirectory(other, LinkOption.NOFOLLOW_LINKS) || !gone.test(name)) {
                    continue;
                }
                int moved = adopt(other);
                if (moved > 0) log.info("drop folder: took over {} file(s) claimed by node {}, which is gone", moved, name);
                adopted += moved;
            }
        }
        return adopted;
    }

    private int adopt(Path other) throws IOException {
        int moved = 0;
        try (DirectoryStream<Path> sources = Files.newDirectoryStream(other)) {
            for (Path dir : sources) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) continue;
                Path target = Files.createDirectories(mine.resolve(dir.getFileName().toString()));
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path file : files) {
                        Path to = target.resolve(file.getFileName());
                        // A rename replaces what is at its target: one of that name waiting here stays first.
                        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) continue;
                        try {
                            Files.move(file, to, StandardCopyOption.ATOMIC_MOVE);
                            moved++;
                        } catch (NoSuchFileException | FileAlreadyExistsException taken) {
                            // Another node adopted it first, or one of that name waits here already.
                        }
                    }
                }
            }
        }
        return moved;
    }
}
