package org.taar.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.taar.item.NewsItem;
import org.taar.store.FingerprintStore;
import org.taar.store.StoryVersion;

/**
 * The identify stage's duplicate check for a story seen for the first time (a new source + uri):
 * <ul>
 * <li>the same normalized body as a story of the window, from any source and any uri, is an
 *     exact duplicate: the same copy re-delivered under a new guid with a drifting summary;</li>
 * <li>a text whose MinHash overlap with a story of the window from another source or another
 *     agency reaches {@link #THRESHOLD} is a near duplicate: a relay, a cut or a light rewrite.</li>
 * </ul>
 * Only originals are remembered, so every duplicate links to the first story, never to another
 * duplicate. Versions of one story (same source + uri) never reach this class.
 */
public final class Duplicates {
    /** How far back a duplicate is looked for; fingerprints older than this are forgotten. */
    public static final Duration WINDOW = Duration.ofDays(7);
    /**
     * The estimated overlap coefficient at or above which two stories are the same story: chosen
     * by bench/dedupe as the best F1 on its labelled pairs (bench/RESULTS.md, docs/design-notes.md).
     */
    public static final double THRESHOLD = 0.8;

    private final Fingerprinter fingerprinter;
    private final FingerprintStore store;
    private final double threshold;

    public Duplicates(Fingerprinter fingerprinter, FingerprintStore store, double threshold) {
        this.fingerprinter = fingerprinter;
        this.store = store;
        this.threshold = threshold;
    }

    public Duplicates(FingerprintStore store) {
        this(new Fingerprinter(), store, THRESHOLD);
    }

    /** The earlier story a new one repeats. */
    public record Match(long originalId, String kind, double similarity, String originalSource) {
        public String reason() {
            return (kind.equals("exact") ? "the same text as story " : "a near duplicate of story ") + originalId
                    + " from " + originalSource + (kind.equals("exact") ? "" : String.format(" (similarity %.2f)", similarity));
        }
    }

    /** A new story's fingerprint and what it repeats, if anything. */
    public record Check(Fingerprint fingerprint, long[] bandKeys, Optional<Match> match) {}

    /** A story's fingerprint and band keys: pure work on its text, which an import does on every core before writing. */
    public record Print(Fingerprint fingerprint, long[] bandKeys) {}

    public Print print(NewsItem item) {
        Fingerprint fp = fingerprinter.of(item);
        return new Print(fp, fingerprinter.minHash().bandKeys(fp.signature()));
    }

    /**
     * What a new story repeats, from its {@link #print}.
     *
     * @param now the story's time: the live clock, or an archived story's own date, so that an
     *            import compares each story with its own week's, never with another year's
     */
    public Check check(Handle h, String source, String agency, Print print, Instant now) {
        Fingerprint fp = print.fingerprint();
        long[] keys = print.bandKeys();
        Instant since = now.minus(WINDOW);
        Instant until = now.plus(WINDOW);
        Optional<FingerprintStore.Stored> same = store.byContentHash(h, fp.contentHash(), since, until);
        if (same.isPresent()) {
            return new Check(fp, keys, Optional.of(new Match(same.get().storyId(), "exact", 1.0, same.get().source())));
        }
        if (fp.tooShort()) return new Check(fp, keys, Optional.empty());
        Match best = null;
        for (FingerprintStore.Stored c : store.sharingBands(h, keys, since, until)) {
            // The same desk filing a similar text under a new uri is a new story (a follow-up), not a relay.
            if (c.source().equals(source) && Objects.equals(c.agency(), agency)) continue;
            // A flash of a few words is contained in the full story that follows it; that is not a copy.
            if (c.shingles() < Fingerprinter.MIN_SHINGLES) continue;
            double sim = MinHash.overlap(fp.signature(), fp.shingles(), c.signature(), c.shingles());
            if (sim >= threshold && (best == null || sim > best.similarity())) {
                best = new Match(c.storyId(), "near", sim, c.source());
            }
        }
        return new Check(fp, keys, Optional.ofNullable(best));
    }

    /**
     * What the store keeps of a new story that repeats nothing: its fingerprint for the window, so
     * later copies find it on any node and after restarts (written with the story, StoryWrites).
     */
    public static StoryVersion.Fingerprint original(String source, String agency, Check check, Instant now) {
        Fingerprint fp = check.fingerprint();
        return new StoryVersion.Fingerprint.Original(source, agency, fp.contentHash(), fp.shingles(), fp.signature(),
                check.bandKeys(), now, now.minus(WINDOW));
    }

    /** The link from a copy to the story it repeats (written with the copy, StoryWrites). */
    public static StoryVersion.Fingerprint copyOf(Match match) {
        return new StoryVersion.Fingerprint.CopyOf(match.originalId(), match.similarity(), match.kind());
    }

    /** Where a stored story is read on the site. */
    public Optional<String> pathOf(Handle h, long storyId) {
        return store.pathOf(h, storyId);
    }
}
