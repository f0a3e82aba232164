package org.taar.web.desk;

import java.util.List;
import java.util.Set;
import org.taar.desk.AdminViews;
import org.taar.desk.DeskText;
import org.taar.desk.DeskViews;
import org.taar.desk.Role;
import org.taar.desk.TagEdits;
import org.taar.store.TagStore;

/**
 * Tags: the most used first with their story counts, searchable by name; an editor merges one
 * tag into another or renames one (the old address answers 301, the affected pages are rendered again).
 */
public final class TagPages {
    static final int LIMIT = 200;
    static final int MAX_SEARCH = 100;
    private static final Set<String> DONE = Set.of("merged", "renamed");

    private final TagStore tags;
    private final TagEdits edits;
    private final DeskPages pages;

    public TagPages(TagStore tags, TagEdits edits, DeskPages pages) {
        this.tags = tags;
        this.edits = edits;
        this.pages = pages;
    }

    public List<DeskRoute> routes() {
        return List.of(
                DeskRoute.get("/desk/tags", Role.VIEWER, this::list),
                DeskRoute.post("/desk/tags/merge", Role.EDITOR, this::merge),
                DeskRoute.post("/desk/tags/rename", Role.EDITOR, this::rename));
    }

    private DeskAnswer list(DeskRequest rq) {
        String done = rq.param("done");
        String notice = done != null && DONE.contains(done) ? rq.text().get("tags.done." + done) : null;
        return page(rq, 200, notice, null);
    }

    private DeskAnswer page(DeskRequest rq, int status, String notice, String error) {
        DeskText t = rq.text();
        String search = rq.param("q");
        if (search != null && search.length() > MAX_SEARCH) search = search.substring(0, MAX_SEARCH);
        List<AdminViews.Tag> shown = tags.counted(search, LIMIT).stream()
                .map(c -> new AdminViews.Tag(c.slug(), c.name(), c.stories())).toList();
        DeskViews.Frame f = pages.frame(rq, t.get("tags.title"), "tags", notice, error);
        return pages.render(status, "tags", new AdminViews.Tags(f, shown, search == null ? "" : search, shown.size(),
                tags.canonicalCount()));
    }

    private DeskAnswer merge(DeskRequest rq) {
        String refused = edits.merge(rq.field("from"), rq.field("into"), rq.who().name());
        return refused == null ? new DeskAnswer.Redirect("/desk/tags?done=merged") : page(rq, 400, null, refused);
    }

    private DeskAnswer rename(DeskRequest rq) {
        String refused = edits.rename(rq.field("slug"), rq.field("name"), rq.field("newslug"), rq.who().name());
        return refused == null ? new DeskAnswer.Redirect("/desk/tags?done=renamed") : page(rq, 400, null, refused);
    }
}
