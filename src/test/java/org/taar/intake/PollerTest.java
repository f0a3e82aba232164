package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.store.SourceHealth;
import org.taar.store.SourceStore;

/** The poller over real HTTP on loopback, with health in the store, on each engine. */
class PollerTest {
    private static final Instant T0 = Instant.parse("2025-07-12T05:00:00Z");
    private static final Poller.Settings FAST = new Poller.Settings(Duration.ofMillis(50), Duration.ofMillis(20), 4, 2,
            Duration.ofSeconds(2), Duration.ofSeconds(3));

    @TempDir Path dir;
    private FeedServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new FeedServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The test server is on loopback, so the sources that must reach it are trusted with allow_private. */
    private Config.Source source(String name, String path) {
        return new Config.Source(name, null, null, null, Config.Feed.of(URI.create(server.url(path)), 1 << 20)
                .withAllowPrivate(true).withTimeout(Duration.ofSeconds(3)));
    }

    private static Poller poller(App app, Clock clock, Poller.Settings settings, Config.Source... sources) {
        return new Poller(List.of(sources), app.pipeline, app.sources, clock, settings, new Random(1));
    }

    private static SourceHealth health(App app, String name, Instant now) {
        return app.sources.find(name, now).orElseThrow();
    }

    private static int count(App app, String sql) {
        return app.store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void feedIsDeliveredOnceThen304IsASuccessWithoutDelivery(String engine) throws Exception {
        byte[] story = Fixtures.wire("urn:poll:1", 1, null, "पोल से आई ख़बर", "देश");
        server.route("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                FeedServer.send(ex, 304, null, null);
            } else {
                FeedServer.send(ex, 200, "text/plain; charset=utf-8", story, "ETag", "\"v1\"");
            }
        });
        MutableClock clock = new MutableClock(T0);
        try (App app = new App(TestEngines.config(engine, dir), clock);
             Poller poller = poller(app, clock, FAST, withInterval(source("pti", "/feed"), Duration.ofMinutes(1)))) {
            Poller.PollResult first = poller.poll("pti");
            assertThat(first.outcome()).isEqualTo("delivered");
            assertThat(first.items()).isEqualTo(1);
            assertThat(first.nextPollAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(count(app, "SELECT COUNT(*) FROM deliveries WHERE channel = 'poll' AND source = 'pti'")).isEqualTo(1);
            assertThat(count(app, "SELECT COUNT(*) FROM stories WHERE source = 'pti' AND uri = 'urn:poll:1'")).isEqualTo(1);

            clock.advance(Duration.ofMinutes(1));
            Poller.PollResult second = poller.poll("pti");
            assertThat(second.outcome()).isEqualTo("not-modified");
            assertThat(count(app, "SELECT COUNT(*) FROM deliveries")).isEqualTo(1);

            SourceHealth h = health(app, "pti", clock.instant());
            assertThat(h.state()).isEqualTo("ok");
            assertThat(h.lastSuccessAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(h.consecutiveFailures()).isZero();
            assertThat(h.etag()).isEqualTo("\"v1\"");
            assertThat(h.itemsLast24h()).isEqualTo(1);
            assertThat(h.nextPollAt()).isEqualTo(T0.plusSeconds(120));
            assertThat(h.url()).isEqualTo(server.url("/feed"));
        }
    }

    private static Config.Source withInterval(Config.Source s, Duration d) {
        return new Config.Source(s.name(), null, null, null, s.feed().withInterval(d));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void flappingErrorsBackOffAndRecoverInHealth(String engine) throws Exception {
        AtomicInteger n = new AtomicInteger();
        int[] script = {500, 500, 200, 500};
        server.route("/flaky", ex -> {
            int status = script[Math.min(n.getAndIncrement(), script.length - 1)];
            String uri = "urn:flaky:" + n.get();
            FeedServer.send(ex, status, "text/plain", status == 200
                    ? Fixtures.wire(uri, 1, null, "कभी चलती कभी रुकती", "देश") : "oops".getBytes());
        });
        MutableClock clock = new MutableClock(T0);
        try (App app = new App(TestEngines.config(engine, dir), clock);
             Poller poller = poller(app, clock, FAST, withInterval(source("uni", "/flaky"), Duration.ofMinutes(1)))) {
            Poller.PollResult r1 = poller.poll("uni");
            assertThat(r1.error()).isEqualTo("HTTP 500");
            assertThat(Duration.between(T0, r1.nextPollAt()).toSeconds()).as("2 × 60 s ± 20%").isBetween(96L, 144L);
            assertThat(health(app, "uni", clock.instant()).consecutiveFailures()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(3));
            Instant t1 = clock.instant();
            Poller.PollResult r2 = poller.poll("uni");
            assertThat(Duration.between(t1, r2.nextPollAt()).toSeconds()).as("4 × 60 s ± 20%").isBetween(192L, 288L);
            SourceHealth failing = health(app, "uni", t1);
            assertThat(failing.state()).isEqualTo("failing");
            assertThat(failing.consecutiveFailures()).isEqualTo(2);
            assertThat(failing.lastError()).isEqualTo("HTTP 500");
            assertThat(failing.lastErrorAt()).isEqualTo(t1);

            clock.advance(Duration.ofMinutes(5));
            Instant t2 = clock.instant();
            assertThat(poller.poll("uni").outcome()).isEqualTo("delivered");
            SourceHealth recovered = health(app, "uni", t2);
            assertThat(recovered.state()).isEqualTo("ok");
            assertThat(recovered.consecutiveFailures()).isZero();
            assertThat(recovered.lastSuccessAt()).isEqualTo(t2);
            assertThat(recovered.lastError()).as("the last error stays visible").isEqualTo("HTTP 500");
            assertThat(recovered.nextPollAt()).isEqualTo(t2.plusSeconds(60));

            clock.advance(Duration.ofMinutes(1));
            Poller.PollResult r4 = poller.poll("uni");
            assertThat(r4.failed()).isTrue();
            assertThat(health(app, "uni", clock.instant()).consecutiveFailures()).as("counting starts again").isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void tooManyRequestsWaitsAsLongAsTheServerAsks(String engine) throws Exception {
        server.route("/busy", ex -> FeedServer.send(ex, 429, "text/plain", "busy".getBytes(), "Retry-After", "900"));
        MutableClock clock = new MutableClock(T0);
        try (App app = new App(TestEngines.config(engine, dir), clock);
             Poller poller = poller(app, clock, FAST, withInterval(source("ani", "/busy"), Duration.ofMinutes(1)))) {
            Poller.PollResult r = poller.poll("ani");
            assertThat(r.error()).contains("HTTP 429").contains("Retry-After 900 s");
            assertThat(r.nextPollAt()).isEqualTo(T0.plusSeconds(900));
            assertThat(health(app, "ani", T0).nextPollAt()).isEqualTo(T0.plusSeconds(900));
            assertThat(app.sources.due(T0.plusSeconds(899), List.of("ani"))).isEmpty();
            assertThat(app.sources.due(T0.plusSeconds(900), List.of("ani"))).containsExactly("ani");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void htmlContentTypeIsStillArchivedAndParsedWithAWarning(String engine) throws Exception {
        byte[] story = Fixtures.wire("urn:poll:html", 1, null, "गलत प्रकार से भेजी गई ख़बर", "देश");
        server.route("/page", ex -> FeedServer.send(ex, 200, "text/html; charset=utf-8", story));
        MutableClock clock = new MutableClock(T0);
        try (App app = new App(TestEngines.config(engine, dir), clock);
             Poller poller = poller(app, clock, FAST, source("hs", "/page"))) {
            Poller.PollResult r = poller.poll("hs");
            assertThat(r.outcome()).isEqualTo("delivered");
            assertThat(r.warnings()).anyMatch(w -> w.contains("text/html"));
            assertThat(count(app, "SELECT COUNT(*) FROM stories WHERE uri = 'urn:poll:html'")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void unusableBodyIsArchivedAndCountsAsAFailure(String engine) throws Exception {
        server.route("/junk", ex -> FeedServer.send(ex, 200, "application/octet-stream",
                new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0}, "ETag", "\"junk\""));
        MutableClock clock = new MutableClock(T0);
        try (App app = new App(TestEngines.config(engine, dir), clock);
             Poller poller = poller(app, clock, FAST, source("dpa", "/junk"))) {
            Poller.PollResult r = poller.poll("dpa");
            assertThat(r.failed()).isTrue();
            assertThat(r.error()).startsWith("the body could not be used: ");
            assertThat(count(app, "SELECT COUNT(*) FROM deliveries WHERE source = 'dpa'")).as("archived all the same")
                    .isEqualTo(1);
            SourceHealth h = health(app, "dpa", T0);
            assertThat(h.etag()).as("fetched again next time").isNull();
            assertThat(h.consecutiveFailures()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void loopbackSourceThatIsNotTrustedIsRefusedAndSaysWhy(String engine) throws Exception {
        server.route("/feed", ex -> FeedServer.send(ex, 200, "text/plain", Fixtures.wire("urn:x", 1, null, "x", "देश")));
        Config.Source untrusted = new Config.Source("afp", null, null, null,
                source("afp", "/feed").feed().withAllowPrivate(false));
        MutableClock clock = new MutableClock(T0);
        try (App app = new App(TestEngines.config(engine, dir), clock);
             Poller poller = poller(app, clock, FAST, untrusted)) {
            Poller.PollResult r = poller.poll("afp");
            assertThat(r.error()).contains("refused 127.0.0.1").contains("loopback").contains("allow_private");
            assertThat(health(app, "afp", T0).lastError()).isEqualTo(r.error());
            assertThat(server.hits("/feed")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void restartKeepsHealthAndTheConfigurationIsSynced(String engine) {
        MutableClock clock = new MutableClock(T0);
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            SourceStore s = app.sources;
            s.sync(List.of(new SourceStore.Entry("a", "http://a.example/feed", null, Duration.ofMinutes(1)),
                    new SourceStore.Entry("b", "http://b.example/feed", "ninjs", Duration.ofMinutes(5))));
            assertThat(s.due(T0, List.of("a", "b"))).containsExactly("a", "b");
            s.recordFetched("a", T0, "\"e1\"", null, T0.plusSeconds(60));
            s.recordFailure("b", T0, "HTTP 500", f -> T0.plusSeconds(600));

            s.sync(List.of(new SourceStore.Entry("a", "http://a.example/feed", null, Duration.ofMinutes(2))));
            SourceHealth a = s.find("a", T0).orElseThrow();
            assertThat(a.etag()).isEqualTo("\"e1\"");
            assertThat(a.interval()).isEqualTo(Duration.ofMinutes(2));
            assertThat(a.nextPollAt()).isEqualTo(T0.plusSeconds(60));
            SourceHealth b = s.find("b", T0).orElseThrow();
            assertThat(b.state()).isEqualTo("disabled");
            assertThat(b.consecutiveFailures()).isEqualTo(1);
            assertThat(s.claim("b", T0.plusSeconds(601), T0.plusSeconds(700))).as("disabled: never claimed").isFalse();

            s.sync(List.of(new SourceStore.Entry("a", "http://a.example/other", null, Duration.ofMinutes(2))));
            a = s.find("a", T0).orElseThrow();
            assertThat(a.etag()).as("a new URL forgets the old validators").isNull();
            assertThat(s.due(T0, List.of("a"))).containsExactly("a");
            assertThat(s.claim("a", T0, T0.plusSeconds(90))).isTrue();
            assertThat(s.claim("a", T0, T0.plusSeconds(90))).as("a second node loses the claim").isFalse();
        }
    }

    @Test
    void slowSourceNeverDelaysAFastOne() throws Exception {
        server.route("/slow", FeedServer.drip(200));
        AtomicInteger version = new AtomicInteger();
        server.route("/fast", ex -> FeedServer.send(ex, 200, "text/plain",
                Fixtures.wire("urn:fast", version.incrementAndGet(), null, "तेज़ स्रोत की ख़बर", "देश")));
        // The slow poll may take 20 s: while that one poll drips, the fast source is polled again
        // and again. The wait is long so that a busy machine cannot fail it; a poller that let the
        // slow source block the fast one would see one fast poll at most, however long it waited.
        Config.Source slow = new Config.Source("slow", null, null, null,
                source("slow", "/slow").feed().withInterval(Duration.ofMillis(100)).withTimeout(Duration.ofSeconds(20)));
        Config.Source fast = withInterval(source("fast", "/fast"), Duration.ofMillis(100));
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC());
             Poller poller = poller(app, Clock.systemUTC(), FAST, slow, fast)) {
            poller.start();
            // Polls happen on the poller's own schedule: what is tested is that they go on, so no catch-up.
            Eventually.until(Duration.ofSeconds(15), () -> server.hits("/fast") >= 5);
            assertThat(server.hits("/fast")).as("fast source polled while the slow one drips").isGreaterThanOrEqualTo(5);
            assertThat(server.hits("/slow")).isEqualTo(1);
            assertThat(health(app, "slow", Instant.now()).lastSuccessAt()).isNull();
        }
    }

    @Test
    void closeLetsARunningPollFinish() throws Exception {
        server.route("/late", ex -> {
            FeedServer.sleep(500); // time passing: a slow feed, so that close() finds the poll running
            FeedServer.send(ex, 200, "text/plain", Fixtures.wire("urn:late", 1, null, "देर से आई ख़बर", "देश"));
        });
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC())) {
            Poller poller = poller(app, Clock.systemUTC(), FAST, withInterval(source("late", "/late"), Duration.ofHours(1)));
            poller.start();
            // Close while the poll is running: wait until the feed server has it.
            assertThat(Eventually.until(Duration.ofSeconds(2), () -> server.hits("/late") >= 1)).as("poll started").isTrue();
            poller.close();
            assertThat(count(app, "SELECT COUNT(*) FROM stories WHERE uri = 'urn:late'")).isEqualTo(1);
            assertThat(health(app, "late", Instant.now()).state()).isEqualTo("ok");
        }
    }
}
