package org.taar.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.Eventually;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.intake.DeliveryResult;
import org.taar.store.TagStore;

/** The tags page over real HTTP: counts and search; a merge and a rename answer 301 at the old address and re-render articles. */
class DeskTagsTest {
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static String publish(DeskSite site, String uri, String headline, String tags) {
        byte[] wire = ("Headline: " + headline + "\nSection: देश\nTags: " + tags + "\nAgency: IANS\nURI: " + uri
                + "\n\nएक अनुच्छेद।\n").getBytes(StandardCharsets.UTF_8);
        DeliveryResult r = site.app.pipeline.deliver("ians", "file", "f.txt", wire, null);
        site.app.publisher.catchUp();
        return r.outcomes().get(0).url();
    }

    private static String slug(DeskSite site, String name) {
        return site.app.tags.all().stream().filter(t -> t.name().equals(name)).map(TagStore.TagRow::slug).findFirst()
                .orElseThrow(() -> new AssertionError("no tag " + name + " in " + site.app.tags.all()));
    }

    private HttpResponse<String> site(DeskSite site, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(site.base + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anEditorMergesAndRenamesTagsAndTheSiteFollows(String engine) throws Exception {
        try (DeskSite site = new DeskSite(TestEngines.config(engine, dir), new MutableClock(Instant.parse("2026-12-01T10:00:00Z")))) {
            String first = publish(site, "urn:tags:1", "केरल में मानसून", "केरल, मौसम विभाग");
            String second = publish(site, "urn:tags:2", "केरल में चुनाव", "केरल, <b>बोल्ड</b>");
            String kerala = slug(site, "केरल");
            String weather = slug(site, "मौसम विभाग");

            DeskClient viewer = site.viewer();
            HttpResponse<String> page = viewer.get("/desk/tags");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("data-tag=\"" + kerala + "\"").contains("data-tag=\"" + weather + "\"")
                    .as("markup in a tag name is text").doesNotContain("<b>बोल्ड").doesNotContain("action=\"/desk/tags/merge\"");
            assertThat(page.body()).containsPattern("data-tag=\"" + kerala + "\">\\s*<td>केरल</td>\\s*<td>.*</td>\\s*<td>2</td>");
            HttpResponse<String> searched = viewer.get("/desk/tags?q=" + java.net.URLEncoder.encode("मौसम", StandardCharsets.UTF_8));
            assertThat(searched.body()).contains("data-tag=\"" + weather + "\"").doesNotContain("data-tag=\"" + kerala + "\"");
            HttpResponse<String> hostile = viewer.get("/desk/tags?q=" + java.net.URLEncoder.encode("\"><script>x</script>%_", StandardCharsets.UTF_8));
            assertThat(hostile.statusCode()).isEqualTo(200);
            assertThat(hostile.body()).doesNotContain("<script>x").contains("No tag matches");

            assertThat(DeskSite.post(viewer, "/desk/tags/merge", "from", weather, "into", kerala).statusCode()).isEqualTo(403);
            DeskClient editor = site.editor();
            assertThat(DeskSite.postWithoutCsrf(editor, "/desk/tags/merge", "from", weather, "into", kerala).statusCode())
                    .isEqualTo(403);
            assertThat(site.app.tags.find(weather).orElseThrow().mergedInto()).isNull();

            // Bad input: a clear error, nothing changed.
            HttpResponse<String> unknown = DeskSite.post(editor, "/desk/tags/merge", "from", "<i>nope</i>", "into", kerala);
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(unknown.body()).contains("role=\"alert\"").contains("no tag &lt;i&gt;nope").doesNotContain("<i>nope");
            HttpResponse<String> long_ = DeskSite.post(editor, "/desk/tags/rename", "slug", kerala, "name", "क".repeat(10_000));
            assertThat(long_.statusCode()).isEqualTo(400);
            assertThat(long_.body()).contains("at most 100 characters");
            assertThat(DeskSite.post(editor, "/desk/tags/rename", "slug", kerala, "name", "केरलम", "newslug", "<b>x</b>")
                    .statusCode()).isEqualTo(400);
            assertThat(DeskSite.post(editor, "/desk/tags/merge", "from", kerala, "into", kerala).statusCode()).isEqualTo(400);
            assertThat(site.app.tags.find(kerala).orElseThrow().name()).isEqualTo("केरल");

            // Merge: the old tag's address answers 301 to the tag it went into.
            HttpResponse<String> merged = DeskSite.post(editor, "/desk/tags/merge", "from", weather, "into", kerala);
            assertThat(merged.statusCode()).isEqualTo(303);
            assertThat(merged.headers().firstValue("Location")).hasValue("/desk/tags?done=merged");
            assertThat(Eventually.until(Duration.ofSeconds(5), () -> site(site, "/tag/" + weather + "/").statusCode() == 301))
                    .as("the merged tag's address redirects").isTrue();
            assertThat(site(site, "/tag/" + weather + "/").headers().firstValue("Location")).hasValue("/tag/" + kerala + "/");
            assertThat(Eventually.until(Duration.ofSeconds(5), () -> !site(site, first).body().contains("/tag/" + weather + "/")))
                    .as("the article no longer links the merged tag").isTrue();

            // Rename to a new address: the old one answers 301 and both articles show the new name.
            HttpResponse<String> renamed = DeskSite.post(editor, "/desk/tags/rename", "slug", kerala, "name", "केरलम",
                    "newslug", "keralam");
            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(303);
            assertThat(Eventually.until(Duration.ofSeconds(5), () -> site(site, "/tag/" + kerala + "/").statusCode() == 301))
                    .isTrue();
            assertThat(site(site, "/tag/" + kerala + "/").headers().firstValue("Location")).hasValue("/tag/keralam/");
            assertThat(Eventually.until(Duration.ofSeconds(5), () -> site(site, "/tag/keralam/").statusCode() == 200)).isTrue();
            for (String article : new String[] {first, second}) {
                assertThat(Eventually.until(Duration.ofSeconds(5), () -> {
                    String body = site(site, article).body();
                    return body.contains("href=\"/tag/keralam/\"") && body.contains(">केरलम<");
                })).as("article %s shows the renamed tag", article).isTrue();
            }
            assertThat(site.app.tags.storyIds("keralam")).hasSize(2);
        }
    }
}
