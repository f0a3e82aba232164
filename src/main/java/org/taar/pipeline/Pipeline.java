package org.taar.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.taar.config.Config;
import org.taar.dedupe.Duplicates;
import org.taar.enrich.Enricher;
import org.taar.enrich.Enrichment;
import org.taar.format.Attachment;
import org.taar.format.Formats;
import org.taar.item.NewsItem;
import org.taar.format.ParseContext;
import org.taar.format.ParseException;
import org.taar.format.ParseResult;
import org.taar.intake.Archive;
import org.taar.intake.Deliveries;
import org.taar.intake.Delivery;
import org.taar.intake.DeliveryResult;
import org.taar.intake.MediaKinds;
import org.taar.item.Media;
import org.taar.media.MediaWorker;
import org.taar.store.MediaStore;
import org.taar.kill.Kills;
import org.taar.rules.Decision;
import org.taar.rules.RuleEdits;
import org.taar.rules.RuleText;
import org.taar.rules.Rules;
import org.taar.story.Meters;
import org.taar.story.Outcome;
import org.taar.story.OutcomeStatus;
import org.taar.store.AdvisoryStore;
import org.taar.store.FingerprintStore;
import org.taar.store.StoryReads;
import org.taar.store.StoryWrites;
import org.taar.store.WireLog;
import org.taar.normalize.Normalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The path of a story, in the order of DESIGN.md: archive, parse, normalize, enrich, identify,
 * decide, record: the one store write that publishing follows. Every intake (ingest command, drop
 * folder, push API) hands its bytes to {@link #deliver}; nothing else writes stories.
 */
public final class Pipeline implements Deliveries {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final Config config;
    private final Archive archive;
    private final Formats formats;
    private final Normalizer normalizer;
    private final Enricher enricher;
    private final Rules rules;
    private final StoryWrites writes;
    private final Clock clock;
    private final Runnable onChange;
    private final Kills kills;
    private final Identifier identifier;
    private final Recorder recorder;
    private final WireLog wire;
    private final MediaIntake media;
    private final Meters meters;
    // Versions of one story must be applied one at a time; striping keeps unrelated stories parallel.
    private final ReentrantLock[] stripes = new ReentrantLock[64];
    /**
     * Deliveries worked on at once: one per core and one more. More only share the same cores, and
     * each holds a database connection while it waits for the store's one writer: in a burst of
     * pushes on SQLite they held every connection, and the publisher waited for one minutes long
     * (bench/RESULTS.md, "burst"). The rest wait here, in turn, holding nothing.
     */
    private final Semaphore working = new Semaphore(Runtime.getRuntime().availableProcessors() + 1, true);

    public Pipeline(Config config, Archive archive, Formats formats, Normalizer normalizer, Enricher enricher,
                    Rules rules, StoryReads reads, StoryWrites writes, Clock clock, Runnable onChange) {
        this(config, archive, formats, normalizer, enricher, rules, reads, writes, clock, onChange, Meters.NONE);
    }

    /** @param meters told of every delivery and of what each of its items did */
    public Pipeline(Config config, Archive archive, Formats formats, Normalizer normalizer, Enricher enricher,
                    Rules rules, StoryReads reads, StoryWrites writes, Clock clock, Runnable onChange, Meters meters) {
        this.meters = meters;
        this.config = config;
        this.archive = archive;
        this.formats = formats;
        this.normalizer = normalizer;
        this.enricher = enricher;
        this.rules = rules;
        this.writes = writes;
        this.clock = clock;
        this.onChange = onChange;
        this.kills = new Kills(reads, writes, new AdvisoryStore(writes.store()));
        this.identifier = new Identifier(config, reads, new Duplicates(new FingerprintStore(writes.store())));
        this.recorder = new Recorder(writes);
        this.wire = new WireLog(writes.store());
        this.media = new MediaIntake(config, new MediaStore(writes.store()), reads, archive, clock,
                MediaWorker.Settings.defaults());
        for (int i = 0; i < stripes.length; i++) stripes[i] = new ReentrantLock();
    }

    /**
     * Archives the bytes (durably, before anything else happens), then runs every later stage.
     * A delivery that cannot be parsed is still archived, and answers with one rejected outcome.
     * Its attachments (and those a parser finds inside it) are archived too, before anything is
     * acknowledged; after its stories are recorded, the media step links their pictures. Bytes that
     * are themselves a picture, video or audio (a drop-folder file beside its story) are media alone.
     */
    @Override
    public DeliveryResult deliver(String source, String channel, String name, byte[] content, String formatHint,
                                  List<Attachment> attachments) {
        DeliveryResult result = deliverWhole(source, channel, name, content, formatHint, attachments);
        // Counted once the outcomes are known: the source is the caller's (a key's, a folder's, a feed's).
        meters.delivered(source, channel);
        for (Outcome o : result.outcomes()) {
            if (o != null) meters.item(source, o.status());
        }
        return result;
    }

    private DeliveryResult deliverWhole(String source, String channel, String name, byte[] content, String formatHint,
                                        List<Attachment> attachments) {
        if (content.length > config.maxDeliveryBytes()) {
            String why = "too large: " + content.length + " bytes, the limit is " + config.maxDeliveryBytes();
            wire.rejected(source, null, name, null, why, clock.instant());
            return new DeliveryResult(null, List.of(Outcome.rejected(name, why)), List.of());
        }
        working.acquireUninterruptibly();
        try {
            return deliverNow(source, channel, name, content, formatHint, attachments);
        } finally {
            working.release();
        }
    }

    private DeliveryResult deliverNow(String source, String channel, String name, byte[] content, String formatHint,
                                      List<Attachment> attachments) {
        // A feed that answers with a picture is a broken feed, not a picture for its stories.
        Media.Kind alone = formatHint == null && !channel.equals("poll") ? MediaKinds.of(content, name) : null;
        if (alone != null) {
            DeliveryResult r = media.alone(source, channel, name, content, alone);
            onChange.run();
            return r;
        }
        Delivery delivery = archive.store(source, channel, name, content);
        // Every log line from here on, down to each item's, names the archived bytes.
        try (MDC.MDCCloseable sha = MDC.putCloseable("sha256", delivery.sha256())) {
            return deliverArchived(source, channel, name, content, formatHint, attachments, delivery);
        }
    }

    private DeliveryResult deliverArchived(String source, String channel, String name, byte[] content, String formatHint,
                                           List<Attachment> attachments, Delivery delivery) {
        DeliveryParts parts = new DeliveryParts(archive, source, channel);
        attachments.forEach(parts::add);
        // Items are processed as the parser reads them, so a large feed never sits in memory whole;
        // what the media step needs of each (its media, not its text) is kept until the end.
        List<Outcome> outcomes = new ArrayList<>();
        List<MediaIntake.Sent> sent = new ArrayList<>();
        ParseContext ctx = new ParseContext(source, delivery.receivedAt(), parts::add);
        ParseResult parsed;
        try {
            parsed = formats.parse(content, formatHint, ctx, raw -> {
                sent.add(MediaIntake.Sent.of(outcomes.size(), raw));
                // A media or package item sent alone gets its outcome from the media step.
                outcomes.add(MediaIntake.standsAlone(raw) ? null : processOne(source, name, delivery, raw));
            });
        } catch (ParseException e) {
            log.info("delivery rejected source={} name={} sha256={} reason=\"{}\"", source, name, delivery.sha256(),
                    e.getMessage());
            media.register(source, name, parts, sent, outcomes);
            outcomes.add(Outcome.rejected(name, e.getMessage()));
            wire.rejected(source, delivery.id(), name, null, e.getMessage(), clock.instant());
            if (outcomes.size() > 1) onChange.run();
            return new DeliveryResult(delivery, outcomes, List.of());
        }
        media.register(source, name, parts, sent, outcomes);
        if (outcomes.isEmpty()) {
            // A readable delivery with nothing to publish (a concept item, an empty feed) still says why.
            String why = parsed.warnings().isEmpty() ? "no news items in the delivery"
                    : "no news items: " + String.join("; ", parsed.warnings());
            wire.rejected(source, delivery.id(), name, null, why, clock.instant());
            return new DeliveryResult(delivery, List.of(Outcome.rejected(name, why)), parsed.warnings(), true);
        }
        onChange.run();
        return new DeliveryResult(delivery, outcomes, parsed.warnings());
    }

    private Outcome processOne(String source, String name, Delivery delivery, NewsItem raw) {
        try (MDC.MDCCloseable uri = uriOf(raw)) {
            return processPrepared(source, name, delivery, prepare(source, raw));
        }
    }

    /** Puts the story's uri on every log line about it (until closed); an item without one leaves no field. */
    static MDC.MDCCloseable uriOf(NewsItem item) {
        return MDC.putCloseable("uri", item.uri());
    }

    private Outcome processPrepared(String source, String name, Delivery delivery, Prepared p) {
        ReentrantLock lock = stripes[Math.floorMod((source + '\n' + p.item().uri()).hashCode(), stripes.length)];
        lock.lock();
        try {
            return applyWithRetry(source, name, delivery, p);
        } finally {
            lock.unlock();
        }
    }

    /**
     * An item through the stages that need no store: normalized and enriched, and why it must be
     * held if it must; for an import also its fingerprint and what the rules read of it (null:
     * made when needed, on the writing thread).
     */
    record Prepared(NewsItem item, Enrichment enrichment, String holdWhy, Duplicates.Print print,
                    RuleText.Read ruleRead) {
        Prepared with(Duplicates.Print print, RuleText.Read ruleRead) {
            return new Prepared(item, enrichment, holdWhy, print, ruleRead);
        }
    }

    /**
     * As {@link #prepare}, and the fingerprint and rule text as well: an import makes them on every
     * core, where a live delivery makes them only when its version is new.
     */
    Prepared prepareWhole(String source, NewsItem raw) {
        Prepared p = prepare(source, raw);
        return p.with(identifier.duplicates().print(p.item()), RuleText.read(p.item()));
    }

    Prepared prepare(String source, NewsItem raw) {
        NewsItem item = normalizer.normalize(raw);
        // The normalize stage has built a headline from whatever the item had; an item with nothing
        // to build one from (only an id, a date, a picture without caption) is held for an editor
        // under a stand-in headline that says so, never published and never lost.
        String holdWhy = null;
        if (item.headline() == null || item.headline().isBlank()) {
            holdWhy = "no headline, and nothing in the item to build one from; held for an editor to write one";
            NewsItem.Builder b = item.toBuilder();
            b.headline = NO_HEADLINE + " " + (item.link() != null ? item.link() : item.uri());
            item = b.build();
        }
        return new Prepared(item, enricher.enrich(item, config.source(source)), holdWhy, null, null);
    }

    /**
     * The stages that read and write the store, in the caller's transaction (an import's batch), as
     * of {@code at}: an archived story is published when it was, and compared for near-duplicates
     * with the stories of its own week, not with the whole archive imported today.
     */
    Outcome apply(Handle h, String source, String file, Delivery delivery, Prepared p, Instant at) {
        return apply(h, source, file, delivery, p, clock.instant(), at);
    }

    /** The bulk path for `taar import`: these stages, a batch of documents at a time. */
    public Importer importer() {
        return new Importer(this, config, archive, formats, media, writes.store(), clock, onChange);
    }

    /** The stand-in headline of an item held because it came without one. */
    public static final String NO_HEADLINE = "[no headline]";

    // Another process (a `taar ingest` beside the server, another node) may insert the same story
    // between our read and our write; the unique key catches it and the second attempt sees it.
    private Outcome applyWithRetry(String source, String file, Delivery delivery, Prepared p) {
        try {
            return writes.store().jdbi().inTransaction(h -> apply(h, source, file, delivery, p));
        } catch (JdbiException first) {
            log.warn("retrying story write source={} uri={} after: {}", source, p.item().uri(), first.getMessage());
            return writes.store().jdbi().inTransaction(h -> apply(h, source, file, delivery, p));
        }
    }

    // Identify, decide, record: reads first, then the version's one write, all in one transaction.
    private Outcome apply(Handle h, String source, String file, Delivery delivery, Prepared p) {
        Instant now = clock.instant();
        return apply(h, source, file, delivery, p, now, now);
    }

    private Outcome apply(Handle h, String source, String file, Delivery delivery, Prepared p, Instant now,
            Instant storyTime) {
        NewsItem item = p.item();
        Enrichment e = p.enrichment();
        String holdWhy = p.holdWhy();
        Long deliveryId = delivery == null ? null : delivery.id();
        Identified what = identifier.identify(h, source, item, deliveryId, storyTime, p.print());
        if (what instanceof Identified.Kill kill && kill.current().isEmpty()) {
            // Not its own uri: an advisory naming a story by slug or headline, or a kill still to match.
            Optional<Outcome> matched = kills.apply(h, source, file, deliveryId, item, now);
            if (matched.isPresent()) return matched.get();
        }
        Decision d = null;
        if (what instanceof Identified.New || what instanceof Identified.Update) {
            d = rules.decide(h, source, item, e.section(), p.ruleRead());
            if (holdWhy != null && (d.action() == Decision.Action.PUBLISH || d.action() == Decision.Action.EMBARGO)) {
                d = new Decision(Decision.Action.HOLD, "no-headline", holdWhy, null, d.edits());
            }
            item = RuleEdits.item(item, d.edits());
            e = RuleEdits.enrichment(e, d.edits());
        }
        return recorder.record(h, source, file, deliveryId, item, e, what, d, now, storyTime);
    }
}
