package org.taar.kill;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.item.NewsItem;
import org.taar.store.AdvisoryStore;
import org.taar.store.AdvisoryStore.Candidate;
import org.taar.store.StoryReads;
import org.taar.store.StoryVersion;
import org.taar.store.StoryWrites;
import org.taar.store.WireLog;
import org.taar.story.EventKind;
import org.taar.story.Outcome;
import org.taar.story.OutcomeStatus;
import org.taar.story.Story;
import org.taar.normalize.KillAdvisories;
import org.taar.normalize.KillAdvisory;

/**
 * The kill stage for kills that do not carry the story's own identity: an advisory naming a story
 * by slug or headline, or a cancel of a uri never seen. Exactly one recent story of the same source
 * matching is killed; several hold the advisory for an editor and kill nothing; none keeps it pending.
 */
public final class Kills {
    private static final Logger log = LoggerFactory.getLogger(Kills.class);
    /** How far back an advisory may reach: agencies withdraw within days, never months. */
    public static final Duration WINDOW = Duration.ofDays(7);

    private final StoryReads stories;
    private final StoryWrites writes;
    private final AdvisoryStore advisories;

    public Kills(StoryReads stories, StoryWrites writes, AdvisoryStore advisories) {
        this.stories = stories;
        this.writes = writes;
        this.advisories = advisories;
    }

    /** Why the story went down, as the audit trail and the story's reason say it. */
    public static String reason(NewsItem item) {
        Optional<KillAdvisory> a = KillAdvisories.recognize(item);
        if (a.isEmpty() || !a.get().advisory()) return "killed by the agency (pubstatus canceled)";
        return "kill advisory (" + a.get().kind() + "): " + a.get().text();
    }

    /**
     * Acts on a kill whose uri names no stored story. Empty when nothing was matched: the caller
     * then keeps a killed row under the uri, so a late first version of the story stays down.
     */
    public Optional<Outcome> apply(Handle h, String source, String file, Long deliveryId, NewsItem item, Instant now) {
        KillAdvisory kill = KillAdvisories.recognize(item).orElseThrow();
        for (String uri : kill.uris()) {
            Optional<Story> named = stories.find(h, source, uri);
            if (named.isPresent()) return Optional.of(killOne(h, source, file, deliveryId, item, named.get().id(),
                    named.get().path(), now, "uri"));
        }
        // A plain cancel is its uri: finding "its" story by headline would be a guess.
        List<Candidate> recent = kill.advisory() ? advisories.recent(h, source, now.minus(WINDOW)) : List.of();
        KillMatcher.Match m = KillMatcher.match(kill, recent);
        List<Long> ids = m.stories().stream().map(Candidate::id).toList();
        if (ids.size() == 1) {
            Story s = stories.find(h, source, m.stories().get(0).uri()).orElseThrow();
            return Optional.of(killOne(h, source, file, deliveryId, item, s.id(), s.path(), now, m.by()));
        }
        if (ids.size() > 1) {
            long id = advisories.add(h, source, deliveryId, kill.text(), ids, null, "ambiguous", now);
            String reason = "kill advisory matches " + ids.size() + " stories by " + m.by() + " (ids " + ids
                    + "); nothing killed, held for an editor as advisory " + id;
            log.warn("kill advisory ambiguous source={} advisory={} candidates={}", source, id, ids);
            WireLog.withoutStory(h, source, deliveryId, file, item, OutcomeStatus.HELD, reason, now);
            return Optional.of(new Outcome(file, item.uri(), item.version(), OutcomeStatus.HELD, null, reason));
        }
        advisories.add(h, source, deliveryId, kill.text(), List.of(), null, "pending", now);
        log.info("kill for no known story kept pending source={} uri={}", source, item.uri());
        return Optional.empty();
    }

    private Outcome killOne(Handle h, String source, String file, Long deliveryId, NewsItem item, long id, String path,
                            Instant now, String by) {
        String reason = reason(item) + " (matched by " + by + ")";
        writes.record(h, new StoryVersion(new StoryVersion.Row.Kill(id), item, deliveryId, now, OutcomeStatus.KILLED,
                reason, null, false, EventKind.KILLED, List.of(new StoryVersion.Audit("killed", "agency:" + source, reason)),
                null));
        advisories.add(h, source, deliveryId, KillAdvisories.recognize(item).map(KillAdvisory::text).orElse(""),
                List.of(id), id, "applied", now);
        log.info("story killed id={} source={} by advisory matched by {}", id, source, by);
        return new Outcome(file, item.uri(), item.version(), OutcomeStatus.KILLED, path, reason);
    }
}
