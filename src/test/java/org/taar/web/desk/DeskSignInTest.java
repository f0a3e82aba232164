package org.taar.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.MutableClock;
import org.taar.TestEngines;

/** Signing in and out of the desk over real HTTP: cookies, CSRF, rotation, the slowing of floods, disabled users. */
class DeskSignInTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void signInSetsAStrictSessionCookieThatSignOutEnds(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(java.time.Instant.parse("2026-12-01T10:00:00Z")))) {
            assertThat(app.accounts.add("asha", "editor", "correct horse battery")).isNull();
            String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            DeskClient browser = new DeskClient(base);

            HttpResponse<String> form = browser.get("/desk/login");
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.body()).contains("name=\"username\"").contains("name=\"password\"");
            assertThat(form.headers().firstValue("Cache-Control")).contains("no-store");
            String policy = form.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(policy).contains("script-src 'self';").doesNotContain("unsafe-inline").doesNotContain("sha256-");
            assertThat(form.body()).as("no inline script").doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>");

            // A planted session cookie is worthless after sign-in: a new session is started.
            browser.cookies.put(DeskEndpoint.SESSION_COOKIE, "planted-by-someone-else");
            HttpResponse<String> signedIn = browser.post("/desk/login", Map.of("csrf", DeskClient.csrf(form.body()),
                    "username", "asha", "password", "correct horse battery", "next", "/desk/sources"));
            assertThat(signedIn.statusCode()).isEqualTo(303);
            assertThat(signedIn.headers().firstValue("Location")).contains("/desk/sources");
            String cookie = DeskClient.setCookie(signedIn, DeskEndpoint.SESSION_COOKIE);
            assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/desk").doesNotContain("Secure");
            String token = browser.cookies.get(DeskEndpoint.SESSION_COOKIE);
            assertThat(token).isNotEqualTo("planted-by-someone-else").hasSizeGreaterThan(40);
            assertThat(browser.get("/desk/login").statusCode()).as("signed in: the form sends you on").isEqualTo(303);

            // Sign-out needs the session's CSRF token; without it nothing changes.
            assertThat(browser.post("/desk/logout", Map.of()).statusCode()).isEqualTo(403);
            assertThat(browser.post("/desk/logout", Map.of("csrf", "wrong")).statusCode()).isEqualTo(403);
            assertThat(browser.get("/desk/login").statusCode()).as("still signed in").isEqualTo(303);
            String csrf = app.store.jdbi().withHandle(h -> h.createQuery("SELECT csrf FROM desk_sessions")
                    .mapTo(String.class).one());
            HttpResponse<String> out = browser.post("/desk/logout", Map.of("csrf", csrf));
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(browser.cookies).doesNotContainKey(DeskEndpoint.SESSION_COOKIE);
            browser.cookies.put(DeskEndpoint.SESSION_COOKIE, token);
            assertThat(browser.get("/desk/login").statusCode()).as("the old cookie signs nobody in").isEqualTo(200);
            int sessions = app.store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM desk_sessions")
                    .mapTo(Integer.class).one());
            assertThat(sessions).isZero();

            // Behind an HTTPS proxy the cookie is Secure.
            DeskClient viaTls = new DeskClient(base);
            HttpResponse<String> f2 = viaTls.get("/desk/login");
            HttpResponse<String> tls = viaTls.post("/desk/login", Map.of("csrf", DeskClient.csrf(f2.body()),
                    "username", "asha", "password", "correct horse battery"), Map.of("X-Forwarded-Proto", "https"));
            assertThat(DeskClient.setCookie(tls, DeskEndpoint.SESSION_COOKIE)).contains("Secure");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void hostileSignInsAreRefusedAndAFloodIsSlowedButNotForLong(String engine) throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-12-01T10:00:00Z"));
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            assertThat(app.accounts.add("asha", "editor", "correct horse battery")).isNull();
            String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            DeskClient browser = new DeskClient(base);

            // Without the form's own token (another site posting the form), nothing is tried.
            HttpResponse<String> forged = browser.post("/desk/login", Map.of("username", "asha", "password", "correct horse battery"));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(browser.cookies).doesNotContainKey(DeskEndpoint.SESSION_COOKIE);

            HttpResponse<String> markup = browser.signIn("<img src=x onerror=alert(1)>", "whatever at all");
            assertThat(markup.statusCode()).isEqualTo(401);
            assertThat(markup.body()).doesNotContain("<img src=x").contains("&lt;img src=x onerror=alert(1)");
            assertThat(browser.signIn("x".repeat(10_000), "y".repeat(100_000)).statusCode()).isEqualTo(401);
            assertThat(browser.post("/desk/login", Map.of(), Map.of()).statusCode()).isEqualTo(403);
            HttpResponse<String> open = browser.post("/desk/login", Map.of("csrf", DeskClient.csrf(browser.get("/desk/login").body()),
                    "username", "asha", "password", "correct horse battery", "next", "//evil.example/"));
            assertThat(open.statusCode()).isEqualTo(303);
            assertThat(open.headers().firstValue("Location")).as("no open redirect").contains("/desk/");
            assertThat(open.headers().firstValue("Location").orElseThrow()).doesNotContain("evil");

            // A flood of wrong passwords for asha: after five, tries are slowed, even with the right password.
            // (Failures from this address above are forgotten after a quarter of an hour.)
            clock.advance(Duration.ofMinutes(16));
            DeskClient flood = new DeskClient(base);
            for (int i = 0; i < 5; i++) assertThat(flood.signIn("asha", "wrong password " + i).statusCode()).isEqualTo(401);
            HttpResponse<String> slowed = flood.signIn("asha", "wrong password again");
            assertThat(slowed.statusCode()).isEqualTo(429);
            DeskClient real = new DeskClient(base);
            assertThat(real.signIn("asha", "correct horse battery").statusCode()).as("the account is slowed").isEqualTo(429);
            // Not for long: once the account's wait is over, the real user gets in.
            clock.advance(Duration.ofSeconds(31));
            assertThat(real.signIn("asha", "correct horse battery").statusCode()).isEqualTo(303);
            // A malformed form body is a clear 400, not an error.
            HttpResponse<String> bad = browser.post("/desk/logout", Map.of(), Map.of());
            assertThat(bad.statusCode()).isIn(400, 403);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void disablingAUserOrChangingTheirPasswordEndsTheirSessions(String engine) throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-12-01T10:00:00Z"));
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            assertThat(app.accounts.add("ravi", "viewer", "a long enough password")).isNull();
            String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            DeskClient browser = new DeskClient(base).signedIn("ravi", "a long enough password");
            assertThat(browser.get("/desk/login").statusCode()).isEqualTo(303);
            assertThat(app.accounts.setPassword("ravi", "another long password")).isNull();
            assertThat(browser.get("/desk/login").statusCode()).as("signed out everywhere").isEqualTo(200);

            browser.signedIn("ravi", "another long password");
            assertThat(app.accounts.setDisabled("ravi", true)).isNull();
            assertThat(browser.get("/desk/login").statusCode()).isEqualTo(200);
            assertThat(browser.signIn("ravi", "another long password").statusCode()).as("disabled").isEqualTo(401);

            assertThat(app.accounts.setDisabled("ravi", false)).isNull();
            browser.signedIn("ravi", "another long password");
            clock.advance(Duration.ofHours(2).plusMinutes(1));
            assertThat(browser.get("/desk/login").statusCode()).as("idle too long").isEqualTo(200);
            browser.signedIn("ravi", "another long password");
            for (int i = 0; i < 13; i++) {
                clock.advance(Duration.ofMinutes(59));
                browser.get("/desk/login");
            }
            assertThat(browser.get("/desk/login").statusCode()).as("past the absolute limit, however busy").isEqualTo(200);
            // The next sign-in sweeps: ended sessions and old failure counts leave the store.
            browser.signedIn("ravi", "another long password");
            int rows = app.store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM desk_sessions").mapTo(Integer.class).one());
            assertThat(rows).as("only the new session is left").isEqualTo(1);
        }
    }
}
