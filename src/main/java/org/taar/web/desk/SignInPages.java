package org.taar.web.desk;

import java.util.List;
import org.eclipse.jetty.http.HttpCookie;
import org.taar.desk.DeskAccess;
import org.taar.desk.DeskText;
import org.taar.desk.DeskViews;
import org.taar.desk.Role;

/**
 * Signing in and out, and choosing the desk's language. The sign-in form, which has no session
 * yet, carries a token that must equal a short-lived cookie set with the form (a double submit),
 * so another site cannot sign a browser in to an account of its choosing.
 */
public final class SignInPages {
    static final String FORM_COOKIE = "taar_signin";

    private final DeskAccess access;
    private final DeskPages pages;

    public SignInPages(DeskAccess access, DeskPages pages) {
        this.access = access;
        this.pages = pages;
    }

    public List<DeskRoute> routes() {
        return List.of(
                DeskRoute.get("/desk/login", null, this::form),
                DeskRoute.post("/desk/login", null, this::signIn),
                DeskRoute.post("/desk/logout", Role.VIEWER, this::signOut),
                DeskRoute.get("/desk/language", null, this::language));
    }

    private DeskAnswer form(DeskRequest rq) {
        if (rq.who() != null) return new DeskAnswer.Redirect(next(rq.param("next")));
        return form(rq, 200, null, null);
    }

    private DeskAnswer form(DeskRequest rq, int status, String username, String error) {
        String token = access.token();
        DeskViews.Frame f = pages.frame(rq, rq.text().get("signin.title"), null, null, error);
        DeskAnswer page = pages.render(status, "signin", new DeskViews.SignIn(f, username == null ? "" : username, token,
                nextOrNull(rq.param("next") != null ? rq.param("next") : rq.field("next"))));
        HttpCookie cookie = HttpCookie.build(FORM_COOKIE, token).path("/desk/login").httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT).secure(DeskEndpoint.secure(rq.request())).maxAge(3600).build();
        return new DeskAnswer.WithCookies(List.of(cookie), page);
    }

    private DeskAnswer signIn(DeskRequest rq) {
        String expected = DeskEndpoint.cookie(rq.request(), FORM_COOKIE);
        String presented = rq.rawField("csrf");
        if (expected == null || presented == null || !java.security.MessageDigest.isEqual(
                expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            return form(rq, 403, rq.field("username"), rq.text().get("signin.expired"));
        }
        String name = rq.field("username");
        DeskAccess.SignIn result = access.signIn(name, rq.rawField("password"), rq.address(),
                DeskEndpoint.cookie(rq.request(), DeskEndpoint.SESSION_COOKIE));
        DeskText t = rq.text();
        return switch (result.outcome()) {
            case SLOWED -> form(rq, 429, name, t.get("signin.slowed", result.retryAfterSeconds()));
            case REFUSED -> form(rq, 401, name, t.get("signin.wrong"));
            case SIGNED_IN -> new DeskAnswer.WithCookies(List.of(sessionCookie(rq, result.token(), -1),
                    HttpCookie.build(FORM_COOKIE, "").path("/desk/login").maxAge(0).build()),
                    new DeskAnswer.Redirect(next(rq.field("next"))));
        };
    }

    private DeskAnswer signOut(DeskRequest rq) {
        access.signOut(rq.who());
        return new DeskAnswer.WithCookies(List.of(sessionCookie(rq, "", 0)), new DeskAnswer.Redirect("/desk/login"));
    }

    private DeskAnswer language(DeskRequest rq) {
        String to = rq.param("to");
        if (to == null || !DeskText.LANGUAGES.contains(to)) return new DeskAnswer.Redirect("/desk/");
        HttpCookie c = HttpCookie.build(DeskEndpoint.LANGUAGE_COOKIE, to).path("/desk").httpOnly(true)
                .sameSite(HttpCookie.SameSite.LAX).maxAge(365L * 24 * 3600).build();
        return new DeskAnswer.WithCookies(List.of(c), new DeskAnswer.Redirect("/desk/"));
    }

    /** The session cookie: never readable by script, sent on top-level navigations only, Secure behind HTTPS. */
    private static HttpCookie sessionCookie(DeskRequest rq, String value, long maxAge) {
        return HttpCookie.build(DeskEndpoint.SESSION_COOKIE, value).path("/desk").httpOnly(true)
                .sameSite(HttpCookie.SameSite.LAX).secure(DeskEndpoint.secure(rq.request())).maxAge(maxAge).build();
    }

    /** Where to go after signing in: a desk path only, so the form cannot send anyone to another site. */
    static String next(String next) {
        String n = nextOrNull(next);
        return n == null ? "/desk/" : n;
    }

    private static String nextOrNull(String next) {
        if (next == null || !next.startsWith("/desk/") || next.contains("//") || next.contains("\\")
                || next.length() > 500 || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return next;
    }
}
