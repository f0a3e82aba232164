package org.taar.pipeline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.intake.Archive;
import org.taar.intake.Delivery;
import org.taar.intake.DeliveryResult;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;
import org.taar.item.Rendition;
import org.taar.media.MediaWorker;
import org.taar.store.MediaStore;
import org.taar.store.StoryReads;
import org.taar.story.Outcome;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;

/**
 * The media step, after a delivery's stories are recorded: each item's pictures, video and audio
 * become media rows (pending, to be read by media/MediaWorker; unlicensed where the source may not
 * publish pictures) and the story's links to them, in order. A picture, video or audio item sent
 * alone is a media row only; a package gives its text story its pictures, now or when the story
 * comes. Nothing here reads or fetches the bytes, so a bad picture can never delay its story.
 */
final class MediaIntake {
    private static final Logger log = LoggerFactory.getLogger(MediaIntake.class);
    /** A drop-folder picture arriving after its story file joins that file's stories only within this time. */
    static final Duration LATE_PICTURE_WINDOW = Duration.ofHours(1);
    private static final int RECENT_DELIVERIES = 200;

    private final Config config;
    private final MediaStore media;
    private final StoryReads reads;
    private final Archive archive;
    private final Clock clock;
    private final MediaWorker.Settings limits;

    MediaIntake(Config config, MediaStore media, StoryReads reads, Archive archive, Clock clock,
                MediaWorker.Settings limits) {
        this.config = config;
        this.media = media;
        this.reads = reads;
        this.archive = archive;
        this.clock = clock;
        this.limits = limits;
    }

    /** What one item of a delivery said of media, kept (without its text) while the delivery is read. */
    record Sent(int index, String type, String uri, int version, PubStatus pubstatus, List<Media> media) {
        static Sent of(int index, NewsItem item) {
            return new Sent(index, item.type(), item.uri(), item.version(), item.pubstatus(), item.media());
        }

        /** A picture, video or audio item sent alone: a media row, no story. */
        boolean mediaItem() {
            String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
            return t.equals("picture") || t.equals("video") || t.equals("audio") || t.equals("graphic");
        }

        /** A package sent alone: its uri is its main text's, its media that story's pictures. */
        boolean packageItem() {
            return "package".equalsIgnoreCase(type);
        }
    }

    /** Whether an item goes to the media step alone, without becoming a story. */
    static boolean standsAlone(NewsItem item) {
        Sent s = Sent.of(0, item);
        return s.mediaItem() || s.packageItem();
    }

    /**
     * Registers the media of a delivery's items: {@code outcomes} holds each story item's outcome
     * at its index and null where a media or package item waits for the one this step gives it.
     */
    void register(String source, String file, DeliveryParts parts, List<Sent> sent, List<Outcome> outcomes) {
        List<DeliveryParts.Part> unnamed = parts.unnamed(sent);
        for (Sent s : sent) {
            if (s.mediaItem()) {
                outcomes.set(s.index(), transaction(h -> mediaItem(h, source, file, s, parts)));
            } else if (s.packageItem()) {
                outcomes.set(s.index(), transaction(h -> packageItem(h, source, file, s, parts)));
            } else {
                Outcome o = outcomes.get(s.index());
                if (o == null || o.isRejected() || o.uri() == null || o.version() == null) continue;
                // Most feed items carry no media and had none: a read, and no write transaction, settles them.
                if (s.media().isEmpty() && unnamed.isEmpty() && !media.anyFor(source, o.uri())) continue;
                inTransaction(h -> storyItem(h, source, o, s, parts, unnamed));
            }
        }
    }

    /**
     * Bytes that are themselves a picture, video or audio, delivered without a story (a drop-folder
     * file, a pushed picture): archived, kept as a media row, and joined to the stories of the
     * latest story file of the same base name from the same source and channel, if there is one.
     */
    DeliveryResult alone(String source, String channel, String name, byte[] content, Media.Kind kind) {
        Delivery d = archive.store(source, channel, name, content);
        DeliveryParts.Part part = new DeliveryParts.Part(name, d.sha256(), null, kind);
        Outcome o = transaction(h -> {
            long id = attachment(h, source, part);
            Instant now = clock.instant();
            List<Story> stories = latestStoriesOf(h, source, channel, name, now);
            for (Story st : stories) {
                List<Long> ids = new ArrayList<>(media.links(h, st.id()));
                ids.add(id);
                media.link(h, st.id(), ids, now);
            }
            String reason = stories.isEmpty() && !pairsByName(channel) ? "kept as a " + kind.label() + " on its own"
                    : stories.isEmpty()
                    ? "no story file named " + base(name) + ".* yet; kept as a " + kind.label() + " on its own"
                    : "joined to " + stories.size() + " stor" + (stories.size() == 1 ? "y" : "ies") + " of the same name";
            return new Outcome(name, uri(part), 1, OutcomeStatus.MEDIA,
                    stories.isEmpty() ? null : stories.get(0).path(), reason);
        });
        log.info("media delivered alone source={} name={} sha256={} {}", source, name, d.sha256(), o.reason());
        return new DeliveryResult(d, List.of(o), List.of());
    }

