package org.taar.pipeline;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.taar.config.Config;
import org.taar.format.Formats;
import org.taar.format.ParseContext;
import org.taar.format.ParseException;
import org.taar.format.WxrParser;
import org.taar.intake.Archive;
import org.taar.intake.Delivery;
import org.taar.intake.ImportInputs.Doc;
import org.taar.item.NewsItem;
import org.taar.story.Outcome;
import org.taar.story.OutcomeStatus;
import org.taar.store.Store;
import org.taar.store.WireLog;

/**
 * The pipeline for an archive: the same stages as a live delivery (archive, parse, normalize,
 * enrich, identify, duplicates, rules, record), a batch of documents at a time. A batch's files
 * are made durable together, its parsing and enrichment run on every core, and all of its stories
 * are written in one transaction, so a batch is in the store whole or not at all. A document whose
 * bytes are already delivered was imported before: it is skipped. That is what makes an import
 * resumable after a crash or a kill: run it again and it continues, nothing doubled.
 */
public final class Importer {
    private static final Logger log = LoggerFactory.getLogger(Importer.class);
    static final String CHANNEL = "import";

    private final Pipeline pipeline;
    private final Config config;
    private final Archive archive;
    private final Formats formats;
    private final MediaIntake media;
    private final Store store;
    private final Clock clock;
    private final Runnable onChange;

    Importer(Pipeline pipeline, Config config, Archive archive, Formats formats, MediaIntake media, Store store,
             Clock clock, Runnable onChange) {
        this.pipeline = pipeline;
        this.config = config;
        this.archive = archive;
        this.formats = formats;
        this.media = media;
        this.store = store;
        this.clock = clock;
        this.onChange = onChange;
    }

    /**
     * A batch read, archived and through the stages that need no store, ready to be written: the
     * command reads the next batch while this one is written ({@link #write}).
     */
    public static final class Batch {
        private final String source;
        private final List<Read> reads;
        private final int skipped;
        final long prepareNanos;

        private Batch(String source, List<Read> reads, int skipped, long prepareNanos) {
            this.source = source;
            this.reads = reads;
            this.skipped = skipped;
            this.prepareNanos = prepareNanos;
        }
    }

