package org.taar.web.desk;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.taar.desk.AdminViews;
import org.taar.desk.AdvisoryDecisions;
import org.taar.desk.DeskText;
import org.taar.desk.DeskViews;
import org.taar.desk.Role;
import org.taar.store.AdvisoryStore;
import org.taar.store.StoryReads;

/**
 * The kill advisories waiting for a person, each with the stories it may mean side by side; an
 * editor applies it to one of them (a kill, audited as the editor) or dismisses it.
 */
public final class AdvisoryPages {
    static final int LIMIT = 100;

    private final AdvisoryStore advisories;
    private final AdvisoryDecisions decisions;
    private final StoryReads stories;
    private final DeskPages pages;
    private final ZoneId zone;

    public AdvisoryPages(AdvisoryStore advisories, AdvisoryDecisions decisions, StoryReads stories, DeskPages pages,
                         ZoneId zone) {
        this.advisories = advisories;
        this.decisions = decisions;
        this.stories = stories;
        this.pages = pages;
        this.zone = zone;
    }

    public List<DeskRoute> routes() {
        return List.of(
                DeskRoute.get("/desk/advisories", Role.VIEWER, this::list),
                DeskRoute.post("/desk/advisories/([0-9]{1,18})/apply", Role.EDITOR, this::apply),
                DeskRoute.post("/desk/advisories/([0-9]{1,18})/dismiss", Role.EDITOR, this::dismiss));
    }

    private DeskAnswer list(DeskRequest rq) {
        DeskText t = rq.text();
        List<AdminViews.Advisory> shown = new ArrayList<>();
        for (AdvisoryStore.Advisory a : advisories.open(null, LIMIT)) {
            List<AdminViews.Candidate> candidates = new ArrayList<>();
            for (long id : a.candidates()) {
                stories.byId(id).ifPresent(s -> candidates.add(new AdminViews.Candidate(s.id(), s.headline(), s.uri(),
                        s.status().label(), s.source())));
            }
            shown.add(new AdminViews.Advisory(a.id(), a.source(), a.status(), a.text(),
                    AdminViews.when(a.createdAt(), zone), candidates));
        }
        String done = rq.param("done");
        String notice = "applied".equals(done) ? t.get("advisories.done.applied")
                : "dismissed".equals(done) ? t.get("advisories.done.dismissed") : null;
        String error = "decided".equals(rq.param("error")) ? t.get("advisories.error.decided") : null;
        DeskViews.Frame f = pages.frame(rq, t.get("advisories.title"), "advisories", notice, error);
        return pages.render(200, "advisories", new AdminViews.Advisories(f, shown));
    }

    private DeskAnswer apply(DeskRequest rq) {
        long story;
        try {
            story = Long.parseLong(rq.field("story") == null ? "" : rq.field("story"));
        } catch (NumberFormatException e) {
            return pages.message(400, rq.who(), rq.text(), "error.bad", rq.text().get("advisories.error.story"));
        }
        return answer(rq, decisions.apply(rq.id(1), story, rq.who().name()), "applied");
    }

    private DeskAnswer dismiss(DeskRequest rq) {
        return answer(rq, decisions.dismiss(rq.id(1), rq.who().name()), "dismissed");
    }

    private DeskAnswer answer(DeskRequest rq, AdvisoryDecisions.Decided d, String done) {
        return switch (d.kind()) {
            case DONE -> new DeskAnswer.Redirect("/desk/advisories?done=" + done);
            // Decided already (a double submit, or another editor first): nothing more happens.
            case NOT_FOUND -> new DeskAnswer.Redirect("/desk/advisories?error=decided");
            case CONFLICT -> pages.message(409, rq.who(), rq.text(), "advisories.error.conflict", d.message());
        };
    }
}
