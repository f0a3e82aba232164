package org.taar.web.desk;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.desk.AdminViews;
import org.taar.desk.DeskText;
import org.taar.desk.DeskViews;
import org.taar.desk.Role;
import org.taar.desk.SourceForm;
import org.taar.intake.Poller;
import org.taar.store.PushKeys;
import org.taar.store.SourceHealth;
import org.taar.store.SourceStore;
import org.taar.story.Outcome;

/**
 * Sources: every polled source's health, for everyone at the desk; for admins, adding and editing
 * a polled source, pausing and resuming one, "fetch now" with what came back, and push keys
 * (created and shown once, listed without the key, revoked). Licence flags live in taar.yml and
 * are shown as they are there.
 */
public final class SourcePages {
    private static final Logger log = LoggerFactory.getLogger(SourcePages.class);
    static final String NAME = "([A-Za-z0-9][A-Za-z0-9_.-]{0,63})";
    private static final Set<String> DONE = Set.of("added", "edited", "paused", "resumed", "revoked");

    private final SourceStore sources;
    private final PushKeys keys;
    private final Poller poller;
    private final Config config;
    private final SourceForm form;
    private final DeskPages pages;
    private final Clock clock;
    private final ZoneId zone;

    public SourcePages(SourceStore sources, PushKeys keys, Poller poller, Config config, SourceForm form,
                       DeskPages pages, Clock clock) {
        this.sources = sources;
        this.keys = keys;
        this.poller = poller;
        this.config = config;
        this.form = form;
        this.pages = pages;
        this.clock = clock;
        this.zone = config.site().zone();
    }

    public List<DeskRoute> routes() {
        return List.of(
                DeskRoute.get("/desk/sources", Role.VIEWER, this::list),
                DeskRoute.post("/desk/sources", Role.ADMIN, this::add),
                DeskRoute.get("/desk/sources/" + NAME + "/edit", Role.ADMIN, this::editForm),
                DeskRoute.post("/desk/sources/" + NAME + "/edit", Role.ADMIN, this::edit),
                DeskRoute.post("/desk/sources/" + NAME + "/pause", Role.ADMIN, rq -> pause(rq, false)),
                DeskRoute.post("/desk/sources/" + NAME + "/resume", Role.ADMIN, rq -> pause(rq, true)),
                DeskRoute.post("/desk/sources/" + NAME + "/fetch", Role.ADMIN, this::fetch),
                DeskRoute.post("/desk/keys", Role.ADMIN, this::createKey),
                DeskRoute.post("/desk/keys/([0-9]{1,18})/revoke", Role.ADMIN, this::revokeKey));
    }

    private DeskAnswer list(DeskRequest rq) {
        String done = rq.param("done");
        String notice = done != null && DONE.contains(done) ? rq.text().get("sources.done." + done) : null;
        return page(rq, 200, notice, null, AdminViews.SourceForm.empty(), null, null, null);
    }

    private DeskAnswer page(DeskRequest rq, int status, String notice, String error, AdminViews.SourceForm typed,
                            String newKey, String newKeySource, AdminViews.Fetched fetched) {
        DeskText t = rq.text();
        DeskViews.Frame f = pages.frame(rq, t.get("sources.title"), "sources", notice, error);
        List<AdminViews.Source> rows = new ArrayList<>();
        for (SourceHealth h : sources.list(clock.instant())) rows.add(row(h));
        List<AdminViews.Key> listed = new ArrayList<>();
        for (PushKeys.Listed k : keys.list()) {
            if (k.role() != PushKeys.Role.PUSH) continue;
            listed.add(new AdminViews.Key(k.id(), k.name(), AdminViews.when(k.created(), zone),
                    AdminViews.when(k.lastUsed(), zone)));
        }
        return pages.render(status, "sources", new AdminViews.Sources(f, rows, listed, form.formats(), typed, newKey,
                newKeySource, fetched));
    }

    private AdminViews.Source row(SourceHealth h) {
        Config.Source configured = config.sources().get(h.name());
        AdminViews.Licence licence = configured == null ? new AdminViews.Licence(true, false, false)
                : new AdminViews.Licence(configured.web(), configured.fullTextInFeeds(), configured.publishDuplicates());
        return new AdminViews.Source(h.name(), shown(h.url()), h.format() == null ? "" : h.format(),
                h.interval().toSeconds(), h.state(), h.origin(), h.enabled(), AdminViews.when(h.lastSuccessAt(), zone),
                AdminViews.when(h.lastErrorAt(), zone), h.lastError() == null ? "" : h.lastError(),
                h.consecutiveFailures(), h.itemsLast24h(), h.enabled() ? AdminViews.when(h.nextPollAt(), zone) : "",
                licence);
    }

    /** A URL as anyone at the desk may see it: a desk source's query values may be an agency's token. */
    static String shown(String url) {
        try {
            return Poller.redact(new URI(url));
        } catch (Exception e) {
            return "";
        }
    }

    private DeskAnswer add(DeskRequest rq) {
        AdminViews.SourceForm typed = typed(rq, rq.field("name"));
        SourceForm.Checked c = form.check(typed.name(), typed.url(), typed.format(), typed.interval());
        String error = c.error();
        if (error == null && config.sources().containsKey(c.entry().name())) {
            error = rq.text().get("sources.error.configured");
        } else if (error == null && !sources.addFromDesk(c.entry())) {
            error = rq.text().get("sources.error.exists");
        }
        if (error != null) return page(rq, 400, null, error, clipped(typed), null, null, null);
        log.info("desk source added name={} by={}", c.entry().name(), rq.who().name());
        return new DeskAnswer.Redirect("/desk/sources?done=added");
    }

