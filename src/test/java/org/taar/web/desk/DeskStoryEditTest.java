package org.taar.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.store.AuditLog;
import org.taar.store.StoryReads.VersionEntry;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Tag;

/** Editing a story and scheduling its release from the desk, and what the agency's next version does to an edit. */
class DeskStoryEditTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    @TempDir Path dir;

    private static Map<String, String> edit(String headline, String body, String section, String tags) {
        return Map.of("headline", headline, "summary", "बारिश का सारांश", "body", body, "section", section,
                "tags", tags, "reason", "तथ्य ठीक किए");
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anEditIsAVersionMovesTheAddressAndTheAgencysNextVersionReplacesIt(String engine) throws Exception {
        try (StoryDesk desk = StoryDesk.start(engine, dir, new MutableClock(START))) {
            long id = desk.deliver(Fixtures.wire("urn:edit:1", 1, null, "केरल में भारी बारिश की चेतावनी", "देश"));
            Story before = desk.story(id);
            assertThat(before.status()).isEqualTo(Status.PUBLISHED);
            assertThat(desk.reader(before.path()).statusCode()).isEqualTo(200);
            desk.held("urn:edit:other");
            assertThat(desk.reader("/india/").body()).contains(before.path());

            HttpResponse<String> done = desk.act(desk.editor, id, "edit", edit("केरल में बारिश से बाढ़, स्कूल बंद",
                    "पहला अनुच्छेद बदला।\n\nदूसरा अनुच्छेद।", "states", "बाढ़, केरल ,, "));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
            assertThat(done.headers().firstValue("Location")).contains("/desk/stories/" + id + "?done=edit");
            Story edited = desk.story(id);
            assertThat(edited.headline()).isEqualTo("केरल में बारिश से बाढ़, स्कूल बंद");
            assertThat(edited.item().bodyHtml()).isEqualTo("<p>पहला अनुच्छेद बदला।</p><p>दूसरा अनुच्छेद।</p>");
            assertThat(edited.section()).isEqualTo("states");
            assertThat(edited.version()).as("the agency's version number stays").isEqualTo(1);
            assertThat(edited.tags()).extracting(Tag::name).contains("बाढ़").hasSize(2);
            assertThat(edited.path()).isNotEqualTo(before.path()).startsWith("/states/");

            // The old address answers 301 to the new one; the new one is the edited article.
            HttpResponse<String> moved = desk.reader(before.path());
            assertThat(moved.statusCode()).isEqualTo(301);
            assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith(edited.path());
            assertThat(desk.reader(edited.path()).body()).contains("स्कूल बंद");
            assertThat(desk.reader("/india/").body()).as("the section it left drops its card").doesNotContain("-" + id + "\"");
            assertThat(desk.reader("/states/").body()).contains(edited.path());

            VersionEntry v = last(desk.app.stories.versionHistory(id));
            assertThat(v.outcome()).isEqualTo(OutcomeStatus.EDITED);
            assertThat(v.deliveryId()).isNull();
            AuditLog.AuditEntry a = last(desk.audit(id));
            assertThat(List.of(a.action(), a.actor(), a.reason())).containsExactly("edited", "editor:asha", "तथ्य ठीक किए");
            String page = desk.page(desk.editor, id).body();
            assertThat(page).contains("An editor's edit of version 1").contains("<ins>बाढ़,</ins>")
                    .contains(desk.app.config.site().baseUrl() + before.path());

            // The same form again changes nothing, and a form sent back untouched is no edit.
            int versions = desk.app.stories.versionHistory(id).size();
            assertThat(desk.act(desk.editor, id, "edit", Map.of("headline", edited.headline(),
                    "summary", edited.item().summary(), "body", edited.item().bodyHtml().replace("\n", "\r\n"),
                    "section", "states", "tags", "बाढ़, केरल")).headers().firstValue("Location"))
                    .contains("/desk/stories/" + id + "?done=unchanged");
            assertThat(desk.app.stories.versionHistory(id)).hasSize(versions);

            // The agency's version 2 replaces the edit; the section the editor chose stays.
            desk.deliver(Fixtures.wire("urn:edit:1", 2, null, "केरल में बारिश थमी", "देश"));
            Story replaced = desk.story(id);
            assertThat(replaced.headline()).isEqualTo("केरल में बारिश थमी");
            assertThat(replaced.section()).isEqualTo("states");
            AuditLog.AuditEntry r = last(desk.audit(id));
            assertThat(List.of(r.action(), r.actor(), r.reason()))
                    .containsExactly("edit-replaced", "agency:ians", "agency version 2 replaced an editor's edit");
            String after = desk.page(desk.editor, id).body();
            assertThat(after).contains("Agency version 2 replaced an editor's edit")
                    .contains("बारिश <del>से बाढ़, स्कूल बंद</del><ins>थमी</ins>");
            assertThat(desk.reader(edited.path()).statusCode()).isEqualTo(301);
            assertThat(desk.reader(replaced.path()).body()).contains("बारिश थमी");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aHostileOrBrokenEditIsCleanedOrRefused(String engine) throws Exception {
        try (StoryDesk desk = StoryDesk.start(engine, dir, new MutableClock(START))) {
            long id = desk.held("urn:edit:2");
            int versions = desk.app.stories.versionHistory(id).size();
            List<Map<String, String>> refused = List.of(
                    edit("   ", "पाठ", "india", ""),
                    edit("शीर्षक", "पाठ", "nowhere", ""),
                    edit("शीर्षक", "पाठ", "<b>india</b>", ""),
                    edit("श".repeat(401), "पाठ", "india", ""),
                    edit("शीर्षक", "पाठ", "india", String.join(",", Collections.nCopies(21, "टैग"))
                            .replaceAll("टैग", "t" + System.nanoTime())),
                    edit("शीर्षक", "पाठ", "india", "ट".repeat(81)),
                    Map.of("section", "india"));
            for (Map<String, String> form : refused) {
                HttpResponse<String> r = desk.act(desk.editor, id, "edit", form);
                assertThat(r.statusCode()).as(form.toString()).isEqualTo(400);
            }
            HttpResponse<String> kept = desk.act(desk.editor, id, "edit",
                    edit("शीर्षक", "<p>संपादक का <b>पाठ</b></p>", "nowhere", "टैग"));
            assertThat(kept.body()).as("the refused form keeps what the editor wrote")
                    .contains("&lt;p&gt;संपादक का &lt;b&gt;पाठ&lt;/b&gt;&lt;/p&gt;</textarea>");
            assertThat(desk.app.stories.versionHistory(id)).hasSize(versions);

            HttpResponse<String> done = desk.act(desk.editor, id, "edit", edit("<script>alert(1)</script> शीर्षक",
                    "<p>ठीक</p><img src=x onerror=alert(1)><script>alert(2)</script><a href=\"javascript:x()\">कड़ी</a>",
                    "india", "<i>टैग</i>"));
            assertThat(done.statusCode()).isEqualTo(303);
            Story s = desk.story(id);
            assertThat(s.status()).as("an edit does not release a hold").isEqualTo(Status.HELD);
            assertThat(s.headline()).isEqualTo("<script>alert(1)</script> शीर्षक");
            assertThat(s.item().bodyHtml()).contains("<p>ठीक</p>").doesNotContain("onerror").doesNotContain("<script")
                    .doesNotContain("javascript:");
            String page = desk.page(desk.editor, id).body();
            assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt; शीर्षक")
                    .doesNotContain("<i>टैग</i>");
            assertThat(desk.act(desk.editor, id, "publish", Map.of()).statusCode()).isEqualTo(303);
            String article = desk.reader(desk.story(id).path()).body();
            assertThat(article).doesNotContain("<script>alert").doesNotContain("onerror");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aScheduledStoryWaitsAsEmbargoedAndTheEmbargoClockReleasesItOnce(String engine) throws Exception {
        MutableClock clock = new MutableClock(START);
        try (StoryDesk desk = StoryDesk.start(engine, dir, clock)) {
            long id = desk.held("urn:edit:3");
            String path = desk.story(id).path();
            var zone = desk.app.config.site().zone();
            String at = LocalDateTime.ofInstant(START.plus(Duration.ofHours(2)), zone).toString();
            for (String bad : new String[] {LocalDateTime.ofInstant(START.minusSeconds(60), zone).toString(),
                    "tomorrow", "2026-13-45T99:00", "", LocalDateTime.ofInstant(START, zone).plusYears(2).toString(),
                    "9".repeat(100)}) {
                HttpResponse<String> r = desk.act(desk.editor, id, "schedule", Map.of("at", bad));
                assertThat(r.statusCode()).as(bad).isEqualTo(400);
            }
            assertThat(desk.story(id).status()).isEqualTo(Status.HELD);

            HttpResponse<String> done = desk.act(desk.editor, id, "schedule", Map.of("at", at, "reason", "सुबह के लिए"));
            assertThat(done.statusCode()).isEqualTo(303);
            Story s = desk.story(id);
            assertThat(s.status()).isEqualTo(Status.EMBARGOED);
            assertThat(s.embargoUntil()).isEqualTo(START.plus(Duration.ofHours(2)));
            AuditLog.AuditEntry a = last(desk.audit(id));
            assertThat(List.of(a.action(), a.actor())).containsExactly("scheduled", "editor:asha");
            assertThat(a.reason()).startsWith("सुबह के लिए");
            assertThat(desk.page(desk.editor, id).body()).contains("status-embargoed").contains("value=\"" + at + "\"");
            assertThat(desk.reader(path).statusCode()).isEqualTo(404);

            clock.advance(Duration.ofMinutes(119));
            Thread.sleep(1_500);
            assertThat(desk.story(id).status()).as("not yet").isEqualTo(Status.EMBARGOED);
            clock.advance(Duration.ofMinutes(2));
            assertThat(Eventually.until(Duration.ofSeconds(10), () -> desk.story(id).status() == Status.PUBLISHED))
                    .isTrue();
            Thread.sleep(1_200);
            assertThat(desk.audit(id).stream().filter(e -> e.actor().equals("rule:embargo"))).hasSize(1);
            assertThat(desk.reader(path).statusCode()).isEqualTo(200);
        }
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