    /** What a batch did, and where its time went. */
    public record Result(Map<OutcomeStatus, Integer> outcomes, int skipped, List<String> refused, long prepareNanos,
                         long writeNanos) {
        public int stories() {
            return outcomes.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One document read: its digest, and its items through the stages that need no store (or why it was refused). */
    private record Read(Doc doc, String sha, List<Pipeline.Prepared> items, List<MediaIntake.Sent> sent,
                        String refused, DeliveryParts parts) {}

    public Result importBatch(String source, List<Doc> docs) {
        return write(prepare(source, docs));
    }

    /**
     * Skips what was delivered before, makes the rest durable in the archive, and reads, normalizes
     * and enriches it on every core. Nothing is written to the store yet.
     */
    public Batch prepare(String source, List<Doc> docs) {
        long t0 = System.nanoTime();
        // A document over the size limit was not read whole: it is refused, and neither archived nor marked delivered.
        List<Read> tooLarge = docs.stream().filter(d -> d.tooLarge() > 0).map(d -> new Read(d, null, List.of(), List.of(),
                "too large: " + d.tooLarge() + " bytes, the limit is " + config.maxDeliveryBytes(), null)).toList();
        List<Doc> whole = docs.stream().filter(d -> d.tooLarge() == 0).toList();
        List<String> shas = whole.parallelStream().map(d -> Archive.sha256(d.content())).toList();
        Set<String> before = archive.delivered(shas);
        List<Doc> fresh = new ArrayList<>();
        List<String> freshShas = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (int i = 0; i < whole.size(); i++) {
            if (before.contains(shas.get(i)) || !inBatch.add(shas.get(i))) continue;
            fresh.add(whole.get(i));
            freshShas.add(shas.get(i));
        }
        archive.storeAll(fresh.stream().map(Doc::content).toList(), freshShas);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) order.add(i);
        List<Read> reads = new ArrayList<>(tooLarge);
        reads.addAll(order.parallelStream().map(i -> read(source, fresh.get(i), freshShas.get(i))).toList());
        return new Batch(source, reads, whole.size() - fresh.size(), System.nanoTime() - t0);
    }

    /**
     * Identifies, decides and records a prepared batch in one transaction, then links its pictures.
     * Batches must be written in the order they were prepared, one at a time.
     */
    public Result write(Batch batch) {
        long t0 = System.nanoTime();
        Map<OutcomeStatus, Integer> counts = new EnumMap<>(OutcomeStatus.class);
        List<String> refused = new ArrayList<>();
        List<Read> reads = batch.reads;
        if (reads.isEmpty()) return new Result(counts, batch.skipped, refused, batch.prepareNanos, 0);
        String source = batch.source;
        List<List<Outcome>> outcomes = write(source, reads);
        for (int i = 0; i < reads.size(); i++) {
            Read r = reads.get(i);
            List<Outcome> out = outcomes.get(i);
            if (r.refused() != null) refused.add(r.doc().name() + ": " + r.refused());
            if (r.refused() == null) for (Outcome o : out) if (o != null) counts.merge(o.status(), 1, Integer::sum);
            // Pictures by address (an export's featured image, a feed's media) are linked as a live delivery's are.
            if (r.refused() == null && (r.sent().stream().anyMatch(s -> s.media() != null && !s.media().isEmpty())
                    || !r.parts().isEmpty())) {
                media.register(source, r.doc().name(), r.parts(), r.sent(), new ArrayList<>(out));
            }
        }
        onChange.run();
        return new Result(counts, batch.skipped, refused, batch.prepareNanos, System.nanoTime() - t0);
    }

    // On a worker of the parallel stream: the document's hash is on that thread's lines while it reads it.
    private Read read(String source, Doc doc, String sha) {
        try (MDC.MDCCloseable archived = MDC.putCloseable("sha256", sha)) {
            return readArchived(source, doc, sha);
        }
    }

    private Read readArchived(String source, Doc doc, String sha) {
        DeliveryParts parts = new DeliveryParts(archive, source, CHANNEL);
        List<Pipeline.Prepared> items = new ArrayList<>();
        List<MediaIntake.Sent> sent = new ArrayList<>();
        if (doc.content().length > config.maxDeliveryBytes()) {
            return new Read(doc, sha, items, sent, "too large: " + doc.content().length + " bytes, the limit is "
                    + config.maxDeliveryBytes(), parts);
        }
        try {
            ParseContext ctx = new ParseContext(source, clock.instant(), parts::add);
            var parsed = formats.parse(doc.content(), doc.formatHint(), ctx, raw -> {
                sent.add(MediaIntake.Sent.of(items.size(), raw));
                if (MediaIntake.standsAlone(raw)) {
                    items.add(null);
                    return;
                }
                try (MDC.MDCCloseable uri = Pipeline.uriOf(raw)) {
                    items.add(pipeline.prepareWhole(source, raw));
                }
            });
            if (items.isEmpty()) {
                return new Read(doc, sha, items, sent, parsed.warnings().isEmpty() ? "no news items in the delivery"
                        : "no news items: " + String.join("; ", parsed.warnings()), parts);
            }
        } catch (ParseException e) {
            return new Read(doc, sha, List.of(), List.of(), e.getMessage(), parts);
        } catch (RuntimeException e) {
            // One document that breaks a stage is refused with the reason; the batch goes on.
            log.warn("import document refused source={} name={}: {}", source, doc.name(), e.toString());
            return new Read(doc, sha, List.of(), List.of(), "could not be read: " + e, parts);
        }
        return new Read(doc, sha, items, sent, null, parts);
    }

    // One transaction for the batch; another writer's insert of the same story fails it once, and the retry sees that story.
    private List<List<Outcome>> write(String source, List<Read> reads) {
        try {
            return store.jdbi().inTransaction(h -> writeAll(h, source, reads));
        } catch (JdbiException first) {
            log.warn("retrying an import batch after: {}", first.getMessage());
            return store.jdbi().inTransaction(h -> writeAll(h, source, reads));
        }
    }

    private List<List<Outcome>> writeAll(Handle h, String source, List<Read> reads) {
        List<List<Outcome>> all = new ArrayList<>();
        for (Read r : reads) {
            try (MDC.MDCCloseable archived = MDC.putCloseable("sha256", r.sha())) {
                all.add(writeOne(h, source, r));
            }
        }
        return all;
    }

    private List<Outcome> writeOne(Handle h, String source, Read r) {
        Delivery d = r.sha() == null ? null
                : archive.record(h, r.sha(), source, CHANNEL, r.doc().name(), r.doc().content().length);
        List<Outcome> out = new ArrayList<>();
        if (r.refused() != null) {
            WireLog.withoutStory(h, source, d == null ? null : d.id(), r.doc().name(), null, OutcomeStatus.REJECTED,
                    r.refused(), clock.instant());
            out.add(Outcome.rejected(r.doc().name(), r.refused()));
            return out;
        }
        for (Pipeline.Prepared p : r.items()) {
            if (p == null) {
                out.add(null);
                continue;
            }
            try (MDC.MDCCloseable uri = Pipeline.uriOf(p.item())) {
                out.add(pipeline.apply(h, source, r.doc().name(), d, p, storyTime(p.item())));
                if (WxrParser.NAME.equals(r.doc().formatHint())) formerAddress(h, source, p.item());
            }
        }
        return out;
    }

    /**
     * When an archived story happened: its version's time as the agency or the blog stamped it, else
     * its first; never later than now (a scheduled post waits in its embargo instead).
     */
    private Instant storyTime(NewsItem item) {
        Instant now = clock.instant();
        Instant t = item.versionCreated() != null ? item.versionCreated() : item.firstCreated();
        return t == null || t.isAfter(now) ? now : t;
    }

    /** A WordPress post's permalink path answers 301 to the story's page from now on (site/OnDemand). */
    private void formerAddress(Handle h, String source, NewsItem item) {
        String path = pathOf(item.link());
        if (path == null) return;
        h.createUpdate("""
                        INSERT INTO story_paths (path, story_id, moved_at)
                        SELECT :path, s.id, :at FROM stories s WHERE s.source = :source AND s.uri = :uri
                        ON CONFLICT (path) DO NOTHING""")
                .bind("path", path).bind("at", clock.millis()).bind("source", source).bind("uri", item.uri())
                .execute();
    }

    /** The path of an old permalink, with its query ("/?p=12") as WordPress's plain permalinks have one. */
    static String pathOf(String link) {
        if (link == null) return null;
        try {
            URI u = URI.create(link);
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