    private DeskAnswer editForm(DeskRequest rq) {
        String name = rq.path().group(1);
        Optional<SourceHealth> h = sources.find(name, clock.instant()).filter(s -> "desk".equals(s.origin()));
        if (h.isEmpty()) return notDesk(rq);
        SourceHealth s = h.get();
        return editPage(rq, 200, null, new AdminViews.SourceForm(name, s.url(), s.format() == null ? "" : s.format(),
                String.valueOf(s.interval().toSeconds())));
    }

    private DeskAnswer editPage(DeskRequest rq, int status, String error, AdminViews.SourceForm typed) {
        DeskViews.Frame f = pages.frame(rq, rq.text().get("sources.edit.title", typed.name()), "sources", null, error);
        return pages.render(status, "sourceedit", new AdminViews.SourceEdit(f, typed.name(), typed, form.formats()));
    }

    private DeskAnswer edit(DeskRequest rq) {
        String name = rq.path().group(1);
        if (sources.find(name, clock.instant()).filter(s -> "desk".equals(s.origin())).isEmpty()) return notDesk(rq);
        AdminViews.SourceForm typed = typed(rq, name);
        SourceForm.Checked c = form.check(name, typed.url(), typed.format(), typed.interval());
        if (c.error() != null) return editPage(rq, 400, c.error(), clipped(typed));
        if (!sources.editFromDesk(c.entry())) return notDesk(rq);
        log.info("desk source edited name={} by={}", name, rq.who().name());
        return new DeskAnswer.Redirect("/desk/sources?done=edited");
    }

    private DeskAnswer notDesk(DeskRequest rq) {
        return pages.message(404, rq.who(), rq.text(), "error.notfound", rq.text().get("sources.error.notdesk"));
    }

    private DeskAnswer pause(DeskRequest rq, boolean resume) {
        String name = rq.path().group(1);
        if (!sources.setEnabled(name, resume)) {
            return pages.message(404, rq.who(), rq.text(), "error.notfound", rq.text().get("sources.error.none"));
        }
        log.info("source {} name={} by={}", resume ? "resumed" : "paused", name, rq.who().name());
        return new DeskAnswer.Redirect("/desk/sources?done=" + (resume ? "resumed" : "paused"));
    }

    /** Fetches the source once, now, and shows the result on the page (a redirect would lose it). */
    private DeskAnswer fetch(DeskRequest rq) {
        String name = rq.path().group(1);
        Poller.PollResult r;
        try {
            r = poller.poll(name);
        } catch (IllegalArgumentException e) {
            return pages.message(404, rq.who(), rq.text(), "error.notfound", rq.text().get("sources.error.none"));
        } catch (Exception e) {
            log.warn("fetch now of {} failed: {}", name, e.toString());
            return page(rq, 500, null, rq.text().get("sources.error.fetch"), AdminViews.SourceForm.empty(), null, null,
                    null);
        }
        log.info("fetch now name={} outcome={} by={}", name, r.outcome(), rq.who().name());
        List<AdminViews.FetchedItem> items = new ArrayList<>();
        for (Outcome o : r.outcomes()) {
            items.add(new AdminViews.FetchedItem(o.uri() == null ? "" : o.uri(), o.status().label(),
                    o.url() == null ? "" : o.url(), o.reason() == null ? "" : o.reason()));
        }
        AdminViews.Fetched fetched = new AdminViews.Fetched(name, r.outcome(), r.error(), r.warnings(), items,
                AdminViews.when(r.nextPollAt(), zone));
        return page(rq, 200, null, null, AdminViews.SourceForm.empty(), null, null, fetched);
    }

    /** Creates a push key and shows it on this one page; the store keeps only its hash. */
    private DeskAnswer createKey(DeskRequest rq) {
        String source = rq.field("source");
        String bad = SourceForm.badName(source);
        if (bad != null) return page(rq, 400, null, bad, AdminViews.SourceForm.empty(), null, null, null);
        String key = keys.create(source.strip(), PushKeys.Role.PUSH);
        log.info("push key created source={} by={}", source.strip(), rq.who().name());
        return page(rq, 200, rq.text().get("sources.key.created", source.strip()), null, AdminViews.SourceForm.empty(),
                key, source.strip(), null);
    }

    private DeskAnswer revokeKey(DeskRequest rq) {
        long id = rq.id(1);
        // Only a push key: editors' keys are not this page's to revoke.
        boolean push = keys.list().stream().anyMatch(k -> k.id() == id && k.role() == PushKeys.Role.PUSH);
        if (!push || !keys.revoke(id)) return new DeskAnswer.Redirect("/desk/sources?done=revoked");
        log.info("push key {} revoked by={}", id, rq.who().name());
        return new DeskAnswer.Redirect("/desk/sources?done=revoked");
    }

    private static AdminViews.SourceForm typed(DeskRequest rq, String name) {
        return new AdminViews.SourceForm(orEmpty(name), orEmpty(rq.field("url")), orEmpty(rq.field("format")),
                orEmpty(rq.field("interval")));
    }

    /** The refused form shown again, each field cut to a sane length (a 10,000-character name stays out). */
    private static AdminViews.SourceForm clipped(AdminViews.SourceForm f) {
        return new AdminViews.SourceForm(clip(f.name(), 64), clip(f.url(), SourceForm.MAX_URL), clip(f.format(), 32),
                clip(f.interval(), 12));
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
