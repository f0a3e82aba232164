package org.taar.web.desk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.taar.config.Config;
import org.taar.desk.DeskText;
import org.taar.desk.DeskViews;
import org.taar.desk.Role;
import org.taar.desk.RuleChanges;
import org.taar.desk.RuleView;
import org.taar.rules.Decision;
import org.taar.rules.DryRun;
import org.taar.store.RuleStore;

/**
 * The routing rules at {@code /desk/rules}: taar.yml's (read only) and the stored ones in the
 * order they run, for everyone; for admins, forms to add, edit, move, switch on or off and remove a
 * stored rule. Every change goes to {@code /desk/rules/preview} first, which checks it and shows
 * what it would have decided differently over the last received stories, and is saved from there
 * with {@code /desk/rules/save}, only if the rules are still those the preview was made from.
 */
public final class RulePages {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    /** The change log shown under the rules. */
    static final int CHANGES_SHOWN = 20;

    private final RuleStore store;
    private final RuleChanges changes;
    private final DeskPages pages;
    private final Config config;
    private final ZoneId zone;

    public RulePages(RuleStore store, RuleChanges changes, DeskPages pages, Config config) {
        this.store = store;
        this.changes = changes;
        this.pages = pages;
        this.config = config;
        this.zone = config.site().zone();
    }

    public List<DeskRoute> routes() {
        return List.of(
                DeskRoute.get("/desk/rules", Role.VIEWER, this::page),
                DeskRoute.post("/desk/rules/preview", Role.ADMIN, this::preview),
                DeskRoute.post("/desk/rules/save", Role.ADMIN, this::save));
    }

    private DeskAnswer page(DeskRequest rq) {
        DeskText t = rq.text();
        String saved = rq.param("saved");
        String notice = saved != null && RuleChanges.Kind.of(saved).isPresent() ? t.get("rules.saved." + saved) : null;
        DeskViews.Frame f = pages.frame(rq, t.get("rules.title"), "rules", notice, null);
        List<RuleView.Configured> configured = new ArrayList<>();
        JsonNode yaml = config.routing().rules();
        if (yaml.isArray()) {
            for (JsonNode rule : yaml) {
                JsonNode shown = rule.deepCopy();
                if (shown instanceof ObjectNode o) o.remove("name");
                configured.add(new RuleView.Configured(rule.path("name").asText(""), pretty(shown)));
            }
        }
        List<RuleStore.Entry> entries = store.list();
        List<RuleView.Stored> stored = new ArrayList<>();
        for (RuleStore.Entry e : entries) {
            stored.add(new RuleView.Stored(e.name(), e.position(), e.enabled(), pretty(e.definition()),
                    e.position() == 1, e.position() == entries.size()));
        }
        List<RuleView.Logged> log = new ArrayList<>();
        for (RuleStore.Change c : store.changes(CHANGES_SHOWN)) {
            log.add(new RuleView.Logged(time(c.at()), c.at().toString(), c.actor(), c.rule(),
                    t.get("rules.kind." + c.what()), "move".equals(c.what()) ? t.get("rules.to", c.detail()) : null));
        }
        return pages.render(200, "rules", new RuleView.Page(f, configured, stored, log, f.may("admin"),
                RuleChanges.DEFAULT_ITEMS, DryRun.MAX_ITEMS));
    }

    private DeskAnswer preview(DeskRequest rq) {
        RuleChanges.Request change = request(rq);
        int n = items(rq.field("n"));
        RuleChanges.Preview p = changes.preview(change, n);
        return render(rq, p.saveable() ? 200 : 422, p, n, null);
    }

    private DeskAnswer save(DeskRequest rq) {
        RuleChanges.Request change = request(rq);
        int n = items(rq.field("n"));
        RuleChanges.Saved s = changes.save(change, rq.field("seen"), rq.who().name(), n);
        return switch (s.outcome()) {
            case SAVED -> new DeskAnswer.Redirect("/desk/rules?saved=" + change.kind().label());
            case STALE -> render(rq, 409, s.preview(), n, rq.text().get("rules.stale"));
            case REFUSED -> render(rq, 422, s.preview(), n, rq.text().get("rules.refused"));
        };
    }

