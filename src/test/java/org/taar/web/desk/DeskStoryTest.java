package org.taar.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.store.AdvisoryStore;
import org.taar.store.AuditLog;
import org.taar.story.Status;

/** The desk's story page over real HTTP: release, kill, restore, refusals by role and CSRF, markup as text, downloads. */
class DeskStoryTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aHeldStoryIsReleasedKilledWithAReasonAndRestored(String engine) throws Exception {
        try (StoryDesk desk = StoryDesk.start(engine, dir, new MutableClock(START))) {
            long id = desk.held("urn:desk:1");
            String path = desk.story(id).path();
            HttpResponse<String> page = desk.page(desk.editor, id);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(page.body()).contains("status-held").contains("rule:profanity")
                    .contains("action=\"/desk/stories/" + id + "/publish\"").contains("class=\"preview\"")
                    .contains("<pre class=\"verbatim\">").contains("urn:desk:1").contains(path);
            assertThat(desk.reader(path).statusCode()).isEqualTo(404);

            HttpResponse<String> released = desk.act(desk.editor, id, "publish", Map.of("reason", "quote is the news"));
            assertThat(released.statusCode()).isEqualTo(303);
            assertThat(released.headers().firstValue("Location")).contains("/desk/stories/" + id + "?done=publish");
            String after = desk.editor.get(released.headers().firstValue("Location").orElseThrow()).body();
            assertThat(after).contains("<p class=\"notice\" role=\"status\">Published.</p>").contains("status-published");
            assertThat(desk.reader(path).statusCode()).isEqualTo(200);

            // A kill without a reason is refused and changes nothing.
            int audits = desk.audit(id).size();
            for (String blank : new String[] {"", "   "}) {
                HttpResponse<String> refused = desk.act(desk.editor, id, "kill", Map.of("reason", blank));
                assertThat(refused.statusCode()).isEqualTo(400);
                assertThat(refused.body()).contains("A kill needs a reason");
            }
            assertThat(desk.act(desk.editor, id, "kill", Map.of()).statusCode()).isEqualTo(400);
            assertThat(desk.act(desk.editor, id, "kill", Map.of("reason", "x".repeat(600))).statusCode()).isEqualTo(400);
            assertThat(desk.audit(id)).hasSize(audits);
            assertThat(desk.reader(path).statusCode()).isEqualTo(200);

            assertThat(desk.act(desk.editor, id, "kill", Map.of("reason", "legal <b>advice</b>")).statusCode())
                    .isEqualTo(303);
            assertThat(desk.reader(path).statusCode()).isEqualTo(410);
            AuditLog.AuditEntry killed = desk.audit(id).get(desk.audit(id).size() - 1);
            assertThat(killed.action()).isEqualTo("killed");
            assertThat(killed.actor()).isEqualTo("editor:asha");
            assertThat(killed.reason()).isEqualTo("legal <b>advice</b>");
            String afterKill = desk.page(desk.editor, id).body();
            assertThat(afterKill).contains("editor:asha").contains("legal &lt;b&gt;advice&lt;/b&gt;")
                    .doesNotContain("<b>advice</b>").contains("action=\"/desk/stories/" + id + "/restore\"")
                    .doesNotContain("action=\"/desk/stories/" + id + "/publish\"");
            // The editor API's publish of a killed story is still refused: only the desk's restore brings it back.
            assertThat(desk.act(desk.editor, id, "publish", Map.of()).statusCode()).isEqualTo(409);

            // Restored, it is held and its address still answers 410 until an editor publishes it.
            assertThat(desk.act(desk.editor, id, "restore", Map.of("reason", "legal cleared it")).statusCode())
                    .isEqualTo(303);
            assertThat(desk.story(id).status()).isEqualTo(Status.HELD);
            assertThat(desk.reader(path).statusCode()).isEqualTo(410);
            AuditLog.AuditEntry restored = desk.audit(id).get(desk.audit(id).size() - 1);
            assertThat(List.of(restored.action(), restored.actor(), restored.reason()))
                    .containsExactly("restored", "editor:asha", "legal cleared it");
            assertThat(desk.act(desk.editor, id, "restore", Map.of()).statusCode()).as("not killed now").isEqualTo(409);
            assertThat(desk.act(desk.editor, id, "publish", Map.of()).statusCode()).isEqualTo(303);
            assertThat(desk.reader(path).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aViewerAndAFormWithoutItsTokenChangeNothing(String engine) throws Exception {
        try (StoryDesk desk = StoryDesk.start(engine, dir, new MutableClock(START))) {
            long id = desk.held("urn:desk:2");
            HttpResponse<String> viewed = desk.page(desk.viewer, id);
            assertThat(viewed.statusCode()).isEqualTo(200);
            assertThat(viewed.body()).contains("status-held").doesNotContain("action=\"/desk/stories/" + id + "/");
            String seen = StoryDesk.seen(desk.page(desk.editor, id).body());
            String viewerCsrf = DeskClient.csrf(viewed.body());
            Map<String, Map<String, String>> forms = Map.of("publish", Map.of(), "hold", Map.of(),
                    "kill", Map.of("reason", "r"), "restore", Map.of(), "schedule", Map.of("at", "2026-12-02T10:00"),
                    "edit", Map.of("headline", "नया शीर्षक", "section", "india"));
            int audits = desk.audit(id).size();
            int versions = desk.app.stories.versionHistory(id).size();
            for (var form : forms.entrySet()) {
                assertThat(desk.post(desk.viewer, id, form.getKey(), viewerCsrf, seen, form.getValue()).statusCode())
                        .as("viewer " + form.getKey()).isEqualTo(403);
                assertThat(desk.post(desk.editor, id, form.getKey(), null, seen, form.getValue()).statusCode())
                        .as("no CSRF " + form.getKey()).isEqualTo(403);
                assertThat(desk.post(desk.editor, id, form.getKey(), "forged", seen, form.getValue()).statusCode())
                        .as("wrong CSRF " + form.getKey()).isEqualTo(403);
                assertThat(desk.post(desk.editor, id, form.getKey(), viewerCsrf, seen, form.getValue()).statusCode())
                        .as("another session's CSRF " + form.getKey()).isEqualTo(403);
            }
            assertThat(desk.story(id).status()).isEqualTo(Status.HELD);
            assertThat(desk.audit(id)).hasSize(audits);
            assertThat(desk.app.stories.versionHistory(id)).hasSize(versions);
            // Signed out, the page sends you to sign in and a form is refused.
            DeskClient stranger = new DeskClient(desk.base);
            assertThat(stranger.get("/desk/stories/" + id).statusCode()).isEqualTo(303);
            assertThat(desk.post(stranger, id, "publish", viewerCsrf, seen, Map.of()).statusCode()).isEqualTo(403);
            assertThat(desk.page(desk.editor, 99999).statusCode()).isEqualTo(404);
            assertThat(desk.editor.get("/desk/stories/99999999999999999999").statusCode()).isEqualTo(404);
            String editorCsrf = DeskClient.csrf(desk.page(desk.editor, id).body());
            assertThat(desk.post(desk.editor, 99999, "publish", editorCsrf, seen, Map.of()).statusCode()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aDoubleSubmitActsOnceAndAStaleFormIsRefusedWithTheDifference(String engine) throws Exception {
        try (StoryDesk desk = StoryDesk.start(engine, dir, new MutableClock(START))) {
            long id = desk.held("urn:desk:3");
            String page = desk.page(desk.editor, id).body();
            String csrf = DeskClient.csrf(page);
            String seen = StoryDesk.seen(page);
            assertThat(desk.post(desk.editor, id, "publish", csrf, seen, Map.of()).statusCode()).isEqualTo(303);
            HttpResponse<String> again = desk.post(desk.editor, id, "publish", csrf, seen, Map.of());
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).contains("changed since you opened the page").contains("editor:asha");
            assertThat(desk.audit(id).stream().filter(a -> a.actor().equals("editor:asha"))).hasSize(1);

            // The agency sends a newer version while an editor has the page open: the hold is refused,
            // and the page shows the words that changed.
            String open = desk.page(desk.editor, id).body();
            desk.deliver(Fixtures.wire("urn:desk:3", 2, null, "विधायक बोले- सब चूतिया हैं, माफ़ी माँगी", "देश"));
            HttpResponse<String> stale = desk.post(desk.editor, id, "hold", DeskClient.csrf(open),
                    StoryDesk.seen(open), Map.of("reason", "check"));
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(stale.body()).contains("<ins>माफ़ी</ins>").contains("<del>वीडियो</del>");
            assertThat(desk.story(id).version()).isEqualTo(2);
            assertThat(desk.audit(id).stream().filter(a -> a.action().equals("held") && a.actor().startsWith("editor:")))
                    .isEmpty();
            // A token the desk never made is refused too, without a difference to show.
            int audits = desk.audit(id).size();
            for (String forged : new String[] {"", "1.1.0000000000000000", "999999999.1.abc", "x".repeat(5000)}) {
                HttpResponse<String> r = desk.post(desk.editor, id, "hold", DeskClient.csrf(open), forged, Map.of());
                assertThat(r.statusCode()).isEqualTo(409);
            }
            assertThat(desk.audit(id)).hasSize(audits);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void markupInAHeadlineOrDeliveryShowsAsTextAndTheDeliveryDownloadsByteForByte(String engine) throws Exception {
        try (StoryDesk desk = StoryDesk.start(engine, dir, new MutableClock(START))) {
            String text = "Headline: खबर <script>alert('h')</script> <img src=x onerror=alert(1)>\n"
                    + "Section: देश\nAgency: IANS\nURI: urn:desk:evil\nVersion: 1\n\n"
                    + "पहला अनुच्छेद <script>alert('b')</script> और <img src=x onerror=alert(2)> भी।\n\n"
                    + "दूसरा अनुच्छेद " + "लंबा पाठ ".repeat(25_000) + "\n";
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            long id = desk.deliver(bytes);
            String page = desk.page(desk.editor, id).body();
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("onerror=alert(2)>")
                    .contains("&lt;script&gt;alert(").contains("&lt;img src=x onerror=alert(1)&gt;");
            assertThat(page).as("the verbatim delivery is capped").contains("Showing the first 204800 of " + bytes.length);
            Long deliveryId = desk.app.stories.versionHistory(id).get(0).deliveryId();
            HttpResponse<byte[]> download = downloadBytes(desk, "/desk/stories/" + id + "/deliveries/" + deliveryId);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(bytes);
            assertThat(download.headers().firstValue("Content-Type")).contains("application/octet-stream");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");

            // A delivery of another story is not served from this one's page.
            long other = desk.held("urn:desk:other");
            Long otherDelivery = desk.app.stories.versionHistory(other).get(0).deliveryId();
            assertThat(desk.editor.get("/desk/stories/" + id + "/deliveries/" + otherDelivery).statusCode())
                    .isEqualTo(404);
            assertThat(desk.editor.get("/desk/stories/" + id + "/deliveries/../../etc").statusCode()).isEqualTo(404);
            assertThat(downloadBytes(desk, "/desk/stories/" + other + "/deliveries/" + otherDelivery).body())
                    .isEqualTo(Fixtures.wire("urn:desk:other", 1, null, "विधायक बोले- सब चूतिया हैं, वीडियो वायरल", "देश"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void duplicatesAndTheKillAdvisoriesNamingAStoryAreShown(String engine) throws Exception {
        try (StoryDesk desk = StoryDesk.start(engine, dir, new MutableClock(START))) {
            byte[] copy = Fixtures.wire("urn:desk:dup", 1, null, "केरल में भारी बारिश की चेतावनी", "देश");
            long original = desk.deliver(copy);
            var relayed = desk.app.pipeline.deliver("relay", "file", "copy.txt", copy, null).outcomes();
            assertThat(relayed).singleElement().satisfies(o -> assertThat(o.status().label()).isEqualTo("duplicate"));
            long duplicate = desk.app.store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id FROM stories WHERE source = 'relay'").mapTo(Long.class).one());
            assertThat(desk.page(desk.editor, original).body()).contains("Also reported by")
                    .contains("href=\"/desk/stories/" + duplicate + "\"");
            assertThat(desk.page(desk.editor, duplicate).body()).contains("This story repeats")
                    .contains("href=\"/desk/stories/" + original + "\"");

            long other = desk.held("urn:desk:other");
            desk.app.store.jdbi().useTransaction(h -> new AdvisoryStore(desk.app.store).add(h, "ians", null,
                    "KILL <script>alert(1)</script> केरल बारिश", List.of(original, other), null, "ambiguous", START));
            String page = desk.page(desk.editor, original).body();
            assertThat(page).contains("KILL &lt;script&gt;alert(1)&lt;/script&gt; केरल बारिश").doesNotContain("<script>alert");
            assertThat(desk.page(desk.editor, duplicate).body()).contains("No open kill advisory names this story.");
        }
    }

    private static HttpResponse<byte[]> downloadBytes(StoryDesk desk, String path) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(desk.base + path)).GET();
        b.header("Cookie", "taar_desk=" + desk.editor.cookies.get(DeskEndpoint.SESSION_COOKIE));
        return java.net.http.HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
