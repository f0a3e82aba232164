package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.store.SourceStore;

/** Sources added at the desk live in the store: the poller finds them on its next tick and follows a pause. */
class PollerDeskSourcesTest {
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

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aSourceAddedAtTheDeskIsPolledWithoutARestartAndAPauseStopsIt(String engine) throws Exception {
        AtomicInteger version = new AtomicInteger();
        server.route("/desk", ex -> FeedServer.send(ex, 200, "text/plain",
                Fixtures.wire("urn:desk:polled", version.incrementAndGet(), null, "डेस्क से जुड़ा स्रोत", "देश")));
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC());
             // A loopback feed needs a loosened address rule; the desk itself can grant no trust.
             Poller poller = new Poller(List.of(), app.pipeline, app.sources, Clock.systemUTC(), FAST, new Random(1),
                     new Fetcher(Duration.ofSeconds(2), 2, Clock.systemUTC(), AddressPolicy.ANY))) {
            poller.start();
            assertThat(app.sources.addFromDesk(new SourceStore.Entry("desk1", server.url("/desk"), "wiretext",
                    Duration.ofMillis(100)))).isTrue();
            assertThat(Eventually.until(Duration.ofSeconds(10), () -> server.hits("/desk") >= 2))
                    .as("polled again and again on its interval").isTrue();
            assertThat(app.sources.find("desk1", java.time.Instant.now()).orElseThrow().state()).isEqualTo("ok");
            int stories = app.store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM stories WHERE source = 'desk1' AND uri = 'urn:desk:polled'")
                    .mapTo(Integer.class).one());
            assertThat(stories).isEqualTo(1);

            assertThat(app.sources.setEnabled("desk1", false)).isTrue();
            // A poll already running may finish; after that, none.
            Thread.sleep(300); // time passing on purpose: a pause is the absence of polls
            int paused = server.hits("/desk");
            Thread.sleep(500);
            assertThat(server.hits("/desk")).as("no poll while paused").isEqualTo(paused);

            // On demand, the same rules: the source's URL and cap come from the store.
            Poller.PollResult now = poller.poll("desk1");
            assertThat(now.outcome()).isEqualTo("delivered");
            assertThat(now.outcomes()).singleElement().satisfies(o -> assertThat(o.uri()).isEqualTo("urn:desk:polled"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theStrictAddressPolicyRefusesADeskSourceOnLoopback(String engine) throws Exception {
        server.route("/inside", ex -> FeedServer.send(ex, 200, "text/plain", "secret".getBytes()));
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC());
             Poller poller = new Poller(List.of(), app.pipeline, app.sources, Clock.systemUTC(), FAST, new Random(1))) {
            app.sources.addFromDesk(new SourceStore.Entry("inside", server.url("/inside"), null, Duration.ofMinutes(1)));
            Poller.PollResult r = poller.poll("inside");
            assertThat(r.failed()).isTrue();
            assertThat(r.error()).containsIgnoringCase("address");
            assertThat(server.hits("/inside")).isZero();
            assertThat(app.sources.find("inside", java.time.Instant.now()).orElseThrow().consecutiveFailures()).isEqualTo(1);
        }
    }
}
