package org.taar.pipeline;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.taar.config.Config;
import org.taar.dedupe.Duplicates;
import org.taar.enrich.Enricher;
import org.taar.enrich.Enrichment;
import org.taar.format.Formats;
import org.taar.item.NewsItem;
import org.taar.format.ParseContext;
import org.taar.format.ParseException;
import org.taar.format.ParseResult;
import org.taar.intake.Archive;
import org.taar.intake.Deliveries;
import org.taar.intake.Delivery;
import org.taar.intake.DeliveryResult;
import org.taar.kill.Kills;
import org.taar.rules.Decision;
import org.taar.rules.RuleEdits;
import org.taar.rules.Rules;
import org.taar.story.Outcome;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Versions;
import org.taar.store.AdvisoryStore;
import org.taar.store.StoryHistory;
import org.taar.store.FingerprintStore;
import org.taar.store.StoryStore;
import org.taar.normalize.Normalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of a story, in the order of DESIGN.md: archive, parse, normalize, enrich, identify,
 * decide, and the store write that publishing follows. Every intake (ingest command, drop
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
    private final StoryStore stories;
    private final Clock clock;
    private final Runnable onChange;
    private final Kills kills;
    private final Duplicates duplicates;
    // Versions of one story must be applied one at a time; striping keeps unrelated stories parallel.
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    public Pipeline(Config config, Archive archive, Formats formats, Normalizer normalizer, Enricher enricher,
                    Rules rules, StoryStore stories, Clock clock, Runnable onChange) {
        this.config = config;
        this.archive = archive;
        this.formats = formats;
        this.normalizer = normalizer;
        this.enricher = enricher;
        this.rules = rules;
        this.stories = stories;
        this.clock = clock;
        this.onChange = onChange;
        this.kills = new Kills(stories, new AdvisoryStore(stories.store()));
        this.duplicates = new Duplicates(new FingerprintStore(stories.store()));
        for (int i = 0; i < stripes.length; i++) stripes[i] = new ReentrantLock();
    }

    /**
     * Archives the bytes (durably, before anything else happens), then runs every later stage.
     * A delivery that cannot be parsed is still archived, and answers with one rejected outcome.
     */
    @Override
    public DeliveryResult deliver(String source, String channel, String name, byte[] content, String formatHint) {
        if (content.length > config.maxDeliveryBytes()) {
            return new DeliveryResult(null, List.of(Outcome.rejected(name, "too large: " + content.length
                    + " bytes, the limit is " + config.maxDeliveryBytes())), List.of());
        }
        Delivery delivery = archive.store(source, channel, name, content);
        // Items are processed as the parser reads them, so a large feed never sits in memory whole.
        List<Outcome> outcomes = new ArrayList<>();
        ParseResult parsed;
        try {
            parsed = formats.parse(content, formatHint, new ParseContext(source, delivery.receivedAt()),
                    raw -> outcomes.add(processOne(source, name, delivery, raw)));
        } catch (ParseException e) {
            log.info("delivery rejected source={} name={} sha256={} reason=\"{}\"", source, name, delivery.sha256(),
                    e.getMessage());
            outcomes.add(Outcome.rejected(name, e.getMessage()));
            if (outcomes.size() > 1) onChange.run();
            return new DeliveryResult(delivery, outcomes, List.of());
        }
        if (outcomes.isEmpty()) {
            // A readable delivery with nothing to publish (a concept item, an empty feed) still says why.
            String why = parsed.warnings().isEmpty() ? "no news items in the delivery"
                    : "no news items: " + String.join("; ", parsed.warnings());
            return new DeliveryResult(delivery, List.of(Outcome.rejected(name, why)), parsed.warnings(), true);
        }
        onChange.run();
        return new DeliveryResult(delivery, outcomes, parsed.warnings());
    }

    private Outcome processOne(String source, String name, Delivery delivery, NewsItem raw) {
        // An advisory sent as an ordinary item (a Hindi "इस खबर को न चलाएं") is a kill, whatever its format.
        NewsItem item = Kills.asKill(normalizer.normalize(raw));
        // A headline made only of invisible characters is empty once cleaned: nothing to publish.
        if (item.headline() == null || item.headline().isBlank()) {
            return new Outcome(name, item.uri(), item.version(), "rejected", null, "no headline after normalization");
        }
        return process(source, name, delivery, item);
    }

    private Outcome process(String source, String file, Delivery delivery, NewsItem item) {
        Config.Source src = config.source(source);
        Enrichment enrichment = enricher.enrich(item, src);
        ReentrantLock lock = stripes[Math.floorMod((source + '\n' + item.uri()).hashCode(), stripes.length)];
        lock.lock();
        try {
            return applyWithRetry(source, file, delivery, item, enrichment);
        } finally {
            lock.unlock();
        }
    }

    // Another process (a `taar ingest` beside the server, another node) may insert the same story
    // between our read and our write; the unique key catches it and the second attempt sees it.
    private Outcome applyWithRetry(String source, String file, Delivery delivery, NewsItem item, Enrichment e) {
        try {
            return stories.store().jdbi().inTransaction(h -> apply(h, source, file, delivery, item, e));
        } catch (JdbiException first) {
            log.warn("retrying story write source={} uri={} after: {}", source, item.uri(), first.getMessage());
            return stories.store().jdbi().inTransaction(h -> apply(h, source, file, delivery, item, e));
        }
    }

    private Outcome apply(Handle h, String source, String file, Delivery delivery, NewsItem item, Enrichment e) {
        Instant now = clock.instant();
        Optional<Story> current = stories.find(h, source, item.uri());
        Long deliveryId = delivery == null ? null : delivery.id();
        Versions.Change change = Versions.classify(current, item);
        switch (change) {
            case STALE -> {
                Story s = current.orElseThrow();
                if (deliveryId != null && stories.versionSeen(h, s.id(), item.version(), deliveryId)) {
                    return outcome(file, item, "duplicate", s, "this delivery was received before");
                }
                String reason = "version " + item.version() + " is not newer than the stored version " + s.version();
                stories.addVersion(h, s.id(), item, deliveryId, "duplicate", reason, now);
                return outcome(file, item, "duplicate", s, reason);
            }
            case AFTER_KILL -> {
                Story s = current.orElseThrow();
                String reason = "the story was killed; later versions are kept but never published";
                stories.addVersion(h, s.id(), item, deliveryId, "killed", reason, now);
                return outcome(file, item, "killed", s, reason);
            }
            case KILL -> {
                if (current.isEmpty()) {
                    // Not its own uri: an advisory naming a story by slug or headline, or a kill still to match.
                    Optional<Outcome> matched = kills.apply(h, source, file, deliveryId, item, now);
                    if (matched.isPresent()) return matched.get();
                }
                String reason = Kills.reason(item);
                long id;
                if (current.isPresent()) {
                    id = current.get().id();
                    stories.kill(h, id, reason);
                } else {
                    // A kill for a story never seen: keep a killed row so a late first version stays down.
                    id = stories.insert(h, source, item, Status.KILLED, reason, e.section(), e.slug(), now, null, null);
                }
                stories.addVersion(h, id, item, deliveryId, "killed", reason, now);
                stories.appendEvent(h, id, "killed", now);
                stories.audit(h, id, "killed", "agency:" + source, reason, now);
                log.info("story killed id={} source={} uri={}", id, source, item.uri());
                return new Outcome(file, item.uri(), item.version(), "killed",
                        Story.path(current.map(Story::section).orElse(e.section()),
                                current.map(Story::slug).orElse(e.slug()), id), reason);
            }
            default -> {
                if (change == Versions.Change.NEWER && current.orElseThrow().status() == Status.DUPLICATE) {
                    return stayDuplicate(h, file, deliveryId, item, current.get(), now);
                }
                String agency = item.agency() != null ? item.agency() : config.source(source).agency();
                Duplicates.Check dup = change == Versions.Change.NEW ? duplicates.check(h, source, agency, item, now) : null;
                if (dup != null && dup.match().isPresent() && !config.source(source).publishDuplicates()) {
                    return storeDuplicate(h, source, file, deliveryId, item, e, dup.match().get(), now);
                }
                Decision d = rules.decide(h, source, item, e.section());
                item = RuleEdits.item(item, d.edits());
                e = RuleEdits.enrichment(e, d.edits());
                Status status = switch (d.action()) {
                    case PUBLISH -> Status.PUBLISHED;
                    // A discarded story is kept like a held one, so no listing, feed or search shows it.
                    case HOLD, DISCARD -> Status.HELD;
                    case EMBARGO -> Status.EMBARGOED;
                };
                String reason = d.reason() == null ? "rule " + d.rule() : d.reason() + " (rule " + d.rule() + ")";
                long id;
                String label;
                if (change == Versions.Change.NEW) {
                    Instant published = status == Status.PUBLISHED ? now : null;
                    id = stories.insert(h, source, item, status, reason, e.section(), e.slug(), now, published,
                            d.embargoUntil());
                    label = status.label();
                    if (dup.match().isPresent()) {
                        duplicates.link(h, id, dup.match().get(), now);
                        stories.appendEvent(h, dup.match().get().originalId(), "reported", now);
                    } else {
                        duplicates.remember(h, id, source, agency, dup, now);
                    }
                } else {
                    Story s = current.orElseThrow();
                    id = s.id();
                    boolean wasPublished = s.publishedAt() != null;
                    Instant published = s.publishedAt() != null ? s.publishedAt()
                            : status == Status.PUBLISHED ? now : null;
                    Instant updated = wasPublished && status == Status.PUBLISHED ? now : s.updatedAt();
                    stories.update(h, id, item, status, reason, s.section(), published, updated, d.embargoUntil());
                    label = status == Status.PUBLISHED && wasPublished ? "updated" : status.label();
                    // A changed headline moves the story to its new slug; the old address answers 301.
                    if (!s.slug().equals(e.slug())) StoryHistory.move(h, s, e.slug(), now);
                }
                stories.setTags(h, id, e.tags());
                if (item.correction()) {
                    StoryHistory.corrected(h, id, now);
                    stories.audit(h, id, "corrected", "agency:" + source, "version " + item.version()
                            + " is marked as a correction", now);
                }
                stories.addVersion(h, id, item, deliveryId, label, reason, now);
                stories.appendEvent(h, id, label, now);
                if (change == Versions.Change.NEW || statusOf(current) != status) {
                    stories.audit(h, id, label, "rule:" + d.rule(), reason, now);
                }
                // The section is fixed at first sight (a classifier's second opinion must not move a
                // story between listings); the slug follows the headline of the newest version.
                String section = current.map(Story::section).orElse(e.section());
                String slug = e.slug();
                log.info("story {} id={} source={} uri={} version={}", label, id, source, item.uri(), item.version());
                return new Outcome(file, item.uri(), item.version(), label, Story.path(section, slug, id), reason);
            }
        }
    }

    /**
     * A copy of an earlier story (Duplicates): stored, linked to the first story and not published;
     * the first story gets an event so its page is rendered again with "also reported by".
     */
    private Outcome storeDuplicate(Handle h, String source, String file, Long deliveryId, NewsItem item, Enrichment e,
                                   Duplicates.Match match, Instant now) {
        String reason = match.reason();
        long id = stories.insert(h, source, item, Status.DUPLICATE, reason, e.section(), e.slug(), now, null, null);
        stories.setTags(h, id, e.tags());
        stories.addVersion(h, id, item, deliveryId, "duplicate", reason, now);
        duplicates.link(h, id, match, now);
        stories.audit(h, id, "duplicate", "rule:duplicate", reason, now);
        stories.appendEvent(h, match.originalId(), "reported", now);
        log.info("story duplicate id={} of={} kind={} similarity={} source={} uri={}", id, match.originalId(),
                match.kind(), match.similarity(), source, item.uri());
        // The reader finds the story at the first one's address.
        String url = duplicates.pathOf(h, match.originalId()).orElse(null);
        return new Outcome(file, item.uri(), item.version(), "duplicate", url, reason);
    }

    // A later version of a duplicate is still the same copy: recorded, never published.
    private Outcome stayDuplicate(Handle h, String file, Long deliveryId, NewsItem item, Story s, Instant now) {
        String reason = s.reason();
        stories.update(h, s.id(), item, Status.DUPLICATE, reason, s.section(), null, null, null);
        stories.addVersion(h, s.id(), item, deliveryId, "duplicate", reason, now);
        return new Outcome(file, item.uri(), item.version(), "duplicate", s.path(), reason);
    }

    private static Status statusOf(Optional<Story> current) {
        return current.map(Story::status).orElse(null);
    }

    private static Outcome outcome(String file, NewsItem item, String status, Story s, String reason) {
        return new Outcome(file, item.uri(), item.version(), status, s.path(), reason);
    }
}
