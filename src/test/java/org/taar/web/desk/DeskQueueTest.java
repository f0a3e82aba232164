package org.taar.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.story.Outcome;

/** The wire queue over real HTTP: everything received, counts, filters, Hindi search, live rows, and hostile input. */
class DeskQueueTest {
    @TempDir Path dir;

    private static long id(Outcome o) {
        return Long.parseLong(o.url().substring(o.url().lastIndexOf('-') + 1));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theQueueShowsEverythingReceivedWithCountsFiltersAndSearch(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            assertThat(app.accounts.add("ravi", "viewer", "a long enough password")).isNull();
            String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);

            DeskClient stranger = new DeskClient(base);
            HttpResponse<String> out = stranger.get("/desk/");
            assertThat(out.statusCode()).isEqualTo(303);
            assertThat(out.headers().firstValue("Location")).contains("/desk/login");

            Outcome published = Fixtures.publish(app, Fixtures.wire("urn:q:1", 1, null, "क़ानून मंत्री ने संसद में विधेयक रखा", "देश"));
            Outcome held = Fixtures.publish(app, Fixtures.wire("urn:q:2", 1, null, "विधायक बोले- सब चूतिया हैं", "देश"));
            Outcome markup = Fixtures.publish(app, Fixtures.wire("urn:q:3", 1, null,
                    "<script>alert(1)</script> बाज़ार में तेज़ी", "व्यापार"));
            var rejected = app.pipeline.deliver("ians", "file", "broken.xml",
                    "<rss><channel><item>".getBytes(StandardCharsets.UTF_8), null);
            assertThat(rejected.outcomes().get(0).status().label()).isEqualTo("rejected");
            assertThat(held.status().label()).isEqualTo("held");

            DeskClient desk = new DeskClient(base).signedIn("ravi", "a long enough password");
            HttpResponse<String> queue = desk.get("/desk/");
            assertThat(queue.statusCode()).isEqualTo(200);
            String page = queue.body();
            assertThat(page).contains("href=\"/desk/stories/" + id(published) + "\"")
                    .contains("href=\"/desk/stories/" + id(held) + "\"")
                    .contains("broken.xml")
                    .contains("profanity");
            assertThat(page).as("markup shows as text").doesNotContain("<script>alert(1)</script>")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(page).as("held stories cannot be missed").contains("data-role=\"attention\"").contains("data-held=\"1\"");
            assertThat(count(page, "held")).isEqualTo(1);
            assertThat(count(page, "rejected")).isEqualTo(1);
            assertThat(count(page, "all")).isEqualTo(4);
            assertThat(page.indexOf("broken.xml")).as("newest first").isLessThan(page.indexOf("/desk/stories/" + id(published)));

            String heldOnly = desk.get("/desk/?status=held").body();
            assertThat(heldOnly).contains("/desk/stories/" + id(held)).doesNotContain("/desk/stories/" + id(published) + "\"");
            // A spelling without the nukta finds the headline written with it.
            String found = desk.get("/desk/?q=" + java.net.URLEncoder.encode("कानून", StandardCharsets.UTF_8)).body();
            assertThat(found).contains("/desk/stories/" + id(published)).doesNotContain("/desk/stories/" + id(held) + "\"");
            String section = desk.get("/desk/?section=business").body();
            assertThat(section).doesNotContain("/desk/stories/" + id(published) + "\"");

            // Live rows: what arrived after a row, for the page's script.
            long newest = Long.parseLong(match(page, "data-last-id=\"(\\d+)\""));
            assertThat(desk.get("/desk/queue/rows?after=" + newest).body())
                    .as("rows just below the newest are read again (the script skips those it shows)")
                    .doesNotContain("/desk/stories/" + id(published) + "\"" + ">x");
            Outcome later = Fixtures.publish(app, Fixtures.wire("urn:q:4", 1, null, "मौसम विभाग ने चेतावनी दी", "देश"));
            String rows = desk.get("/desk/queue/rows?after=" + newest).body();
            assertThat(rows).contains("/desk/stories/" + id(later)).doesNotContain("<html");

            // Hostile or broken parameters: a clear page, never an error.
            for (String q : new String[] {"?status=bogus", "?from=yesterday", "?to=2026-13-45", "?after=abc",
                    "?after=99999999999999999999", "?q=%25%5F%27%22", "?q=" + "क".repeat(150), "?section=%3Cb%3E"}) {
                HttpResponse<String> r = desk.get("/desk/" + q);
                assertThat(r.statusCode()).as(q).isEqualTo(200);
                assertThat(r.body()).as(q).doesNotContain("<b>");
            }
            assertThat(desk.get("/desk/?q=" + "क".repeat(5000)).statusCode()).as("an overlong address").isEqualTo(414);
            assertThat(desk.get("/desk/queue/rows?after=x").statusCode()).isEqualTo(400);
            assertThat(desk.get("/desk/").headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(app.pages.get("/desk/")).as("never in the public page cache").isEmpty();
        }
    }

    private static long count(String page, String status) {
        return Long.parseLong(match(page, "data-count=\"" + status + "\">(\\d+)<"));
    }

    private static String match(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) throw new AssertionError("no " + regex + " in the page");
        return m.group(1);
    }
}
