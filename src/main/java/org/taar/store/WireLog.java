package org.taar.store;

import static org.taar.store.StoryRows.millis;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.item.NewsItem;
import org.taar.story.OutcomeStatus;
import org.taar.text.Folding;

/**
 * The desk's wire queue, written: one row for every item received and what became of it. A story's
 * version writes its row in the same transaction ({@link StoryWrites#record}); what never became a
 * story (a delivery turned away, an item without a headline, an ambiguous kill advisory) writes its
 * own. An editor's action changes the story, never these rows: the queue says what arrived.
 */
public final class WireLog {
    private static final Logger log = LoggerFactory.getLogger(WireLog.class);
    // Recorder writes a decided reason as "REASON (rule NAME)" or "rule NAME".
    private static final Pattern RULE_IN_REASON = Pattern.compile("(?:^rule (\\S+)|\\(rule ([^()]+)\\))$");
    private static final int FOLD_BATCH = 1000;

    private final Store store;

    public WireLog(Store store) {
        this.store = store;
    }

    /**
     * A delivery or an item turned away before it became a story. {@code item} is null when the
     * delivery was never read (too large, unparseable). Never throws: the rejection is answered
     * to the sender all the same, and a store too broken to take this row fails the next write loudly.
     */
    public void rejected(String source, Long deliveryId, String name, NewsItem item, String reason, Instant at) {
        try {
            store.jdbi().useHandle(h -> withoutStory(h, source, deliveryId, name, item, OutcomeStatus.REJECTED, reason, at));
        } catch (JdbiException e) {
            log.warn("wire row for a rejected delivery not written source={} name={}: {}", source, name,
                    Store.rootMessage(e));
        }
    }

    /** A received item settled without a story of its own (a kill advisory held for an editor), in the caller's transaction. */
    public static void withoutStory(Handle h, String source, Long deliveryId, String name, NewsItem item,
                                    OutcomeStatus outcome, String reason, Instant at) {
        insert(h, new Row(at, source, item, null, deliveryId, name, outcome, null, reason, null, null, null));
    }

    /** The row of one story version, after the story's own row is written (so its section and duplicate link are there). */
    static void story(Handle h, long storyId, StoryVersion v) {
        Map<String, Object> s = h.createQuery("""
                        SELECT s.source, s.section, d.original_id FROM stories s
                        LEFT JOIN story_duplicates d ON d.story_id = s.id WHERE s.id = :id""")
                .bind("id", storyId).mapToMap().one();
        Number original = (Number) s.get("original_id");
        insert(h, new Row(v.at(), (String) s.get("source"), v.item(), storyId, v.deliveryId(), null, v.outcome(),
                v.rule(), v.reason(), (String) s.get("section"), embargo(v.row()),
                original == null ? null : original.longValue()));
    }

    /**
     * Completes the rows the migration copied from the versions table: SQL cannot fold a
     * headline the way {@link Folding} does, nor read the rule back out of a reason. Runs when
     * the store opens; a store with nothing copied pays one indexed look-up.
     */
    static int foldCopied(Store store) {
        int done = 0;
        while (true) {
            int n = store.jdbi().inTransaction(h -> {
                List<Map<String, Object>> rows = h.createQuery("""
                                SELECT id, headline, reason, outcome FROM wire WHERE headline_key IS NULL
                                ORDER BY id LIMIT :n""")
                        .bind("n", FOLD_BATCH).mapToMap().list();
                if (rows.isEmpty()) return 0;
                PreparedBatch batch = h.prepareBatch(
                        "UPDATE wire SET headline_key = :key, rule = COALESCE(rule, :rule) WHERE id = :id");
                for (Map<String, Object> r : rows) {
                    batch.bind("id", ((Number) r.get("id")).longValue())
                            .bind("key", Folding.key((String) r.get("headline")))
                            .bind("rule", ruleIn((String) r.get("outcome"), (String) r.get("reason")))
                            .add();
                }
                batch.execute();
                return rows.size();
            });
            if (n == 0) return done;
            done += n;
        }
    }

    /** The rule a decided version's reason names; null for a kill, a duplicate or any other reason. */
    static String ruleIn(String outcome, String reason) {
        if (reason == null || !List.of("published", "updated", "held", "embargoed").contains(outcome)) return null;
        Matcher m = RULE_IN_REASON.matcher(reason);
        if (!m.find()) return null;
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static Instant embargo(StoryVersion.Row row) {
        if (row instanceof StoryVersion.Row.Insert r) return r.embargoUntil();
        if (row instanceof StoryVersion.Row.Revise r) return r.embargoUntil();
        return null;
    }

    private record Row(Instant at, String source, NewsItem item, Long storyId, Long deliveryId, String name,
                       OutcomeStatus outcome, String rule, String reason, String section, Instant embargoUntil,
                       Long originalId) {}

    private static void insert(Handle h, Row r) {
        NewsItem item = r.item();
        String headline = item == null ? null : item.headline();
        h.createUpdate("""
                        INSERT INTO wire (at, source, agency, story_id, delivery_id, name, uri, version, outcome, rule,
                                          reason, headline, headline_key, section, language, embargo_until, original_id)
                        VALUES (:at, :source, :agency, :story, :delivery, :name, :uri, :version, :outcome, :rule,
                                :reason, :headline, :key, :section, :language, :embargo, :original)""")
                .bind("at", r.at().toEpochMilli()).bind("source", r.source())
                .bind("agency", item == null ? null : item.agency()).bind("story", r.storyId())
                .bind("delivery", r.deliveryId()).bind("name", r.name())
                .bind("uri", item == null ? null : item.uri()).bind("version", item == null ? null : item.version())
                .bind("outcome", r.outcome().label()).bind("rule", r.rule()).bind("reason", r.reason())
                .bind("headline", headline).bind("key", Folding.key(headline)).bind("section", r.section())
                .bind("language", item == null ? null : item.language()).bind("embargo", millis(r.embargoUntil()))
                .bind("original", r.originalId())
                .execute();
    }
}
