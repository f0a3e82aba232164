package org.taar.web.desk;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.desk.Accounts;
import org.taar.desk.AdminViews;
import org.taar.desk.DeskViews;
import org.taar.desk.Role;
import org.taar.store.DeskUsers;

/**
 * Users, for admins: add one (with a password typed or generated and shown once), change a role,
 * disable or enable, set a new password. An admin cannot disable or demote themself.
 */
public final class UserPages {
    private static final Logger log = LoggerFactory.getLogger(UserPages.class);
    private static final Set<String> DONE = Set.of("added", "role", "disabled", "enabled", "password");

    private final Accounts accounts;
    private final DeskPages pages;
    private final ZoneId zone;

    public UserPages(Accounts accounts, DeskPages pages, ZoneId zone) {
        this.accounts = accounts;
        this.pages = pages;
        this.zone = zone;
    }

    public List<DeskRoute> routes() {
        String user = "/desk/users/([0-9]{1,18})/";
        return List.of(
                DeskRoute.get("/desk/users", Role.ADMIN, this::list),
                DeskRoute.post("/desk/users", Role.ADMIN, this::add),
                DeskRoute.post(user + "role", Role.ADMIN, this::role),
                DeskRoute.post(user + "disable", Role.ADMIN, rq -> disable(rq, true)),
                DeskRoute.post(user + "enable", Role.ADMIN, rq -> disable(rq, false)),
                DeskRoute.post(user + "password", Role.ADMIN, this::password));
    }

    private DeskAnswer list(DeskRequest rq) {
        String done = rq.param("done");
        String notice = done != null && DONE.contains(done) ? rq.text().get("users.done." + done) : null;
        return page(rq, 200, notice, null, null, null, "", "editor");
    }

    private DeskAnswer page(DeskRequest rq, int status, String notice, String error, String passwordFor,
                            String password, String formName, String formRole) {
        DeskViews.Frame f = pages.frame(rq, rq.text().get("users.title"), "users", notice, error);
        List<AdminViews.User> users = accounts.all().stream()
                .map(u -> new AdminViews.User(u.id(), u.name(), u.role(), u.disabled(), AdminViews.when(u.created(), zone),
                        u.name().equals(rq.who().name())))
                .toList();
        return pages.render(status, "users", new AdminViews.Users(f, users, passwordFor, password, formName, formRole));
    }

    private DeskAnswer add(DeskRequest rq) {
        String name = rq.field("name");
        String role = rq.field("role");
        String typed = rq.rawField("password");
        boolean generate = typed == null || typed.isEmpty();
        String password = generate ? accounts.generatePassword() : typed;
        String refused = accounts.add(name, role, password);
        if (refused != null) {
            String keep = name == null ? "" : name.length() > 64 ? name.substring(0, 64) : name;
            return page(rq, 400, null, refused, null, null, keep, role == null ? "editor" : role);
        }
        log.info("desk user added name={} role={} by={}", name, role, rq.who().name());
        if (!generate) return new DeskAnswer.Redirect("/desk/users?done=added");
        return page(rq, 200, rq.text().get("users.done.added"), null, name, password, "", "editor");
    }

    private Optional<DeskUsers.User> user(DeskRequest rq) {
        long id = rq.id(1);
        return accounts.all().stream().filter(u -> u.id() == id).findFirst();
    }

    private DeskAnswer missing(DeskRequest rq) {
        return pages.message(404, rq.who(), rq.text(), "error.notfound", rq.text().get("users.error.none"));
    }

    private DeskAnswer role(DeskRequest rq) {
        Optional<DeskUsers.User> u = user(rq);
        if (u.isEmpty()) return missing(rq);
        String refused = accounts.setRole(rq.who().name(), u.get().name(), rq.field("role"));
        if (refused != null) return page(rq, 400, null, refused, null, null, "", "editor");
        log.info("desk user role name={} role={} by={}", u.get().name(), rq.field("role"), rq.who().name());
        return new DeskAnswer.Redirect("/desk/users?done=role");
    }

    private DeskAnswer disable(DeskRequest rq, boolean disabled) {
        Optional<DeskUsers.User> u = user(rq);
        if (u.isEmpty()) return missing(rq);
        String refused = accounts.setDisabled(rq.who().name(), u.get().name(), disabled);
        if (refused != null) return page(rq, 400, null, refused, null, null, "", "editor");
        log.info("desk user {} name={} by={}", disabled ? "disabled" : "enabled", u.get().name(), rq.who().name());
        return new DeskAnswer.Redirect("/desk/users?done=" + (disabled ? "disabled" : "enabled"));
    }

    /** Sets the typed password, or a generated one shown once; the user's sessions end either way. */
    private DeskAnswer password(DeskRequest rq) {
        Optional<DeskUsers.User> u = user(rq);
        if (u.isEmpty()) return missing(rq);
        String typed = rq.rawField("password");
        boolean generate = typed == null || typed.isEmpty();
        String password = generate ? accounts.generatePassword() : typed;
        String refused = accounts.setPassword(u.get().name(), password);
        if (refused != null) return page(rq, 400, null, refused, null, null, "", "editor");
        log.info("desk user password set name={} by={}", u.get().name(), rq.who().name());
        // Setting your own password ends your own session too: sign in again with it.
        if (u.get().name().equals(rq.who().name())) return new DeskAnswer.Redirect("/desk/login");
        if (!generate) return new DeskAnswer.Redirect("/desk/users?done=password");
        return page(rq, 200, rq.text().get("users.done.password"), null, u.get().name(), password, "", "editor");
    }
}
