package org.taar.site;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.taar.store.EventLog;
import org.taar.store.MediaReads;
import org.taar.store.MediaReads.Lookup;
import org.taar.store.MediaReads.Served;
import org.taar.store.MediaReads.Verdict;

/**
 * What the /media/ route asks the store, remembered per node, so that serving a rendition is a map
 * lookup and a file read, not two queries. Every batch of events the publisher applies (a kill, a
 * withdrawal, a new story showing a picture) starts a new generation, and an answer of an older
 * generation is read again: an answer is never staler than the pages, which follow the same events.
 * "Not ours" is never kept, so addresses a request makes up cannot fill the map; the rest is bounded.
 */
public final class MediaLookups implements Publisher.Listener {
    /** Digests remembered: the renditions readers asked for lately. */
    static final int KEPT = 20_000;

    private final MediaReads media;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<String, Kept> lookups = Caffeine.newBuilder().maximumSize(KEPT).build();
    private final Cache<String, Kept> siblings = Caffeine.newBuilder().maximumSize(KEPT).build();

    private record Kept(long generation, Lookup lookup, Optional<Served> rendition) {}

    public MediaLookups(MediaReads media) {
        this.media = media;
    }

    /** {@link MediaReads#bySha256}, from memory when nothing changed since it was read. */
    public Lookup bySha256(String sha256) {
        long g = generation.get();
        Kept k = lookups.getIfPresent(sha256);
        if (k != null && k.generation() == g) return k.lookup();
        // The generation is read before the store: a change applied meanwhile makes this answer old at once.
        Lookup found = media.bySha256(sha256);
        if (found.verdict() != Verdict.MISSING) lookups.put(sha256, new Kept(g, found, Optional.empty()));
        return found;
    }

    /** {@link MediaReads#rendition}, likewise (only for a media item being served, so only real ones are kept). */
    public Optional<Served> rendition(long mediaId, String name, String format) {
        long g = generation.get();
        String key = mediaId + "/" + name + "/" + format;
        Kept k = siblings.getIfPresent(key);
        if (k != null && k.generation() == g) return k.rendition();
        Optional<Served> found = media.rendition(mediaId, name, format);
        siblings.put(key, new Kept(g, null, found));
        return found;
    }

    @Override
    public void applied(List<EventLog.Change> changes) {
        if (!changes.isEmpty()) generation.incrementAndGet();
    }
}
