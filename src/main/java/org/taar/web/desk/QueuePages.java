package org.taar.web.desk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jetty.util.UrlEncoded;
import org.taar.config.Config;
import org.taar.desk.DeskText;
import org.taar.desk.QueueView;
import org.taar.desk.Role;
import org.taar.store.SourceStore;
import org.taar.store.WireQueue;
import org.taar.story.OutcomeStatus;

/**
 * The wire queue at {@code /desk/}: everything received, newest first, with counts per status,
 * filters and search; and {@code /desk/queue/rows}, the rows that arrived after a given one, which
 * the page's script asks for twice a second so that a new story appears without a reload.
 */
public final class QueuePages {
    static final int PAGE_SIZE = 50;
    /**
     * Live updates re-read this many rows below the newest one shown: on PostgreSQL a row with a
     * lower id can commit after one with a higher id, and would otherwise be stepped over. The
     * script skips rows it already shows.
     */
    static final int LIVE_OVERLAP = 50;
    /** Counts without a time filter cover this window, so they stay a quick index read on a decade's archive. */
    static final Duration COUNTS_WINDOW = Duration.ofHours(24);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    private final WireQueue queue;
    private final SourceStore sources;
    private final DeskPages pages;
    private final List<Config.Section> sections;
    private final ZoneId zone;
    private final java.time.Clock clock;

    public QueuePages(WireQueue queue, SourceStore sources, DeskPages pages, Config.Site site, java.time.Clock clock) {
        this.queue = queue;
        this.sources = sources;
        this.pages = pages;
        this.sections = site.sections();
        this.zone = site.zone();
        this.clock = clock;
    }

    public List<DeskRoute> routes() {
        return List.of(
                DeskRoute.get("/desk/", Role.VIEWER, this::page),
                DeskRoute.get("/desk/queue/rows", Role.VIEWER, this::rows));
    }

    private DeskAnswer page(DeskRequest rq) {
        DeskText t = rq.text();
        Filters f = filters(rq);
        WireQueue.Cursor after = cursor(rq.param("after"));
        WireQueue.Page page = queue.page(f.filter(), after, PAGE_SIZE);
        boolean windowed = f.filter().from() == null && f.filter().to() == null;
        WireQueue.Filter counted = windowed ? withFrom(f.filter(), clock.instant().minus(COUNTS_WINDOW)) : f.filter();
        Map<OutcomeStatus, Long> counts = queue.counts(counted);
        List<QueueView.Tab> tabs = new ArrayList<>();
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        tabs.add(new QueueView.Tab("all", t.get("status.all"), all, "/desk/" + query(f.without("status")),
                f.filter().outcome() == null));
        for (OutcomeStatus o : OutcomeStatus.values()) {
            // An editor's edit is a version of the story, never something that arrived on the wire;
            // a picture or package alone is media, not a story version, and never in the queue.
            if (o == OutcomeStatus.EDITED || o == OutcomeStatus.MEDIA) continue;
            Map<String, String> q = f.without("status");
            q.put("status", o.label());
            tabs.add(new QueueView.Tab(o.label(), t.get("status." + o.label()), counts.get(o), "/desk/" + query(q),
                    o == f.filter().outcome()));
        }
        List<QueueView.Row> rows = page.entries().stream().map(e -> row(e, t)).toList();
        long lastId = page.entries().isEmpty() ? (after == null ? newestId() : 0) : page.entries().get(0).id();
        String olderHref = null;
        if (page.next() != null) {
            Map<String, String> q = new LinkedHashMap<>(f.values());
            q.put("after", String.valueOf(page.next().id()));
            olderHref = "/desk/" + query(q);
        }
        QueueView.Page view = new QueueView.Page(pages.frame(rq, t.get("queue.title"), "queue", null, f.error()),
                tabs, rows, options(sectionChoices(), f.values().get("section")),
                options(sourceChoices(), f.values().get("source")), f.values().get("agency"),
                f.values().get("language"), f.values().get("from"), f.values().get("to"), f.values().get("q"),
                f.values().get("status"), query(f.values()).replaceFirst("^\\?", ""), olderHref, after == null, lastId,
                windowed ? t.get("queue.window") : t.get("queue.filtered"));
        return pages.render(200, "queue", view);
    }

    /** The rows after {@code after} that pass the page's filter, oldest first as they arrived; the script puts each on top. */
    private DeskAnswer rows(DeskRequest rq) {
        long after;
        try {
            after = Long.parseLong(rq.param("after") == null ? "" : rq.param("after"));
        } catch (NumberFormatException e) {
            return pages.message(400, rq.who(), rq.text(), "error.bad", "after must be a row number");
        }
        Filters f = filters(rq);
        List<QueueView.Row> rows = queue.since(f.filter(), Math.max(0, after - LIVE_OVERLAP), WireQueue.MAX_LIMIT).stream()
                .map(e -> row(e, rq.text())).toList();
        return pages.render(200, "rows", new QueueView.Rows(rq.text(), rows));
    }