    private static RuleChanges.Request request(DeskRequest rq) {
        RuleChanges.Kind kind = RuleChanges.Kind.of(rq.field("kind")).orElse(null);
        // A stored name is matched exactly as written; a new one loses the spaces around it.
        String raw = rq.rawField("name");
        String name = kind == RuleChanges.Kind.ADD || raw == null || raw.isEmpty() ? rq.field("name") : raw;
        String definition = rq.rawField("definition");
        if (definition != null && definition.isBlank()) definition = null;
        Integer place = null;
        String p = rq.field("place");
        if (p != null && p.matches("-?[0-9]{1,6}")) place = Integer.parseInt(p);
        return new RuleChanges.Request(kind, name, definition, place);
    }

    /** The dry run's size: the default when absent or not a number, else within 1 and the cap. */
    static int items(String n) {
        if (n == null || !n.matches("[0-9]{1,9}")) return RuleChanges.DEFAULT_ITEMS;
        return Math.max(1, Math.min(Integer.parseInt(n), DryRun.MAX_ITEMS));
    }

    private DeskAnswer render(DeskRequest rq, int status, RuleChanges.Preview p, int n, String error) {
        DeskText t = rq.text();
        RuleChanges.Request r = p.request();
        String kind = r.kind() == null ? null : r.kind().label();
        String what = kind == null ? t.get("rules.refused.kind")
                : t.get("rules.what." + kind, r.name() == null ? "" : r.name(), r.place() == null ? "" : r.place());
        DeskViews.Frame f = pages.frame(rq, t.get("rules.preview.title"), "rules", null, error);
        List<RuleView.Shift> shifts = new ArrayList<>();
        List<RuleView.Changed> changed = new ArrayList<>();
        DryRun.Report report = p.report();
        if (report != null) {
            for (DryRun.Shift s : report.shifts()) {
                shifts.add(new RuleView.Shift(action(t, s.from()), action(t, s.to()), s.versions()));
            }
            for (DryRun.Change c : report.changes()) {
                changed.add(new RuleView.Changed(c.headline() == null || c.headline().isBlank() ? t.get("queue.untitled")
                        : c.headline(), "/desk/stories/" + c.storyId(), c.version(), c.source(), time(c.receivedAt()),
                        c.receivedAt().toString(), side(t, c.before()), side(t, c.after())));
            }
        }
        RuleView.Preview view = new RuleView.Preview(f, what, kind, r.name(), r.definition(), r.place(), n,
                DryRun.MAX_ITEMS, p.seen(), p.refusal() == null ? null : t.get(p.refusal()), p.problems(),
                report != null, report == null ? 0 : report.asked(), report == null ? 0 : report.examined(),
                report != null && report.cut(), shifts, changed, report == null ? List.of() : report.problems());
        return pages.render(status, "rulepreview", view);
    }

    private static RuleView.Side side(DeskText t, Decision d) {
        List<String> edits = new ArrayList<>();
        if (d.edits().section() != null) edits.add(t.get("rules.edits.section", d.edits().section()));
        if (!d.edits().tags().isEmpty()) edits.add(t.get("rules.edits.tags", String.join(", ", d.edits().tags())));
        if (d.edits().disclaimer() != null) edits.add(t.get("rules.edits.disclaimer", d.edits().disclaimer()));
        return new RuleView.Side(d.action().name().toLowerCase(Locale.ROOT), action(t, d.action()), d.rule(),
                d.reason(), edits.isEmpty() ? null : String.join(" · ", edits));
    }

    private static String action(DeskText t, Decision.Action a) {
        return t.get("rules.action." + a.name().toLowerCase(Locale.ROOT));
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }

    /** A definition indented for reading; as written when it is not JSON. */
    private static String pretty(String json) {
        try {
            return pretty(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }
}
