package org.taar.web.desk;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.taar.desk.Role;
import org.taar.desk.StoryActions;
import org.taar.desk.StoryDeliveries;
import org.taar.desk.StoryEdits;
import org.taar.desk.StoryFile;
import org.taar.desk.StoryView;

/**
 * A story's desk page and its actions. Every action is a form posting the CSRF token and the
 * {@code seen} token of the page it came from; it answers 303 back to the page with a notice,
 * or the page again with the reason it was refused (409 when the story changed meanwhile, with
 * what changed; 400 for a form that cannot be acted on).
 */
public final class StoryPages {
    private static final String ID = "/desk/stories/([0-9]{1,18})";
    /** What ?done= may say: the notices the page knows. */
    private static final Set<String> DONE = Set.of("publish", "hold", "kill", "restore", "edit", "schedule", "unchanged");
    /** Refusals that are the form's fault, not the story's state. */
    private static final Set<String> FORM_ERRORS = Set.of("story.error.reason", "story.error.long", "story.error.time",
            "story.error.past", "story.error.far", "story.error.headline", "story.error.section", "story.error.tags");

    private final DeskPages pages;
    private final StoryFile file;
    private final StoryDeliveries deliveries;
    private final StoryActions actions;
    private final ZoneId zone;

    public StoryPages(DeskPages pages, StoryFile file, StoryDeliveries deliveries, StoryActions actions, ZoneId zone) {
        this.pages = pages;
        this.file = file;
        this.deliveries = deliveries;
        this.actions = actions;
        this.zone = zone;
    }

    public List<DeskRoute> routes() {
        return List.of(
                DeskRoute.get(ID, Role.VIEWER, this::page),
                DeskRoute.get(ID + "/deliveries/([0-9]{1,18})", Role.VIEWER, this::delivery),
                DeskRoute.post(ID + "/publish", Role.EDITOR, rq -> done(rq, "publish",
                        actions.publish(rq.id(1), rq.rawField("seen"), rq.who().name(), rq.field("reason")))),
                DeskRoute.post(ID + "/hold", Role.EDITOR, rq -> done(rq, "hold",
                        actions.hold(rq.id(1), rq.rawField("seen"), rq.who().name(), rq.field("reason")))),
                DeskRoute.post(ID + "/kill", Role.EDITOR, rq -> done(rq, "kill",
                        actions.kill(rq.id(1), rq.rawField("seen"), rq.who().name(), rq.field("reason")))),
                DeskRoute.post(ID + "/restore", Role.EDITOR, rq -> done(rq, "restore",
                        actions.restore(rq.id(1), rq.rawField("seen"), rq.who().name(), rq.field("reason")))),
                DeskRoute.post(ID + "/schedule", Role.EDITOR, rq -> done(rq, "schedule",
                        actions.schedule(rq.id(1), rq.rawField("seen"), rq.who().name(), time(rq.field("at")),
                                rq.field("reason")))),
                DeskRoute.post(ID + "/edit", Role.EDITOR, this::edit));
    }

    private DeskAnswer page(DeskRequest rq) {
        String done = rq.param("done");
        String notice = done != null && DONE.contains(done) ? rq.text().get("story.done." + done) : null;
        return render(rq, 200, notice, null, null, null);
    }

    private DeskAnswer delivery(DeskRequest rq) throws Exception {
        Optional<StoryDeliveries.Download> d = deliveries.download(rq.id(1), rq.id(2));
        if (d.isEmpty()) return notFound(rq);
        String name = d.get().name() != null && !d.get().name().isBlank() ? d.get().name() : "delivery-" + rq.id(2);
        return new DeskAnswer.File("application/octet-stream", name, d.get().bytes());
    }

    private DeskAnswer edit(DeskRequest rq) {
        StoryEdits.Form form = new StoryEdits.Form(rq.field("headline"), rq.field("summary"), rq.rawField("body"),
                rq.field("section"), rq.field("tags"), rq.field("reason"));
        StoryView.EditForm again = new StoryView.EditForm(rq.rawField("headline"), rq.rawField("summary"),
                rq.rawField("body"), rq.field("section"), rq.rawField("tags"));
        return done(rq, "edit", actions.edit(rq.id(1), rq.rawField("seen"), rq.who().name(), form), again);
    }

    private DeskAnswer done(DeskRequest rq, String action, StoryActions.Result r) {
        return done(rq, action, r, null);
    }

    /** After an action: back to the page with a notice, or the page again saying why nothing was done. */
    private DeskAnswer done(DeskRequest rq, String action, StoryActions.Result r, StoryView.EditForm posted) {
        long id = rq.id(1);
        return switch (r.kind()) {
            case DONE -> new DeskAnswer.Redirect("/desk/stories/" + id + "?done=" + action);
            case UNCHANGED -> new DeskAnswer.Redirect("/desk/stories/" + id + "?done=unchanged");
            case NOT_FOUND -> notFound(rq);
            case STALE -> render(rq, 409, null, rq.text().get(r.message()), rq.rawField("seen"), posted);
            case REFUSED -> render(rq, FORM_ERRORS.contains(r.message()) ? 400 : 409, null,
                    rq.text().get(r.message()) + (r.detail() != null ? " (" + r.detail() + ")" : ""), null, posted);
        };
    }

    private DeskAnswer render(DeskRequest rq, int status, String notice, String error, String refusedSeen,
                              StoryView.EditForm posted) {
        // The page's title is the story's headline: the template escapes it like every other text.
        Optional<StoryView.Page> page = file.page(rq.id(1), headline -> pages.frame(rq, headline, "queue", notice, error),
                refusedSeen, posted);
        return page.isEmpty() ? notFound(rq) : pages.render(status, "story", page.get());
    }

    private DeskAnswer notFound(DeskRequest rq) {
        return pages.message(404, rq.who(), rq.text(), "error.notfound", rq.text().get("story.notfound"));
    }

    /** A release time as the form's datetime-local sends it, in the site's zone; null when it is not one. */
    private Instant time(String value) {
        if (value == null || value.length() > 40) return null;
        try {
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
