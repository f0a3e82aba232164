package org.taar.store;

import static org.taar.store.StoryRows.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.text.Folding;

/**
 * The desk's wire queue, read: everything received, newest first, each item with what became of it
 * then and where its story stands now (a story held on arrival may be published since). Pages are
 * keyset pages on the row id, so the thousandth page costs what the first does.
 */
public final class WireQueue {
    /** The most rows one page or one live catch-up returns. */
    public static final int MAX_LIMIT = 200;

    private static final String COLUMNS = """
            SELECT w.id, w.at, w.source, w.agency, w.story_id, w.delivery_id, COALESCE(w.name, dl.name) AS name,
                   w.uri, w.version, w.outcome, w.rule, w.reason, w.headline, w.section, w.language,
                   w.embargo_until, w.original_id, s.status AS story_status, s.section AS story_section,
                   s.slug AS story_slug, o.section AS original_section, o.slug AS original_slug
            FROM wire w
            LEFT JOIN stories s ON s.id = w.story_id
            LEFT JOIN stories o ON o.id = w.original_id
            LEFT JOIN deliveries dl ON dl.id = w.delivery_id""";

    private final Store store;
    private final WireCounts counts;

    public WireQueue(Store store) {
        this(store, Clock.systemUTC());
    }

    /** @param clock the clock the wire's rows are stamped with: what lies two minutes behind it no longer changes */
    public WireQueue(Store store, Clock clock) {
        this.store = store;
        this.counts = new WireCounts(clock, new Counter());
    }

