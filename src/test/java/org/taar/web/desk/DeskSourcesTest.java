package org.taar.web.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.store.SourceHealth;

/**
 * The sources page over real HTTP: health for everyone; for admins adding, editing, pausing and
 * resuming a source, "fetch now" against a feed on 127.0.0.1, and push keys shown once.
 */
class DeskSourcesTest {
    private static final Pattern KEY = Pattern.compile("data-role=\"new-key\">(taar_[A-Za-z0-9_-]+)<");
    @TempDir Path dir;
    private HttpServer feeds;
    private final AtomicInteger deskFeedHits = new AtomicInteger();

    @BeforeEach
    void serveFeeds() throws Exception {
        feeds = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        byte[] story = Fixtures.wire("urn:desk:fetched:1", 1, null, "स्रोत से अभी आई ख़बर", "देश");
        feeds.createContext("/feed", ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(200, story.length);
            ex.getResponseBody().write(story);
            ex.close();
        });
        feeds.createContext("/desk-feed", ex -> {
            deskFeedHits.incrementAndGet();
            ex.sendResponseHeaders(200, story.length);
            ex.getResponseBody().write(story);
            ex.close();
        });
        feeds.start();
    }

    @AfterEach
    void stopFeeds() {
        feeds.stop(0);
    }

    private String feed(String path) {
        return "http://127.0.0.1:" + feeds.getAddress().getPort() + path;
    }

    /** taar.yml: "wire" on loopback, trusted with allow_private; "agency" not licensed for the web. */
    private Config config(String engine) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), """
                sources:
                  wire:
                    url: %s
                    interval: 1h
                    allow_private: true
                  agency:
                    url: https://feeds.example.invalid/agency.xml
                    interval: 1h
                    web: false
                    full_text_in_feeds: true
                """.formatted(feed("/feed")));
        return TestEngines.config(engine, dir);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anAdminAddsPausesEditsAndFetchesSourcesThatSurviveARestart(String engine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        Config config = config(engine);
        try (DeskSite site = new DeskSite(config, clock)) {
            DeskClient viewer = site.viewer();
            HttpResponse<String> page = viewer.get("/desk/sources");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("data-source=\"wire\"").contains("data-source=\"agency\"")
                    .contains("not licensed for the web").contains("full text in feeds")
                    .as("a viewer sees no actions").doesNotContain("/fetch\"").doesNotContain("action=\"/desk/keys\"");

            String desk = feed("/desk-feed?token=s3cret");
            assertThat(DeskSite.post(viewer, "/desk/sources", "name", "desk1", "url", desk, "interval", "60").statusCode())
                    .isEqualTo(403);
            DeskClient editor = site.editor();
            assertThat(DeskSite.post(editor, "/desk/sources", "name", "desk1", "url", desk, "interval", "60").statusCode())
                    .isEqualTo(403);
            assertThat(DeskSite.post(editor, "/desk/sources/wire/fetch").statusCode()).isEqualTo(403);
            DeskClient admin = site.admin();
            assertThat(DeskSite.postWithoutCsrf(admin, "/desk/sources", "name", "desk1", "url", desk, "interval", "60")
                    .statusCode()).isEqualTo(403);
            assertThat(site.count("SELECT COUNT(*) FROM sources WHERE name = 'desk1'")).isZero();

            // Bad input: a clear error on the page, and nothing saved.
            assertRefused(site, DeskSite.post(admin, "/desk/sources", "name", "bad1",
                    "url", "javascript:alert(1)", "interval", "60"), "http or https");
            assertRefused(site, DeskSite.post(admin, "/desk/sources", "name", "bad2",
                    "url", "https://example.com/a\"><script>alert(1)</script>", "interval", "60"), "not a URL");
            assertRefused(site, DeskSite.post(admin, "/desk/sources", "name", "bad3", "url", "https://example.com/feed",
                    "interval", "0"), "interval must be from 10");
            assertRefused(site, DeskSite.post(admin, "/desk/sources", "name", "bad4", "url", "https://example.com/feed",
                    "interval", "60", "format", "<b>rss</b>"), "unknown format");
            assertRefused(site, DeskSite.post(admin, "/desk/sources", "name", "x".repeat(10_000),
                    "url", "https://example.com/feed", "interval", "60"), "a source name is 1 to 64");
            assertRefused(site, DeskSite.post(admin, "/desk/sources", "name", "bad5",
                    "url", "https://user:pw@example.com/feed", "interval", "60"), "credentials go in taar.yml");
            assertRefused(site, DeskSite.post(admin, "/desk/sources", "name", "wire",
                    "url", "https://example.com/feed", "interval", "60"), "in taar.yml");

            HttpResponse<String> added = DeskSite.post(admin, "/desk/sources", "name", "desk1", "url", desk,
                    "format", "wiretext", "interval", "60");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(303);
            assertThat(DeskSite.post(admin, "/desk/sources", "name", "desk1", "url", desk, "interval", "60")
                    .statusCode()).as("added once").isEqualTo(400);
            String listed = viewer.get("/desk/sources").body();
            assertThat(listed).contains("data-source=\"desk1\"").contains("token=…")
                    .as("a desk source's query values are not shown").doesNotContain("s3cret");

            // Fetch now: the trusted source of taar.yml brings its story; the desk's source on loopback is
            // refused by the poller's address policy before any byte is sent.
            HttpResponse<String> fetched = DeskSite.post(admin, "/desk/sources/wire/fetch");
            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(fetched.body()).contains("data-role=\"fetch-outcome\">delivered").contains("urn:desk:fetched:1")
                    // The poller may have fetched it at start already: then this delivery is a repeat.
                    .containsPattern("status-(published|duplicate)");
            assertThat(site.count("SELECT COUNT(*) FROM stories WHERE uri = 'urn:desk:fetched:1'")).isEqualTo(1);
            HttpResponse<String> refused = DeskSite.post(admin, "/desk/sources/desk1/fetch");
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.body()).contains("data-role=\"fetch-outcome\">failed").containsIgnoringCase("address");
            assertThat(deskFeedHits.get()).isZero();
            assertThat(DeskSite.post(admin, "/desk/sources/nosuch/fetch").statusCode()).isEqualTo(404);

            // Pause and resume; edit the desk's source (and only it).
            assertThat(DeskSite.post(editor, "/desk/sources/desk1/pause").statusCode()).isEqualTo(403);
            assertThat(DeskSite.post(admin, "/desk/sources/desk1/pause").statusCode()).isEqualTo(303);
            assertThat(health(site.app, "desk1").state()).isEqualTo("paused");
            assertThat(DeskSite.post(admin, "/desk/sources/wire/pause").statusCode()).isEqualTo(303);
            assertThat(viewer.get("/desk/sources").body()).contains("paused");
            assertThat(DeskSite.post(admin, "/desk/sources/wire/resume").statusCode()).isEqualTo(303);
            assertThat(health(site.app, "wire").enabled()).isTrue();
            assertThat(admin.get("/desk/sources/desk1/edit").body()).contains("s3cret");
            assertThat(DeskSite.post(admin, "/desk/sources/desk1/edit", "url", desk, "interval", "100000").statusCode())
                    .isEqualTo(400);
            assertThat(DeskSite.post(admin, "/desk/sources/desk1/edit", "url", desk, "interval", "300").statusCode())
                    .isEqualTo(303);
            assertThat(health(site.app, "desk1").interval().toSeconds()).isEqualTo(300);
            assertThat(DeskSite.post(admin, "/desk/sources/wire/edit", "url", desk, "interval", "300").statusCode())
                    .as("taar.yml's sources are changed there").isEqualTo(404);
            assertThat(viewer.get("/desk/sources/desk1/edit").statusCode()).isEqualTo(403);
        }
        // A restart: the desk's source is still there, still paused; taar.yml's sync leaves it alone.
        try (App again = new App(config, clock)) {
            again.serve("127.0.0.1", 0, false);
            SourceHealth h = health(again, "desk1");
            assertThat(h.origin()).isEqualTo("desk");
            assertThat(h.state()).isEqualTo("paused");
            assertThat(h.interval().toSeconds()).isEqualTo(300);
            assertThat(health(again, "wire").enabled()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPushKeyIsShownOnceListedWithoutItselfAndRevoked(String engine) throws Exception {
        try (DeskSite site = new DeskSite(config(engine), new MutableClock(Instant.parse("2026-12-01T10:00:00Z")))) {
            DeskClient admin = site.admin();
            DeskClient editor = site.editor();
            assertThat(DeskSite.post(editor, "/desk/keys", "source", "wire").statusCode()).isEqualTo(403);
            assertThat(DeskSite.postWithoutCsrf(admin, "/desk/keys", "source", "wire").statusCode()).isEqualTo(403);
            assertThat(DeskSite.post(admin, "/desk/keys", "source", "<script>x</script>").statusCode()).isEqualTo(400);
            assertThat(site.app.pushKeys.list()).isEmpty();

            HttpResponse<String> created = DeskSite.post(admin, "/desk/keys", "source", "wire");
            assertThat(created.statusCode()).isEqualTo(200);
            Matcher m = KEY.matcher(created.body());
            assertThat(m.find()).as("the key is on the page").isTrue();
            String key = m.group(1);
            assertThat(site.app.pushKeys.sourceFor(key)).hasValue("wire");
            String later = admin.get("/desk/sources").body();
            assertThat(later).doesNotContain(key).doesNotContain("data-role=\"new-key\"").contains("/revoke\"");

            long id = site.app.pushKeys.list().get(0).id();
            assertThat(DeskSite.post(editor, "/desk/keys/" + id + "/revoke").statusCode()).isEqualTo(403);
            assertThat(site.app.pushKeys.sourceFor(key)).hasValue("wire");
            assertThat(DeskSite.post(admin, "/desk/keys/" + id + "/revoke").statusCode()).isEqualTo(303);
            assertThat(site.app.pushKeys.sourceFor(key)).isEmpty();
            // An editor's key is not the sources page's to revoke.
            site.app.pushKeys.create("meera", org.taar.store.PushKeys.Role.EDITOR);
            long editorKey = site.app.pushKeys.list().get(0).id();
            assertThat(DeskSite.post(admin, "/desk/keys/" + editorKey + "/revoke").statusCode()).isEqualTo(303);
            assertThat(site.app.pushKeys.list()).hasSize(1);
        }
    }

    private static SourceHealth health(App app, String name) {
        return app.sources.find(name, Instant.now()).orElseThrow();
    }

    private static void assertRefused(DeskSite site, HttpResponse<String> r, String why) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("role=\"alert\"").contains(why).doesNotContain("<script>alert")
                .doesNotContain("<b>rss");
        assertThat(site.count("SELECT COUNT(*) FROM sources WHERE origin = 'desk'")).isZero();
    }
}
