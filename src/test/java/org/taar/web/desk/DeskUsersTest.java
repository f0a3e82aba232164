package org.taar.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.store.DeskUsers;

/** The users page over real HTTP, for admins only: add, change a role, disable and enable, set a password. */
class DeskUsersTest {
    private static final Pattern PASSWORD = Pattern.compile("data-role=\"new-password\">([A-Za-z0-9]{20})<");
    @TempDir Path dir;

    private static DeskUsers.User user(DeskSite site, String name) {
        return site.app.accounts.all().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anAdminManagesUsersButCannotLockThemselfOut(String engine) throws Exception {
        try (DeskSite site = new DeskSite(TestEngines.config(engine, dir), new MutableClock(Instant.parse("2026-12-01T10:00:00Z")))) {
            DeskClient viewer = site.viewer();
            DeskClient editor = site.editor();
            assertThat(viewer.get("/desk/users").statusCode()).isEqualTo(403);
            assertThat(editor.get("/desk/users").statusCode()).isEqualTo(403);
            assertThat(DeskSite.post(editor, "/desk/users", "name", "new1", "role", "admin", "password", "x".repeat(12))
                    .statusCode()).isEqualTo(403);
            long ravi = user(site, "ravi").id();
            assertThat(DeskSite.post(editor, "/desk/users/" + ravi + "/role", "role", "admin").statusCode()).isEqualTo(403);
            assertThat(DeskSite.post(viewer, "/desk/users/" + ravi + "/role", "role", "admin").statusCode()).isEqualTo(403);
            assertThat(user(site, "ravi").role()).isEqualTo("viewer");
            DeskClient admin = site.admin();
            assertThat(DeskSite.postWithoutCsrf(admin, "/desk/users/" + ravi + "/role", "role", "admin").statusCode())
                    .isEqualTo(403);
            assertThat(user(site, "ravi").role()).isEqualTo("viewer");

            HttpResponse<String> page = admin.get("/desk/users");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("data-user=\"root\"").contains("data-user=\"meera\"").contains("data-user=\"ravi\"")
                    .doesNotContain("argon2");

            // Bad input: a clear error, nothing saved.
            HttpResponse<String> markup = DeskSite.post(admin, "/desk/users", "name", "<img src=x onerror=alert(1)>",
                    "role", "editor", "password", "a long enough password");
            assertThat(markup.statusCode()).isEqualTo(400);
            assertThat(markup.body()).contains("role=\"alert\"").doesNotContain("<img src=x").contains("&lt;img src=x");
            assertThat(DeskSite.post(admin, "/desk/users", "name", "n".repeat(10_000), "role", "editor").statusCode())
                    .isEqualTo(400);
            assertThat(DeskSite.post(admin, "/desk/users", "name", "asha", "role", "<b>boss</b>").body())
                    .contains("the role must be").doesNotContain("<b>boss");
            assertThat(DeskSite.post(admin, "/desk/users", "name", "asha", "role", "editor", "password", "short").body())
                    .contains("at least 10 characters");
            assertThat(site.app.accounts.all()).hasSize(3);

            // Added with a typed password, or with one generated and shown once.
            assertThat(DeskSite.post(admin, "/desk/users", "name", "asha", "role", "editor", "password",
                    "ashas own password").statusCode()).isEqualTo(303);
            new DeskClient(site.base).signedIn("asha", "ashas own password");
            HttpResponse<String> generated = DeskSite.post(admin, "/desk/users", "name", "dev", "role", "viewer");
            assertThat(generated.statusCode()).isEqualTo(200);
            Matcher m = PASSWORD.matcher(generated.body());
            assertThat(m.find()).isTrue();
            new DeskClient(site.base).signedIn("dev", m.group(1));
            assertThat(admin.get("/desk/users").body()).doesNotContain(m.group(1));
            assertThat(DeskSite.post(admin, "/desk/users", "name", "dev", "role", "viewer").statusCode())
                    .as("added once").isEqualTo(400);

            // Role, disable, enable, password.
            long asha = user(site, "asha").id();
            assertThat(DeskSite.post(admin, "/desk/users/" + asha + "/role", "role", "admin").statusCode()).isEqualTo(303);
            assertThat(user(site, "asha").role()).isEqualTo("admin");
            assertThat(DeskSite.post(admin, "/desk/users/" + asha + "/disable").statusCode()).isEqualTo(303);
            assertThat(user(site, "asha").disabled()).isTrue();
            assertThat(new DeskClient(site.base).signIn("asha", "ashas own password").statusCode()).isEqualTo(401);
            assertThat(DeskSite.post(admin, "/desk/users/" + asha + "/enable").statusCode()).isEqualTo(303);
            assertThat(DeskSite.post(admin, "/desk/users/" + asha + "/password", "password", "a new password for asha")
                    .statusCode()).isEqualTo(303);
            new DeskClient(site.base).signedIn("asha", "a new password for asha");
            HttpResponse<String> reset = DeskSite.post(admin, "/desk/users/" + asha + "/password");
            Matcher r = PASSWORD.matcher(reset.body());
            assertThat(r.find()).as("a generated password is shown once").isTrue();
            new DeskClient(site.base).signedIn("asha", r.group(1));
            assertThat(DeskSite.post(admin, "/desk/users/" + asha + "/role", "role", "owner").statusCode()).isEqualTo(400);
            assertThat(DeskSite.post(admin, "/desk/users/999999/disable").statusCode()).isEqualTo(404);

            // An admin cannot disable or demote themself.
            long root = user(site, "root").id();
            HttpResponse<String> demote = DeskSite.post(admin, "/desk/users/" + root + "/role", "role", "viewer");
            assertThat(demote.statusCode()).isEqualTo(400);
            assertThat(demote.body()).contains("cannot take the admin role from yourself");
            HttpResponse<String> disable = DeskSite.post(admin, "/desk/users/" + root + "/disable");
            assertThat(disable.statusCode()).isEqualTo(400);
            assertThat(disable.body()).contains("cannot disable yourself");
            assertThat(user(site, "root").role()).isEqualTo("admin");
            assertThat(user(site, "root").disabled()).isFalse();
            assertThat(admin.get("/desk/users").statusCode()).as("still signed in").isEqualTo(200);
        }
    }
}