    /**
     * What the desk narrows the queue to; a null (or blank) part does not narrow. {@code from} is
     * inclusive, {@code to} exclusive. {@code text} finds headlines holding every word of it at the
     * start of one of their words, folded (nukta, chandrabindu, case, digits: see {@link Folding}).
     */
    public record Filter(String source, String agency, OutcomeStatus outcome, String section, String language,
                         Instant from, Instant to, String text) {
        public static final Filter ALL = new Filter(null, null, null, null, null, null, null, null);

        public Filter {
            source = blankToNull(source);
            agency = blankToNull(agency);
            section = blankToNull(section);
            language = blankToNull(language);
            text = blankToNull(text);
        }

        public Filter withOutcome(OutcomeStatus o) {
            return new Filter(source, agency, o, section, language, from, to, text);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /** Where the next page starts: below the row with this id. */
    public record Cursor(long id) {}

    /** One page, newest first; {@code next} is null on the last page. */
    public record Page(List<Entry> entries, Cursor next) {}

    /**
     * One received item and what became of it. {@code storyId} is null for what never became a story
     * (a rejected delivery, an ambiguous kill advisory); {@code storyStatus} is where that story
     * stands now, which an editor may have changed since {@code outcome}.
     *
     * @param name the delivery's name (file, push or feed item) as received
     * @param originalId for a copy: the first story it repeats; {@code originalPath} is that story's address
     */
    public record Entry(long id, Instant at, String source, String agency, Long storyId, Long deliveryId, String name,
                        String uri, Integer version, OutcomeStatus outcome, String rule, String reason,
                        String headline, String section, String language, Instant embargoUntil, Long originalId,
                        Status storyStatus, String storySection, String storySlug, String originalPath) {
        /** The story's address on the site now; null when there is no story. */
        public String path() {
            return storyId == null ? null : Story.path(storySection, storySlug, storyId);
        }
    }

    /** A page of the queue, newest first, starting below {@code after} (null: from the newest). */
    public Page page(Filter f, Cursor after, int limit) {
        int n = clamp(limit);
        Where w = Where.of(f, true);
        if (w == null) return new Page(List.of(), null);
        if (after != null) w.and("w.id < :after", "after", after.id());
        // The page's ids first, from the narrowest index alone; only those rows are then read whole
        // and joined, however many rows the filter walks past (a day's window sorts ids, not rows).
        List<Entry> rows = store.jdbi().withHandle(h -> w.bindTo(h.createQuery(COLUMNS
                        + " WHERE w.id IN (SELECT w.id FROM wire w" + w.sql() + " ORDER BY w.id DESC LIMIT :limit)"
                        + " ORDER BY w.id DESC"))
                .bind("limit", n + 1).map(WireQueue::entry).list());
        if (rows.size() <= n) return new Page(rows, null);
        List<Entry> shown = rows.subList(0, n);
        return new Page(List.copyOf(shown), new Cursor(shown.get(n - 1).id()));
    }

    /**
     * How many items of each outcome the filter finds, leaving its outcome aside (the counts are the
     * tabs the desk switches between); every outcome is in the map, zero when none.
     */
    public Map<OutcomeStatus, Long> counts(Filter f) {
        return counts.counts(f);
    }

    private final class Counter implements WireCounts.Counter {
        @Override
        public Map<OutcomeStatus, Long> count(Filter f, long lo, long hi) {
            Map<OutcomeStatus, Long> out = new EnumMap<>(OutcomeStatus.class);
            for (OutcomeStatus o : OutcomeStatus.values()) out.put(o, 0L);
            Where w = window(f, lo, hi);
            if (w == null) return out;
            // With a time bound, SQLite would walk the whole outcome index to spare itself sorting seven
            // groups; grouping by an expression lets it read just the time range from wire_by_at.
            String outcome = lo != Long.MIN_VALUE || hi != Long.MAX_VALUE ? "w.outcome || ''" : "w.outcome";
            store.jdbi().useHandle(h -> w.bindTo(h.createQuery("SELECT " + outcome + " AS outcome, COUNT(*) AS n"
                            + " FROM wire w" + w.sql() + " GROUP BY " + outcome))
                    .map((rs, ctx) -> Map.entry(OutcomeStatus.of(rs.getString("outcome")), rs.getLong("n")))
                    .forEach(e -> out.put(e.getKey(), e.getValue())));
            return out;
        }

        @Override
        public void countByMinute(Filter f, long lo, long hi, TreeMap<Long, long[]> into) {
            Where w = window(f, lo, hi);
            if (w == null) return;
            store.jdbi().useHandle(h -> w.bindTo(h.createQuery("SELECT w.at / " + WireCounts.MINUTE + " AS minute,"
                            + " w.outcome AS outcome, COUNT(*) AS n FROM wire w" + w.sql()
                            + " GROUP BY w.at / " + WireCounts.MINUTE + ", w.outcome"))
                    .map((rs, ctx) -> {
                        long[] n = into.computeIfAbsent(rs.getLong("minute") * WireCounts.MINUTE,
                                m -> new long[OutcomeStatus.values().length]);
                        n[OutcomeStatus.of(rs.getString("outcome")).ordinal()] += rs.getLong("n");
                        return n;
                    })
                    .list());
        }

        // The filter without its outcome, over [lo, hi); null when that can find nothing.
        private Where window(Filter f, long lo, long hi) {
            if (lo >= hi) return null;
            Where w = Where.of(new Filter(f.source(), f.agency(), null, f.section(), f.language(), null, null,
                    f.text()), false);
            if (w == null) return null;
            if (lo != Long.MIN_VALUE) w.and("w.at >= :lo", "lo", lo);
            // An open-ended window is still bounded above: PostgreSQL plans "at >= ?" alone as a
            // third of the table (a full scan) in generic plans and without statistics, while a
            // range of both bounds reads wire_by_at for the few recent rows the tail holds.
            if (hi != Long.MAX_VALUE || lo != Long.MIN_VALUE) w.and("w.at < :hi", "hi", hi);
            return w;
        }
    }

    /**
     * The items that arrived after row {@code afterId} and pass the filter, oldest first, at most
     * {@code limit}: what an open queue adds at its top. Ask again from the last id until it is empty.
     */
    public List<Entry> since(Filter f, long afterId, int limit) {
        Where w = Where.of(f, true);
        if (w == null) return List.of();
        w.and("w.id > :after", "after", afterId);
        return store.jdbi().withHandle(h -> w.bindTo(h.createQuery(COLUMNS + w.sql() + " ORDER BY w.id LIMIT :limit"))
                .bind("limit", clamp(limit)).map(WireQueue::entry).list());
    }

    /** Everything after row {@code afterId}, oldest first, at most {@link #MAX_LIMIT}. */
    public List<Entry> since(long afterId) {
        return since(Filter.ALL, afterId, MAX_LIMIT);
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    /** The WHERE clause a filter makes, with its values bound by name (never spliced into the SQL). */
    private static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final Map<String, Object> values = new LinkedHashMap<>();

        /** Null when the filter can match nothing (a search text without a word to look for). */
        static Where of(Filter f, boolean withOutcome) {
            Where w = new Where();
            if (f.source() != null) w.and("w.source = :source", "source", f.source());
            if (f.agency() != null) w.and("w.agency = :agency", "agency", f.agency());
            if (withOutcome && f.outcome() != null) w.and("w.outcome = :outcome", "outcome", f.outcome().label());
            if (f.section() != null) w.and("w.section = :section", "section", f.section());
            if (f.language() != null) w.and("w.language = :language", "language", f.language());
            if (f.from() != null) w.and("w.at >= :from", "from", f.from().toEpochMilli());
            if (f.to() != null) w.and("w.at < :to", "to", f.to().toEpochMilli());
            if (f.text() != null && !w.search(f.text())) return null;
            return w;
        }

        // Each folded word must begin a word of the folded headline: the key keeps a space before
        // each word, so "% word%" finds it. False when the text holds no word, or more than any key.
        private boolean search(String text) {
            List<String> words = Folding.words(text);
            int length = words.stream().mapToInt(s -> s.length() + 1).sum();
            if (words.isEmpty() || length > Folding.MAX_KEY) return false;
            for (int i = 0; i < words.size(); i++) {
                and("w.headline_key LIKE :q" + i + " ESCAPE '!'", "q" + i, "% " + escapeLike(words.get(i)) + "%");
            }
            return true;
        }

        void and(String clause, String name, Object value) {
            clauses.add(clause);
            values.put(name, value);
        }

        String sql() {
            return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        }

        Query bindTo(Query q) {
            values.forEach(q::bind);
            return q;
        }
    }

    // '!' rather than a backslash: JDBI's statement parser reads a backslash in a quoted literal as
    // an escape, so a backslash as the LIKE escape would swallow the SQL after it. Folded words hold
    // no % or _ today; the escape keeps it so if Folding ever lets one through.
    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static Entry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        String storyStatus = rs.getString("story_status");
        long originalId = rs.getLong("original_id");
        Long original = rs.wasNull() ? null : originalId;
        String originalSlug = rs.getString("original_slug");
        return new Entry(rs.getLong("id"), instant(rs, "at"), rs.getString("source"), rs.getString("agency"),
                nullableLong(rs, "story_id"), nullableLong(rs, "delivery_id"), rs.getString("name"),
                rs.getString("uri"), nullableInt(rs, "version"), OutcomeStatus.of(rs.getString("outcome")),
                rs.getString("rule"), rs.getString("reason"), rs.getString("headline"), rs.getString("section"),
                rs.getString("language"), instant(rs, "embargo_until"), original,
                storyStatus == null ? null : Status.of(storyStatus), rs.getString("story_section"),
                rs.getString("story_slug"),
                original == null || originalSlug == null ? null
                        : Story.path(rs.getString("original_section"), originalSlug, original));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
