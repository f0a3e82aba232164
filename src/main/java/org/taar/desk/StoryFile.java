package org.taar.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.taar.config.Config;
import org.taar.item.NewsItem;
import org.taar.store.AdvisoryStore;
import org.taar.store.AuditLog;
import org.taar.store.AuditLog.AuditEntry;
import org.taar.store.FingerprintStore;
import org.taar.store.StoryHistory;
import org.taar.store.StoryReads;
import org.taar.store.StoryReads.VersionEntry;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Tag;
import org.taar.text.FieldDiff;
import org.taar.text.HtmlSanitizer;

/**
 * Everything the desk knows of one story, gathered for its page: the preview, the delivery as
 * received, the parsed fields, every version with the word difference from the copy before it,
 * the rules that fired, duplicates, advisories naming it, the audit trail and its addresses.
 */
public final class StoryFile {
    /** Word differences are worked out for this many of the newest versions; older ones list without. */
    static final int DIFFED_VERSIONS = 30;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** Audit actions the desk has words for (outcome labels and the desk's own). */
    static final Set<String> ACTIONS = Set.of("published", "updated", "held", "embargoed", "killed", "duplicate",
            "rejected", "corrected", "edited", "edit-replaced", "restored", "scheduled", "sectioned");
    static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final StoryReads stories;
    private final AuditLog audit;
    private final FingerprintStore fingerprints;
    private final AdvisoryStore advisories;
    private final StoryDeliveries deliveries;
    private final HtmlSanitizer sanitizer;
    private final Config.Site site;
    private final Clock clock;

    public StoryFile(StoryReads stories, AuditLog audit, AdvisoryStore advisories, StoryDeliveries deliveries,
                     HtmlSanitizer sanitizer, Config.Site site, Clock clock) {
        this.stories = stories;
        this.audit = audit;
        this.fingerprints = new FingerprintStore(stories.store());
        this.advisories = advisories;
        this.deliveries = deliveries;
        this.sanitizer = sanitizer;
        this.site = site;
        this.clock = clock;
    }

    /**
     * The page of story {@code id}; empty when there is none.
     *
     * @param frame the page's frame, given the story's headline as its title
     * @param refusedSeen on an action refused because the story changed, the token the editor's form
     *     carried (the page then shows what changed since); null otherwise
     * @param posted the edit form as the editor sent it, to show again; null for the story's own values
     */
    public Optional<StoryView.Page> page(long id, Function<String, DeskViews.Frame> frame, String refusedSeen,
                                         StoryView.EditForm posted) {
        // The token first, with the story it describes: whatever is read after is at least as new,
        // so a form never claims an editor saw less than the page shows.
        record Read(Story story, String seen) {}
        Optional<Read> read = stories.store().jdbi().inTransaction(h -> stories.withTags(h, id)
                .map(s -> new Read(s, SeenToken.of(s, stories.stamp(h, id)))));
        if (read.isEmpty()) return Optional.empty();
        Story s = read.get().story();
        NewsItem item = s.item();
        DeskViews.Frame f = frame.apply(item.headline());
        DeskText t = f.t();
        List<VersionEntry> versions = stories.versionHistory(id);
        List<AuditEntry> trail = audit.auditTrail(id);
        List<StoryView.AuditRow> rows = trail.stream().map(e -> row(e, t)).toList();
        List<StoryView.AuditRow> rules = rows.stream().filter(r -> r.actor().startsWith("rule:")).toList();
        List<String> former = StoryHistory.former(stories.store(), id).stream().map(p -> site.baseUrl() + p).toList();
        StoryView.Change change = refusedSeen == null ? null : change(s, versions, rows, refusedSeen);
        StoryView.EditForm form = posted != null ? posted : new StoryView.EditForm(item.headline(), item.summary(),
                item.bodyHtml(), s.section(), String.join(", ", s.tags().stream().map(Tag::name).toList()));
        List<StoryView.Option> sections = site.sections().stream()
                .map(c -> new StoryView.Option(c.slug(), c.name())).toList();
        Instant scheduleAt = s.embargoUntil() != null && s.embargoUntil().isAfter(clock.instant()) ? s.embargoUntil()
                : clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
        return Optional.of(new StoryView.Page(f, id, item.headline(), item.summary(),
                sanitizer.sanitize(item.bodyHtml() == null ? "" : item.bodyHtml()), s.status().label(), s.reason(),
                site.baseUrl() + s.path(), former, fields(s, t), deliveries.verbatim(id, versions),
                versionRows(s, versions), rules, rows, copies(id, t), original(id), advisories(s), actions(s.status()),
                read.get().seen(), change, form, sections, FORM_TIME.format(scheduleAt.atZone(site.zone())),
                site.zone().getId()));
    }

    private List<StoryView.Field> fields(Story s, DeskText t) {
        NewsItem i = s.item();
        List<StoryView.Field> out = new ArrayList<>();
        add(out, "uri", i.uri());
        add(out, "version", String.valueOf(s.version()));
        add(out, "source", s.source());
        add(out, "agency", i.agency());
        add(out, "language", i.language());
        add(out, "section", s.section() + (i.section() != null && !i.section().equals(s.section())
                ? " (" + t.get("story.field.declared", i.section()) + ")" : ""));
        add(out, "tags", String.join(", ", s.tags().stream().map(Tag::name).toList()));
        add(out, "byline", i.byline());
        add(out, "located", i.located());
        add(out, "slugline", i.slugline());
        add(out, "urgency", i.urgency() == null ? null : String.valueOf(i.urgency()));
        add(out, "firstcreated", time(i.firstCreated()));
        add(out, "versioncreated", time(i.versionCreated()));
        add(out, "received", time(s.createdAt()));
        add(out, "published", time(s.publishedAt()));
        add(out, "updated", time(s.updatedAt()));
        add(out, "embargo", time(s.embargoUntil() != null ? s.embargoUntil() : i.embargoed()));
        add(out, "ednote", i.ednote());
        return out;
    }

    private static void add(List<StoryView.Field> out, String key, String value) {
        if (value != null && !value.isBlank()) out.add(new StoryView.Field("story.field." + key, value));
    }

    /**
     * Each version with its difference from the copy before it. A stale version or one after a kill
     * never became the story's copy, so the next version is compared with the copy before it.
     */
    private List<StoryView.VersionRow> versionRows(Story s, List<VersionEntry> versions) {
        List<StoryView.VersionRow> out = new ArrayList<>(versions.size());
        FieldDiff.Copy before = null;
        boolean copyIsEdit = false;
        int diffFrom = Math.max(1, versions.size() - DIFFED_VERSIONS);
        for (int n = 0; n < versions.size(); n++) {
            VersionEntry v = versions.get(n);
            boolean edit = v.outcome() == OutcomeStatus.EDITED;
            boolean becameCopy = becameCopy(s, v, n);
            List<FieldDiff> diffs = before != null && n >= diffFrom ? FieldDiff.between(before, copy(v.item())) : List.of();
            out.add(new StoryView.VersionRow(v.version(), v.outcome().label(), v.reason(), time(v.receivedAt()),
                    v.deliveryId() == null ? null : "/desk/stories/" + s.id() + "/deliveries/" + v.deliveryId(),
                    v.name(), edit, becameCopy && !edit && copyIsEdit, diffs));
            if (becameCopy) {
                before = copy(v.item());
                copyIsEdit = edit;
            }
        }
        return out;
    }

    /** Whether this version became the story's copy (see StoryReads.showsEdit for the same rule in SQL). */
    private static boolean becameCopy(Story s, VersionEntry v, int n) {
        if (n == 0 || s.status() == Status.DUPLICATE) return true;
        return v.outcome() != OutcomeStatus.DUPLICATE && v.outcome() != OutcomeStatus.KILLED;
    }

    private static FieldDiff.Copy copy(NewsItem i) {
        return new FieldDiff.Copy(i.headline(), i.summary(), i.bodyHtml());
    }

    /** What changed since the refused form's page: the copy the editor saw against the copy now, and what was done. */
    private StoryView.Change change(Story s, List<VersionEntry> versions, List<StoryView.AuditRow> rows, String seen) {
        Optional<Integer> seenVersions = SeenToken.versions(seen);
        Optional<Integer> seenAudits = SeenToken.audits(seen);
        if (seenVersions.isEmpty() || seenAudits.isEmpty() || seenVersions.get() > versions.size()
                || seenAudits.get() > rows.size() || seenVersions.get() == 0) {
            return new StoryView.Change(List.of(), List.of(), false);
        }
        FieldDiff.Copy saw = null;
        for (int n = 0; n < seenVersions.get(); n++) {
            if (becameCopy(s, versions.get(n), n)) saw = copy(versions.get(n).item());
        }
        return new StoryView.Change(FieldDiff.between(saw, copy(s.item())),
                rows.subList(seenAudits.get(), rows.size()), true);
    }

    private List<StoryView.Link> copies(long id, DeskText t) {
        return fingerprints.duplicatesOf(id).stream().map(d -> new StoryView.Link(
                d.agency() != null ? d.agency() + " (" + d.source() + ")" : d.source(), "/desk/stories/" + d.storyId(),
                t.get("story.copy.kind." + ("exact".equals(d.kind()) ? "exact" : "near"),
                        Math.round(d.similarity() * 100)))).toList();
    }

    private StoryView.Link original(long id) {
        return fingerprints.originalOf(id).flatMap(stories::byId)
                .map(o -> new StoryView.Link(o.headline(), "/desk/stories/" + o.id(), o.source())).orElse(null);
    }

    /** Open kill advisories that name the story, alone or among candidates. */
    private List<StoryView.AdvisoryRow> advisories(Story s) {
        return advisories.open(s.source(), 500).stream()
                .filter(a -> a.candidates().contains(s.id()) || Long.valueOf(s.id()).equals(a.storyId()))
                .map(a -> new StoryView.AdvisoryRow(a.id(), a.source(), a.status(), abbreviate(a.text(), 400),
                        time(a.createdAt())))
                .toList();
    }

    private static StoryView.Actions actions(Status s) {
        return switch (s) {
            case PUBLISHED -> new StoryView.Actions(false, true, true, false, true, true);
            case HELD -> new StoryView.Actions(true, false, true, false, true, true);
            case EMBARGOED -> new StoryView.Actions(true, true, true, false, true, true);
            case KILLED -> new StoryView.Actions(false, false, false, true, false, false);
            case DUPLICATE -> new StoryView.Actions(true, false, true, false, false, false);
        };
    }

    private StoryView.AuditRow row(AuditEntry e, DeskText t) {
        String label = ACTIONS.contains(e.action()) ? t.get("story.action." + e.action()) : e.action();
        return new StoryView.AuditRow(e.action(), label, e.actor(), e.reason(), time(e.at()));
    }

    private String time(Instant at) {
        return at == null ? null : TIME.format(at.atZone(site.zone()));
    }

    static String abbreviate(String s, int max) {
        if (s == null || s.length() <= max) return s;
        int end = Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }
}
