package org.taar.kill;

import static org.assertj.core.api.Assertions.assertThat;
import org.taar.site.NodeBeat;
import org.taar.store.Nodes;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MediaFixture;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.site.CdnPurge;

/**
 * Pictures follow their stories down, on a running server: a killed story's pictures answer 410
 * (unless another published story shows them), a withdrawn picture leaves every page that showed
 * it and answers 410, a re-sent picture replaces the old one on every page; on both engines.
 */
class MediaKillTest {
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static long publish(App app, String uri, int version, String status) {
        String url = Fixtures.publish(app, Fixtures.wire(uri, version, status, "केरल में बाढ़ से तबाही " + uri, "देश")).url();
        app.indexer().catchUp();
        return MediaFixture.id(url);
    }

    private static String path(App app, long story) {
        return app.stories.byId(story).orElseThrow().path();
    }

    /** Every page that shows a story's pictures, path to body. */
    private List<String> pages(App app, long story) throws Exception {
        return List.of(get(path(app, story)).body(), get("/").body(), get("/india/").body(), get("/tag/kerala/").body(),
                get("/feed.xml").body(), get("/india/feed.xml").body());
    }

    private static String file(MediaFixture.Made m) {
        return "/media/" + m.sha256() + "." + (m.format().equals("jpeg") ? "jpg" : m.format());
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aKilledStorysPicturesAnswer410UnlessAnotherPublishedStoryShowsThem(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            MediaFixture media = new MediaFixture(app);
            long killed = publish(app, "urn:mk:1", 1, null);
            long other = publish(app, "urn:mk:2", 1, null);
            long own = media.picture("urn:p:own", 1600, 900, "अपनी तस्वीर", "IANS", null, true, 1);
            long shared = media.picture("urn:p:shared", 1600, 900, "साझा तस्वीर", "IANS", null, false, 2);
            media.show(killed, own, 0);
            media.show(killed, shared, 1);
            media.show(other, shared, 0);
            media.changed(killed);
            media.changed(other);
            app.publisher.catchUp();
            String ownW640 = file(media.renditionsOf(own).get("w640.jpeg"));
            String ownWebp = file(media.renditionsOf(own).get("w640.webp"));
            String sharedW640 = file(media.renditionsOf(shared).get("w640.jpeg"));
            assertThat(get(path(app, killed)).body()).contains(ownW640).contains(sharedW640);
            HttpResponse<String> before = get(ownW640);
            assertThat(before.statusCode()).isEqualTo(200);
            assertThat(before.headers().firstValue("Surrogate-Key").orElseThrow().split(" "))
                    .as("a kill's purge by the story's key reaches the picture").contains("story-" + killed, "media-" + own);
            assertThat(get(sharedW640).headers().firstValue("Surrogate-Key").orElseThrow().split(" "))
                    .contains("story-" + killed, "story-" + other);

            publish(app, "urn:mk:1", 2, "canceled");
            assertThat(get(path(app, killed)).statusCode()).isEqualTo(410);
            for (String gone : List.of(ownW640, ownWebp, "/media/" + ownW640.substring(7, 71) + "/w1024")) {
                HttpResponse<String> r = get(gone);
                assertThat(r.statusCode()).as(gone).isEqualTo(410);
                assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
                assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).doesNotContain("immutable");
                assertThat(r.headers().firstValue("Surrogate-Key").orElseThrow().split(" ")).contains("story-" + killed);
            }
            assertThat(get(sharedW640).statusCode()).as("still shown by a published story").isEqualTo(200);
            for (String body : pages(app, other)) assertThat(body).doesNotContain(ownW640);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aWithdrawnPictureLeavesEveryPageThatShowedItAndAnswers410(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            MediaFixture media = new MediaFixture(app);
            long story = publish(app, "urn:mw:1", 1, null);
            long picture = media.picture("urn:p:w", 1600, 900, "वापस ली गई तस्वीर", "IANS", null, true, 3);
            media.show(story, picture, 0);
            media.changed(story);
            app.publisher.catchUp();
            var made = media.renditionsOf(picture);
            List<String> shown = List.of(file(made.get("w320.jpeg")), file(made.get("w1024.jpeg")), file(made.get("og.jpeg")));
            List<String> before = pages(app, story);
            assertThat(before.get(0)).contains(shown.get(1)).contains(shown.get(2));
            assertThat(before.get(1)).contains(shown.get(1));  // the home page's lead
            assertThat(before.get(2)).contains(shown.get(0));
            assertThat(before.get(3)).contains(shown.get(0));
            assertThat(before.get(4)).contains(shown.get(2));
            assertThat(before.get(5)).contains(shown.get(2));

            media.status(picture, "withdrawn");
            media.changed(story);
            app.publisher.catchUp();
            for (String body : pages(app, story)) {
                for (var m : made.values()) assertThat(body).doesNotContain(m.sha256());
            }
            assertThat(get(path(app, story)).statusCode()).as("the story stays up without it").isEqualTo(200);
            for (var m : made.values()) assertThat(get(file(m)).statusCode()).as(m.name() + "." + m.format()).isEqualTo(410);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aResentPictureReplacesTheOldOneOnEveryPage(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            MediaFixture media = new MediaFixture(app);
            long story = publish(app, "urn:mu:1", 1, null);
            long picture = media.picture("urn:p:u", 1600, 900, "पहला संस्करण", "IANS", null, true, 5);
            media.show(story, picture, 0);
            media.changed(story);
            app.publisher.catchUp();
            var old = media.renditionsOf(picture);
            assertThat(get(file(old.get("w640.jpeg"))).statusCode()).isEqualTo(200);

            media.renditions(picture, 1600, 1200, true, 6);
            media.changed(story);
            app.publisher.catchUp();
            var now = media.renditionsOf(picture);
            List<String> after = pages(app, story);
            for (String body : after) {
                for (var m : old.values()) assertThat(body).doesNotContain(m.sha256());
            }
            assertThat(after.get(0)).contains(file(now.get("w1024.jpeg"))).contains("height=\"768\"");
            assertThat(after.get(2)).contains(file(now.get("w320.jpeg")));
            assertThat(after.get(4)).contains(file(now.get("og.jpeg")));
            assertThat(get(file(now.get("w640.jpeg"))).statusCode()).isEqualTo(200);
            assertThat(get(file(old.get("w640.jpeg"))).statusCode()).as("no longer ours to serve").isEqualTo(404);
        }
    }

    @Test
    void aMediaChangePurgesTheStorysKeysFromTheCdn() throws Exception {
        BlockingQueue<String> keys = new LinkedBlockingQueue<>();
        HttpServer cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/", ex -> {
            keys.add(ex.getRequestHeaders().getFirst("Surrogate-Key"));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        cdn.start();
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC());
             NodeBeat beat = new NodeBeat(new Nodes(app.store), "node-a", app.publisher::lastSeq, app.clock);
             CdnPurge purge = new CdnPurge(app.stories, new Config.Purge(URI.create("http://127.0.0.1:"
                     + cdn.getAddress().getPort() + "/purge"), "PURGE", null), "https://samachar.example",
                     Duration.ofMillis(50), beat)) {
            app.publisher.listener(purge);
            app.publisher.rebuildAll();
            MediaFixture media = new MediaFixture(app);
            long story = publish(app, "urn:mp:1", 1, null);
            long picture = media.picture("urn:p:p", 1600, 900, null, null, null, false, 7);
            media.show(story, picture, 0);
            assertThat(keys.poll(300, TimeUnit.MILLISECONDS)).as("a first publication is not purged").isNull();
            media.status(picture, "withdrawn");
            media.changed(story);
            app.publisher.catchUp();
            String sent = keys.poll(5, TimeUnit.SECONDS);
            assertThat(sent).isNotNull();
            assertThat(Arrays.asList(sent.split(" "))).contains("story-" + story);
        } finally {
            cdn.stop(0);
        }
    }
}