    private void storyItem(Handle h, String source, Outcome o, Sent s, DeliveryParts parts,
                           List<DeliveryParts.Part> unnamed) {
        Optional<Story> found = reads.find(h, source, o.uri());
        // Only the story's current version sets its media: an older one, a kill, a duplicate change nothing.
        if (found.isEmpty() || found.get().version() != o.version() || !shows(found.get().status())) return;
        Story st = found.get();
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        for (Media m : s.media()) ids.add(resolve(h, source, m, parts, now));
        for (DeliveryParts.Part p : unnamed) ids.add(attachment(h, source, p));
        ids.addAll(media.packaged(h, source, st.uri()));
        media.link(h, st.id(), ids, now);
    }

    private Outcome mediaItem(Handle h, String source, String file, Sent s, DeliveryParts parts) {
        if (s.media().isEmpty()) {
            return new Outcome(file, s.uri(), s.version(), OutcomeStatus.REJECTED, null,
                    "a " + s.type() + " item without a " + s.type() + " in it");
        }
        Media m = s.media().get(0);
        Instant now = clock.instant();
        String reason;
        long id;
        if (s.pubstatus() == PubStatus.CANCELED || m.pubstatus() == PubStatus.CANCELED) {
            MediaStore.Registered r = media.withdraw(h, source, m.uri(), m.version(), m.kind(), now);
            id = r.id();
            reason = r.changed() ? "withdrawn from every page that showed it" : "withdrawn before; nothing changed";
        } else if (m.renditions().isEmpty()) {
            id = media.reference(h, source, m.uri(), m.kind(), m.caption(), m.credit(), m.alt(), now);
            reason = "no rendition to read; kept, waiting for one";
        } else {
            MediaStore.Incoming in = incoming(source, m, parts);
            MediaStore.Registered r = media.register(h, in, now);
            id = r.id();
            reason = !r.changed() ? "version " + m.version() + " is not newer than the stored one; nothing changed"
                    : in.status().equals(MediaStore.UNLICENSED)
                    ? "kept, never shown: the source is not licensed for pictures (images: false)"
                    : in.status().equals(MediaStore.FAILED) ? in.warning()
                    : "kept; renditions are made in the background";
        }
        return new Outcome(file, m.uri(), m.version(), OutcomeStatus.MEDIA, firstPath(h, id), reason);
    }

    private Outcome packageItem(Handle h, String source, String file, Sent s, DeliveryParts parts) {
        Instant now = clock.instant();
        List<Long> ids = new ArrayList<>();
        if (s.pubstatus() != PubStatus.CANCELED) {
            for (Media m : s.media()) ids.add(resolve(h, source, m, parts, now));
        }
        List<Long> before = media.packaged(h, source, s.uri());
        boolean newer = media.setPackage(h, source, s.uri(), s.version(), ids);
        Optional<Story> story = reads.find(h, source, s.uri()).filter(st -> shows(st.status()));
        if (newer && story.isPresent()) {
            // The story's own media first, then the package's: the package replaces only what it gave.
            List<Long> links = new ArrayList<>(media.links(h, story.get().id()));
            links.removeAll(before);
            links.addAll(ids);
            media.link(h, story.get().id(), links, now);
        }
        String reason = !newer ? "package version " + s.version() + " is not newer than the stored one; nothing changed"
                : story.isPresent() ? ids.size() + " media item(s) for the story"
                : ids.size() + " media item(s) for a story not yet received; they join it when it comes";
        return new Outcome(file, s.uri(), s.version(), OutcomeStatus.MEDIA, story.map(Story::path).orElse(null), reason);
    }

    /** The row of a media item a story names: registered, referred to by uri, or withdrawn. */
    private long resolve(Handle h, String source, Media m, DeliveryParts parts, Instant now) {
        if (m.pubstatus() == PubStatus.CANCELED) {
            return media.withdraw(h, source, m.uri(), m.version(), m.kind(), now).id();
        }
        if (m.renditions().isEmpty()) {
            return media.reference(h, source, m.uri(), m.kind(), m.caption(), m.credit(), m.alt(), now);
        }
        return media.register(h, incoming(source, m, parts), now).id();
    }

