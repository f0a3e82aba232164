package org.taar.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.intake.DeliveryResult;
import org.taar.store.AdvisoryStore;
import org.taar.store.AuditLog;
import org.taar.story.Status;

/** The advisories page over real HTTP: candidates side by side, apply (a kill in the editor's name) and dismiss. */
class DeskAdvisoriesTest {
    @TempDir Path dir;

    private static long story(DeskSite site, String uri, String headline) {
        byte[] wire = ("Headline: " + headline + "\nSection: देश\nAgency: IANS\nURI: " + uri + "\n\nएक अनुच्छेद।\n")
                .getBytes(StandardCharsets.UTF_8);
        DeliveryResult r = site.app.pipeline.deliver("ians", "file", "f.txt", wire, null);
        site.app.publisher.catchUp();
        return Long.parseLong(r.outcomes().get(0).url().replaceAll(".*-", ""));
    }

    private static Status status(DeskSite site, long id) {
        return site.app.stories.byId(id).orElseThrow().status();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anEditorAppliesOneAdvisoryToOneCandidateAndDismissesAnother(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (DeskSite site = new DeskSite(TestEngines.config(engine, dir), clock)) {
            long a = story(site, "urn:ians:a", "दिल्ली में मेट्रो सेवा बाधित");
            long b = story(site, "urn:ians:b", "दिल्ली में मेट्रो <img src=x onerror=alert(1)> बाधित");
            long c = story(site, "urn:ians:c", "मुंबई में बारिश");
            AdvisoryStore store = new AdvisoryStore(site.app.store);
            long first = site.app.store.jdbi().withHandle(h -> store.add(h, "ians", null,
                    "'दिल्ली में मेट्रो' वाली खबर वापस ली जाती है <script>alert('x')</script>", List.of(a, b), null,
                    "ambiguous", clock.instant()));
            long second = site.app.store.jdbi().withHandle(h -> store.add(h, "ians", null,
                    "दूसरी सूचना", List.of(a, b), null, "ambiguous", clock.instant()));

            DeskClient viewer = site.viewer();
            HttpResponse<String> page = viewer.get("/desk/advisories");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("href=\"/desk/stories/" + a + "\"").contains("href=\"/desk/stories/" + b + "\"")
                    .contains("urn:ians:a").contains("दूसरी सूचना")
                    .as("a viewer sees no actions").doesNotContain("/apply\"").doesNotContain("/dismiss\"")
                    .as("markup in an advisory and a headline is text")
                    .doesNotContain("<script>alert").contains("&lt;script&gt;alert(")
                    .doesNotContain("<img src=x");
            assertThat(DeskSite.post(viewer, "/desk/advisories/" + first + "/apply", "story", String.valueOf(b))
                    .statusCode()).isEqualTo(403);
            DeskClient editor = site.editor();
            assertThat(DeskSite.postWithoutCsrf(editor, "/desk/advisories/" + first + "/apply", "story",
                    String.valueOf(b)).statusCode()).isEqualTo(403);
            assertThat(DeskSite.postWithoutCsrf(editor, "/desk/advisories/" + second + "/dismiss").statusCode())
                    .isEqualTo(403);
            assertThat(status(site, b)).isEqualTo(Status.PUBLISHED);
            assertThat(store.open(null, 10)).hasSize(2);

            // A story the advisory does not name, or no story at all, is refused.
            assertThat(DeskSite.post(editor, "/desk/advisories/" + first + "/apply", "story", String.valueOf(c))
                    .statusCode()).isEqualTo(409);
            assertThat(DeskSite.post(editor, "/desk/advisories/" + first + "/apply", "story", "<b>1</b>")
                    .statusCode()).isEqualTo(400);
            assertThat(status(site, c)).isEqualTo(Status.PUBLISHED);

            HttpResponse<String> editorPage = editor.get("/desk/advisories");
            assertThat(editorPage.body()).contains("action=\"/desk/advisories/" + first + "/apply\"")
                    .contains("name=\"story\" value=\"" + b + "\"");
            HttpResponse<String> applied = DeskSite.post(editor, "/desk/advisories/" + first + "/apply", "story",
                    String.valueOf(b));
            assertThat(applied.statusCode()).isEqualTo(303);
            assertThat(applied.headers().firstValue("Location")).hasValue("/desk/advisories?done=applied");
            assertThat(status(site, b)).isEqualTo(Status.KILLED);
            assertThat(status(site, a)).isEqualTo(Status.PUBLISHED);
            AuditLog.AuditEntry kill = site.app.audit.auditTrail(b).get(site.app.audit.auditTrail(b).size() - 1);
            assertThat(kill.actor()).isEqualTo("editor:meera");
            assertThat(kill.reason()).contains("advisory " + first);
            assertThat(site.count("SELECT COUNT(*) FROM advisories WHERE id = " + first
                    + " AND status = 'applied' AND decided_by = 'editor:meera' AND story_id = " + b)).isEqualTo(1);

            // A double submit acts once: the second finds the advisory decided.
            HttpResponse<String> again = DeskSite.post(editor, "/desk/advisories/" + first + "/apply", "story",
                    String.valueOf(a));
            assertThat(again.headers().firstValue("Location")).hasValue("/desk/advisories?error=decided");
            assertThat(status(site, a)).isEqualTo(Status.PUBLISHED);

            assertThat(DeskSite.post(editor, "/desk/advisories/" + second + "/dismiss").statusCode()).isEqualTo(303);
            assertThat(DeskSite.post(editor, "/desk/advisories/" + second + "/dismiss").headers()
                    .firstValue("Location")).hasValue("/desk/advisories?error=decided");
            assertThat(status(site, a)).isEqualTo(Status.PUBLISHED);
            assertThat(site.app.audit.auditTrail(a)).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("advisory-dismissed");
                assertThat(e.actor()).isEqualTo("editor:meera");
            });
            HttpResponse<String> after = editor.get("/desk/advisories?done=dismissed");
            assertThat(after.body()).contains("The advisory was dismissed").doesNotContain("/apply\"");
            assertThat(store.open(null, 10)).isEmpty();
        }
    }
}
