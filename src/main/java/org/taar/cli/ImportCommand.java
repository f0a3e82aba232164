package org.taar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.store.LockObtainFailedException;
import org.taar.intake.ImportInputs;
import org.taar.intake.ImportInputs.Doc;
import org.taar.pipeline.Importer;
import org.taar.search.Indexer;
import org.taar.story.OutcomeStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code taar import}: loads an archive through the pipeline, a batch at a time, with progress on
 * standard error and a summary on standard output. Resumable: documents already delivered are
 * skipped, so running it again after an interruption continues where the store stands.
 */
@Command(name = "import", description = "bulk-import an archive: JSON Lines of ninjs, a folder of files in any format, "
        + "or a WordPress export (WXR); run it again after an interruption and it continues")
public final class ImportCommand implements Callable<Integer> {
    /** Documents per batch: one archive sync and one transaction each; a few MB of copy at most. */
    static final int BATCH_DOCS = 500;
    static final long BATCH_BYTES = 16L * 1024 * 1024;
    /** PostgreSQL's planner statistics are refreshed this often during a long import (see store/Statistics). */
    private static final int STATISTICS_EVERY = 40;

    @Mixin CommonOptions common;
    @Option(names = "--source", defaultValue = "archive", description = "source name the stories are filed under (default ${DEFAULT-VALUE})")
    String source;
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "a .jsonl file, a folder, a WordPress export or any file Taar reads")
    List<Path> paths;

    private final Wiring wiring;

    public ImportCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws IOException {
        common.quietLogs(true);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        var config = common.load();
        List<ImportInputs.Input> inputs = new ArrayList<>();
        for (Path p : paths) inputs.add(ImportInputs.open(p, config.maxDeliveryBytes()));
        Map<OutcomeStatus, Integer> total = new EnumMap<>(OutcomeStatus.class);
        // Added to by the writer thread and, when an input breaks off, by this one.
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        int[] skipped = {0};
        int[] batches = {0};
        long[] nanos = new long[3]; // preparing, writing, indexing
        // One batch is written (and indexed) while the next is read and enriched: the store's single
        // writer and the cores that parse overlap instead of taking turns.
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "import-writer"));
        // The search index follows on a thread of its own: Lucene's analysis is a third of the writing
        // thread's time otherwise (bench/RESULTS.md). One catch-up at a time, each taking all that is new.
        ExecutorService indexing = Executors.newSingleThreadExecutor(r -> new Thread(r, "import-indexer"));
        AtomicBoolean indexQueued = new AtomicBoolean();
        List<Future<?>> indexed = Collections.synchronizedList(new ArrayList<>());
        try (Node node = wiring.open(config)) {
            Importer importer = node.pipeline().importer();
            Indexer indexer = searchIndex(node, err);
            Progress progress = new Progress(err, inputs, System.console() != null);
            List<Doc> batch = new ArrayList<>();
            long[] bytes = {0};
            List<Future<?>> inFlight = new ArrayList<>();
            Runnable flush = () -> {
                if (batch.isEmpty()) return;
                int documents = batch.size();
                Importer.Batch prepared = importer.prepare(source, List.copyOf(batch));
                batch.clear();
                bytes[0] = 0;
                awaitAll(inFlight);
                inFlight.add(writer.submit(() -> {
                    Importer.Result r = importer.write(prepared);
                    r.outcomes().forEach((s, n) -> total.merge(s, n, Integer::sum));
                    skipped[0] += r.skipped();
                    refused.addAll(r.refused());
                    nanos[0] += r.prepareNanos();
                    nanos[1] += r.writeNanos();
                    // The search index follows the store batch by batch, never rebuilt at the end.
                    if (indexer != null && indexQueued.compareAndSet(false, true)) {
                        indexed.add(indexing.submit(() -> {
                            indexQueued.set(false);
                            long t0 = System.nanoTime();
                            indexer.catchUp();
                            nanos[2] += System.nanoTime() - t0;
                        }));
                    }
                    progress.done(documents, r.stories());
                    if (++batches[0] % STATISTICS_EVERY == 0) node.store().refreshStatistics();
                }));
            };
            for (int i = 0; i < inputs.size(); i++) {
                ImportInputs.Input input = inputs.get(i);
                Path path = paths.get(i);
                progress.start(input);
                try {
                    input.each(doc -> {
                        batch.add(doc);
                        bytes[0] += doc.content().length;
                        if (batch.size() >= BATCH_DOCS || bytes[0] >= BATCH_BYTES) flush.run();
                    });
                } catch (IOException e) {
                    // What was read before the fault is imported; the next input goes on.
                    refused.add(path + ": " + e.getMessage());
                }
                flush.run();
                awaitAll(inFlight);
                input.leftOut().forEach((kind, n) -> err.println("import: " + n + " " + kind + " left out: not a published post"));
            }
            awaitAll(indexed);
            if (indexer != null) indexer.catchUp();
            node.store().refreshStatistics();
            progress.finish();
            err.printf("import: time reading, archiving and enriching %.1f s (on every core, beside the writing),"
                    + " writing %.1f s, indexing %.1f s%n", nanos[0] / 1e9, nanos[1] / 1e9, nanos[2] / 1e9);
        } finally {
            writer.shutdownNow();
            indexing.shutdownNow();
        }
        for (String r : refused.subList(0, Math.min(20, refused.size()))) err.println("import: refused " + r);
        if (refused.size() > 20) err.println("import: ... and " + (refused.size() - 20) + " more refused");
        System.out.println(summary(total, skipped[0], refused.size()));
        return refused.isEmpty() ? Exit.OK : Exit.DATAERR;
    }

    /** Waits for the batches being written; a failure in one is this command's failure. */
    private static void awaitAll(List<Future<?>> inFlight) {
        try {
            for (Future<?> f : inFlight) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a batch", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            inFlight.clear();
        }
    }

    private static Indexer searchIndex(Node node, PrintStream err) {
        try {
            Indexer indexer = node.indexer();
            indexer.catchUp();
            return indexer;
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof LockObtainFailedException)) throw e;
            // A server holds the index: it indexes and publishes what the import stores, as it does an ingest's.
            err.println("import: a server is running on this data folder; it indexes and publishes the imported stories");
            return null;
        }
    }

    static String summary(Map<OutcomeStatus, Integer> total, int skipped, int refused) {
        int stories = total.values().stream().mapToInt(Integer::intValue).sum();
        StringJoiner by = new StringJoiner(", ");
        total.forEach((s, n) -> by.add(s.label() + " " + n));
        return "imported " + stories + " stor" + (stories == 1 ? "y" : "ies") + (stories == 0 ? "" : " (" + by + ")")
                + "; " + skipped + " document" + (skipped == 1 ? "" : "s") + " imported before, skipped; "
                + refused + " refused";
    }

    /** A bar with count, rate and time left on a terminal; a plain line every ten seconds otherwise. */
    static final class Progress {
        private static final long LINE_EVERY_NANOS = 10_000_000_000L;
        private final PrintStream err;
        private final boolean terminal;
        private final long totalBytes;
        private final long began = System.nanoTime();
        private final List<ImportInputs.Input> inputs;
        private ImportInputs.Input current;
        private long doneBytes;
        private long docs;
        private long stories;
        private long lastLine = System.nanoTime();

        Progress(PrintStream err, List<ImportInputs.Input> inputs, boolean terminal) {
            this.err = err;
            this.inputs = inputs;
            this.terminal = terminal;
            long t = 0;
            for (ImportInputs.Input i : inputs) t += i.size();
            this.totalBytes = t;
        }

        void start(ImportInputs.Input input) {
            if (current != null) doneBytes += current.size();
            current = input;
            err.println("import: reading a " + input.kind() + " (" + mb(input.size()) + ")");
        }

        void done(int documents, int newStories) {
            docs += documents;
            stories += newStories;
            long now = System.nanoTime();
            if (terminal) {
                err.print("\r" + line(now) + "   ");
            } else if (now - lastLine >= LINE_EVERY_NANOS) {
                err.println(line(now));
                lastLine = now;
            }
        }

        void finish() {
            if (terminal) err.println();
            err.println(line(System.nanoTime()));
        }

        private String line(long now) {
            double seconds = Math.max(1e-3, (now - began) / 1e9);
            long read = doneBytes + (current == null ? 0 : current.read());
            double fraction = totalBytes == 0 ? 1 : Math.min(1, (double) read / totalBytes);
            double rate = stories / seconds;
            String left = fraction <= 0 || fraction >= 1 ? "" : ", " + duration(seconds / fraction - seconds) + " left";
            String bar = "";
            if (terminal) {
                int filled = (int) Math.round(fraction * 30);
                bar = "[" + "#".repeat(filled) + " ".repeat(30 - filled) + "] ";
            }
            return String.format("import: %s%d%% %d documents, %d stories, %.0f stories/s%s", bar,
                    Math.round(fraction * 100), docs, stories, rate, left);
        }

        private static String mb(long bytes) {
            return String.format("%.1f MB", bytes / 1e6);
        }

        private static String duration(double seconds) {
            long s = Math.round(seconds);
            return s >= 3600 ? (s / 3600) + " h " + (s % 3600 / 60) + " min" : s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : s + " s";
        }
    }
}