    private QueueView.Row row(WireQueue.Entry e, DeskText t) {
        String status = e.outcome().label();
        String now = e.storyStatus() != null && !OutcomeStatus.of(e.storyStatus()).equals(e.outcome())
                && !(e.outcome() == OutcomeStatus.UPDATED && e.storyStatus().label().equals("published"))
                ? e.storyStatus().label() : null;
        String headline = e.headline() != null ? e.headline() : e.name() != null ? e.name() : t.get("queue.untitled");
        // Reasons the rules wrote already name the rule ("… (rule profanity)"); others get its name in front.
        String why = e.rule() == null || (e.reason() != null && e.reason().contains("(rule " + e.rule() + ")"))
                ? e.reason() : t.get("queue.rule", e.rule()) + (e.reason() != null ? ": " + e.reason() : "");
        if (e.outcome() == OutcomeStatus.PUBLISHED || e.outcome() == OutcomeStatus.UPDATED) why = null;
        return new QueueView.Row(e.id(), TIME.format(e.at().atZone(zone)), e.at().toString(), status, now, headline,
                e.storyId() == null ? null : "/desk/stories/" + e.storyId(), e.source(), e.agency(),
                e.storySection() != null ? e.storySection() : e.section(), e.language(), why,
                e.embargoUntil() == null ? null : TIME.format(e.embargoUntil().atZone(zone)),
                e.originalId() == null ? null : "/desk/stories/" + e.originalId());
    }

    private long newestId() {
        List<WireQueue.Entry> newest = queue.page(WireQueue.Filter.ALL, null, 1).entries();
        return newest.isEmpty() ? 0 : newest.get(0).id();
    }

    /** The filter a request asks for, its values as given (for the form and links), and why a part was ignored. */
    private record Filters(WireQueue.Filter filter, Map<String, String> values, String error) {
        Map<String, String> without(String key) {
            Map<String, String> m = new LinkedHashMap<>(values);
            m.remove(key);
            return m;
        }
    }

    private Filters filters(DeskRequest rq) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String k : List.of("status", "q", "section", "source", "agency", "language", "from", "to")) {
            String v = rq.param(k);
            if (v != null && v.length() <= 200) values.put(k, v);
        }
        String error = null;
        OutcomeStatus outcome = null;
        if (values.containsKey("status")) {
            try {
                outcome = OutcomeStatus.of(values.get("status"));
            } catch (IllegalArgumentException e) {
                values.remove("status");
                error = rq.text().get("queue.badstatus");
            }
        }
        Instant from = day(values, "from", 0), to = day(values, "to", 1);
        if ((values.containsKey("from") && from == null) || (values.containsKey("to") && to == null)) {
            error = rq.text().get("queue.baddate");
            if (from == null) values.remove("from");
            if (to == null) values.remove("to");
        }
        return new Filters(new WireQueue.Filter(values.get("source"), values.get("agency"), outcome, values.get("section"),
                values.get("language"), from, to, values.get("q")), values, error);
    }

    /** A date in the site's zone as the instant its day begins ({@code plusDays} 1: the next day, for "to"). */
    private Instant day(Map<String, String> values, String key, int plusDays) {
        String v = values.get(key);
        if (v == null) return null;
        try {
            return LocalDate.parse(v).plusDays(plusDays).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static WireQueue.Filter withFrom(WireQueue.Filter f, Instant from) {
        return new WireQueue.Filter(f.source(), f.agency(), f.outcome(), f.section(), f.language(), from, f.to(), f.text());
    }

    private static WireQueue.Cursor cursor(String after) {
        if (after == null || !after.matches("[0-9]{1,18}")) return null;
        return new WireQueue.Cursor(Long.parseLong(after));
    }

    private Map<String, String> sectionChoices() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Config.Section s : sections) m.put(s.slug(), s.name());
        return m;
    }

    private Map<String, String> sourceChoices() {
        TreeSet<String> names = new TreeSet<>(List.of("local"));
        // Names only: the health table's figures count a day of versions per source, far too slow for every page.
        names.addAll(sources.names());
        Map<String, String> m = new LinkedHashMap<>();
        names.forEach(n -> m.put(n, n));
        return m;
    }

    private static List<QueueView.Option> options(Map<String, String> choices, String selected) {
        List<QueueView.Option> out = new ArrayList<>();
        choices.forEach((v, label) -> out.add(new QueueView.Option(v, label, v.equals(selected))));
        if (selected != null && !choices.containsKey(selected)) out.add(new QueueView.Option(selected, selected, true));
        return out;
    }

    private static String query(Map<String, String> values) {
        if (values.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("?");
        values.forEach((k, v) -> {
            if (sb.length() > 1) sb.append('&');
            sb.append(k).append('=').append(UrlEncoded.encodeString(v));
        });
        return sb.toString();
    }
}