    /**
     * Where the bytes are: the first rendition that came in the delivery or that has an http(s)
     * address and is not declared larger than its kind may be (the agency lists the best first).
     */
    MediaStore.Incoming incoming(String source, Media m, DeliveryParts parts) {
        String href = null;
        String sha = null;
        String warning = null;
        for (Rendition r : m.renditions()) {
            if (r.inDelivery()) {
                String name = r.href().substring(Rendition.PART.length());
                DeliveryParts.Part p = parts.get(name);
                if (p != null) {
                    sha = p.sha256();
                    break;
                }
                if (warning == null) warning = "the delivery has no part named " + name;
            } else if (fetchable(r.href())) {
                if (r.size() != null && r.size() > limits.maxBytes(m.kind())) {
                    if (warning == null) warning = "its rendition is " + r.size() + " bytes, over the limit of "
                            + limits.maxBytes(m.kind());
                    continue;
                }
                href = r.href().strip();
                break;
            }
        }
        boolean licensed = config.source(source).images();
        String status = !licensed ? MediaStore.UNLICENSED : href != null || sha != null ? MediaStore.PENDING
                : MediaStore.FAILED;
        if (status.equals(MediaStore.FAILED) && warning == null) {
            warning = "no rendition to read (an http or https address, or a part of the delivery)";
        }
        return new MediaStore.Incoming(source, m.uri(), m.version(), m.kind(), status, m.caption(), m.credit(), m.alt(),
                href, sha, status.equals(MediaStore.FAILED) ? warning : null);
    }

    /** An attachment no item names: known by its bytes' digest, so the same picture sent twice is one row. */
    private long attachment(Handle h, String source, DeliveryParts.Part p) {
        boolean licensed = config.source(source).images();
        MediaStore.Incoming in = new MediaStore.Incoming(source, uri(p), 1, p.kind(),
                licensed ? MediaStore.PENDING : MediaStore.UNLICENSED, null, null, null, null, p.sha256(), null);
        return media.register(h, in, clock.instant()).id();
    }

    private static String uri(DeliveryParts.Part p) {
        return "sha256:" + p.sha256();
    }

    /** The stories of the latest delivery from this source and channel whose name has the same base. */
    private List<Story> latestStoriesOf(Handle h, String source, String channel, String name, Instant now) {
        if (!pairsByName(channel)) return List.of();
        String base = base(name);
        Instant since = now.minus(LATE_PICTURE_WINDOW);
        for (MediaStore.RecentDelivery d : media.recentDeliveries(h, source, channel, RECENT_DELIVERIES)) {
            if (d.receivedAt().isBefore(since)) break;
            if (d.name() == null || !base(d.name()).equalsIgnoreCase(base) || d.name().equals(name)) continue;
            List<Long> ids = media.storiesOf(h, d.id());
            if (ids.isEmpty()) continue; // another picture of the same name, or a rejected file
            List<Story> out = new ArrayList<>();
            for (long id : ids) reads.byId(h, id).filter(st -> shows(st.status())).ifPresent(out::add);
            return out;
        }
        return List.of();
    }

    // The contract pairs files by name in the drop folder (and `taar ingest` files); a push names none.
    private static boolean pairsByName(String channel) {
        return channel.equals("drop") || channel.equals("file");
    }

    /** A file name without its extension ("story.txt" and "story.jpg" are both "story"). */
    static String base(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) : name;
    }

    private String firstPath(Handle h, long mediaId) {
        return media.showing(h, mediaId).stream().findFirst()
                .flatMap(id -> reads.byId(h, id)).map(Story::path).orElse(null);
    }

    private static boolean shows(Status s) {
        return s == Status.PUBLISHED || s == Status.HELD || s == Status.EMBARGOED;
    }

    private static boolean fetchable(String href) {
        if (href == null) return false;
        String h = href.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("http://") || h.startsWith("https://");
    }

    // Two deliveries naming the same media can meet on its row; the unique key or a deadlock fails
    // one of them, and its second attempt sees the other's row.
    private <T> T transaction(Function<Handle, T> work) {
        try {
            return media.store().jdbi().inTransaction(work::apply);
        } catch (JdbiException first) {
            log.warn("retrying media registration after: {}", first.getMessage());
            return media.store().jdbi().inTransaction(work::apply);
        }
    }

    private void inTransaction(Consumer<Handle> work) {
        transaction(h -> {
            work.accept(h);
            return null;
        });
    }
}
