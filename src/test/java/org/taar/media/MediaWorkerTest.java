package org.taar.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.ScriptedItems.picture;
import static org.taar.ScriptedItems.story;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.MediaApp;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.format.Attachment;
import org.taar.intake.AddressPolicy;
import org.taar.intake.Fetcher;
import org.taar.store.MediaStore;
import org.taar.store.MediaWork;
import org.taar.story.Outcome;
import org.taar.story.OutcomeStatus;
import org.taar.text.Digest;

/** The background worker against a picture server on 127.0.0.1: good, missing, slow, huge and bad pictures. */
class MediaWorkerTest {
    private static final Instant NOW = Instant.parse("2025-07-12T05:49:00Z");
    // Two tries, ten seconds apart, each within two seconds (the slow picture takes ten); generous for a loaded machine.
    private static final MediaWorker.Settings FAST = MediaWorker.Settings.defaults().withRetries(2, Duration.ofSeconds(10))
            .withTimeout(Duration.ofSeconds(2)).withMaxPictureBytes(40_000);

    @TempDir Path dir;
    private HttpServer server;
    private final byte[] jpeg = SamplePictures.jpeg(640, 480, 1);
    private final MutableClock clock = new MutableClock(NOW);
    private final TestRenderer renderer = new TestRenderer();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/ok.jpg", ex -> send(ex, 200, jpeg));
        server.createContext("/missing.jpg", ex -> send(ex, 404, "nothing here".getBytes()));
        server.createContext("/page.html", ex -> send(ex, 200, "<html>not a picture</html>".getBytes()));
        server.createContext("/huge.jpg", ex -> send(ex, 200, new byte[100_000]));
        server.createContext("/slow.jpg", ex -> {
            try {
                ex.sendResponseHeaders(200, 0);
                OutputStream out = ex.getResponseBody();
                for (int i = 0; i < 100; i++) {
                    out.write(jpeg[i]);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException hungUp) {
                // The worker cut it off at its deadline: what the test wants.
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private MediaWorker worker(MediaApp m, AddressPolicy.Rule rule) {
        return worker(m, rule, FAST);
    }

    private MediaWorker worker(MediaApp m, AddressPolicy.Rule rule, MediaWorker.Settings settings) {
        return new MediaWorker(new MediaWork(m.app.store), m.app.archive, new MediaFiles(m.app.config.node().media()), renderer,
                new Fetcher(Duration.ofSeconds(2), 2, clock, rule), m.app.config, clock, settings, new Random(1), () -> { });
    }

    private static int mediaEvents(MediaApp m, long storyId) {
        return m.app.store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM events WHERE kind = 'media' AND story_id = :id")
                .bind("id", storyId).mapTo(Integer.class).one());
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aFetchedPictureIsArchivedRenderedOnceAndItsStoryTold(String engine) throws Exception {
        try (MediaApp m = new MediaApp(TestEngines.config(engine, dir), clock);
             MediaWorker w = worker(m, AddressPolicy.ANY)) {
            Outcome o = m.one(m.items.put("k", story("urn:s:1", 1, "केरल में बारिश", picture("urn:pic:1", 1, url("/ok.jpg")))));
            assertThat(o.status()).isEqualTo(OutcomeStatus.PUBLISHED);
            assertThat(w.pass()).isEqualTo(1);
            MediaStore.Entry pic = m.app.media.find("ians", "urn:pic:1").orElseThrow();
            assertThat(pic.status()).isEqualTo(MediaStore.READY);
            assertThat(pic.width()).isEqualTo(640);
            assertThat(pic.originalSha256()).isEqualTo(Digest.sha256Hex(jpeg));
            assertThat(Files.readAllBytes(m.app.archive.pathOf(pic.originalSha256()))).isEqualTo(jpeg);
            MediaStore.StoredRendition r = m.app.media.renditions(pic.id()).get(0);
            assertThat(r.width()).isEqualTo(320);
            assertThat(Files.size(new MediaFiles(m.app.config.node().media()).pathOf(r.sha256()))).isEqualTo(r.size());
            assertThat(mediaEvents(m, MediaApp.storyId(o))).isEqualTo(1);

            assertThat(w.pass()).as("nothing left").isZero();
            // The same version sent again changes nothing and is not rendered again.
            m.one(m.items.put("again", story("urn:s:2", 1, "दूसरी ख़बर", picture("urn:pic:1", 1, url("/ok.jpg")))));
            assertThat(w.pass()).isZero();
            assertThat(renderer.renders.get()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aMissingSlowOrHugePictureNeverStopsItsStoryAndFailsAfterItsTriesWithItsReason(String engine) throws Exception {
        try (MediaApp m = new MediaApp(TestEngines.config(engine, dir), clock);
             MediaWorker w = worker(m, AddressPolicy.ANY)) {
            Map<String, String> reasons = Map.of(
                    "/missing.jpg", "HTTP 404 (after 2 tries)",
                    "/slow.jpg", "no complete answer within 2 s (after 2 tries)",
                    "/huge.jpg", "the body is larger than 40000 bytes (Content-Length 100000) (after 2 tries)",
                    "/page.html", "refused: not a picture ImageIO reads");
            int n = 0;
            for (String path : reasons.keySet()) {
                n++;
                Outcome o = m.one(m.items.put("k" + n, story("urn:s:" + n, 1, "ख़बर संख्या " + n + " " + path,
                        picture("urn:pic:" + path, 1, url(path)))));
                assertThat(o.status()).as("the story goes out first, without its picture").isEqualTo(OutcomeStatus.PUBLISHED);
            }
            w.pass();
            assertThat(m.app.media.find("ians", "urn:pic:/page.html").orElseThrow().status())
                    .as("a refused picture fails at once").isEqualTo(MediaStore.FAILED);
            assertThat(m.app.media.find("ians", "urn:pic:/missing.jpg").orElseThrow().status()).isEqualTo(MediaStore.PENDING);
            clock.advance(Duration.ofMinutes(5));
            w.pass();
            n = 0;
            for (var e : reasons.entrySet()) {
                MediaStore.Entry pic = m.app.media.find("ians", "urn:pic:" + e.getKey()).orElseThrow();
                assertThat(pic.status()).as(e.getKey()).isEqualTo(MediaStore.FAILED);
                assertThat(pic.warning()).as(e.getKey()).isEqualTo(e.getValue());
                long story = m.app.media.stories(pic.id()).get(0);
                assertThat(m.app.audit.auditTrail(story)).as(e.getKey()).filteredOn(a -> a.action().equals("media-failed"))
                        .singleElement().satisfies(a -> assertThat(a.reason()).endsWith(e.getValue()));
                assertThat(m.app.stories.byId(story).orElseThrow().isPublished()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPrivateAddressIsFetchedOnlyForASourceTrustedWithIt(String engine) throws Exception {
        Config base = TestEngines.config(engine, dir);
        Config.Feed trustedFeed = Config.Feed.of(URI.create(url("/feed")), 1 << 20).withAllowPrivate(true);
        Config config = new Config(base.dataDir(), base.jdbcUrl(), 0, base.maxDeliveryBytes(), base.site(),
                Map.of("ians", new Config.Source("ians", null, null, null, trustedFeed)));
        try (MediaApp m = new MediaApp(config, clock); MediaWorker w = worker(m, AddressPolicy.PUBLIC_ONLY)) {
            m.one(m.items.put("k", story("urn:s:1", 1, "भरोसे का स्रोत", picture("urn:pic:1", 1, url("/ok.jpg")))));
            m.pipeline.deliver("pti", "push", "x", m.items.put("p", story("urn:s:p", 1, "दूसरा स्रोत",
                    picture("urn:pic:p", 1, url("/ok.jpg")))), null);
            w.pass();
            assertThat(m.app.media.find("ians", "urn:pic:1").orElseThrow().status()).isEqualTo(MediaStore.READY);
            MediaStore.Entry refused = m.app.media.find("pti", "urn:pic:p").orElseThrow();
            assertThat(refused.status()).as("refused at once, not retried").isEqualTo(MediaStore.FAILED);
            assertThat(refused.warning()).startsWith("refused 127.0.0.1").contains("loopback");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void pendingRowsArePickedUpAfterARestartAndAClaimLeftByADeadWorkerAfterItsLease(String engine) throws Exception {
        Config config = TestEngines.config(engine, dir);
        byte[] sent = SamplePictures.jpeg(200, 100, 2);
        Outcome o;
        try (MediaApp m = new MediaApp(config, clock)) {
            o = m.one(m.items.put("k", story("urn:s:1", 1, "रात की ख़बर", picture("urn:pic:1", 1, "part:a.jpg"),
                    picture("urn:pic:2", 1, url("/ok.jpg")))), new Attachment("a.jpg", "image/jpeg", sent));
            // A worker takes the second and dies before finishing it.
            MediaStore.Entry second = m.app.media.find("ians", "urn:pic:2").orElseThrow();
            assertThat(new MediaWork(m.app.store).claim(second, clock.instant(), clock.instant().plusSeconds(130))).isPresent();
        }
        // The dead worker's claim counted as a try: three are allowed here, so the test is of the lease alone.
        try (MediaApp m = new MediaApp(config, clock);
             MediaWorker w = worker(m, AddressPolicy.ANY, FAST.withRetries(3, Duration.ofSeconds(10)))) {
            assertThat(w.pass()).isEqualTo(1);
            assertThat(m.app.media.find("ians", "urn:pic:1").orElseThrow().status()).isEqualTo(MediaStore.READY);
            assertThat(m.app.media.find("ians", "urn:pic:2").orElseThrow().status()).as("still leased")
                    .isEqualTo(MediaStore.PENDING);
            clock.advance(Duration.ofSeconds(131));
            assertThat(w.pass()).isEqualTo(1);
            assertThat(m.app.media.find("ians", "urn:pic:2").orElseThrow().status()).isEqualTo(MediaStore.READY);
            assertThat(m.app.media.ofStory(MediaApp.storyId(o))).extracting(MediaStore.Entry::status)
                    .containsExactly(MediaStore.READY, MediaStore.READY);
            assertThat(renderer.renders.get()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theBackgroundWorkerMakesAPictureReadyWithoutBeingAsked(String engine) throws Exception {
        try (MediaApp m = new MediaApp(TestEngines.config(engine, dir), clock);
             MediaWorker w = worker(m, AddressPolicy.ANY)) {
            w.start();
            m.one(m.items.put("k", story("urn:s:1", 1, "सुबह की ख़बर", picture("urn:pic:1", 1, url("/ok.jpg")))));
            w.nudge();
            assertThat(org.taar.Eventually.value(Duration.ofSeconds(10),
                    () -> m.app.media.find("ians", "urn:pic:1").orElseThrow().status(), MediaStore.READY::equals))
                    .isEqualTo(MediaStore.READY);
        }
    }
}
