package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;

/**
 * Several nodes polling one PostgreSQL store's sources: a source is fetched by one node at a time,
 * and a source claimed by a node that died is polled by another once the claim runs out.
 */
class PollerNodesTest {
    private static final Poller.Settings FAST = new Poller.Settings(Duration.ofMillis(50), Duration.ofMillis(20), 4, 2,
            Duration.ofSeconds(2), Duration.ofSeconds(3));
    @TempDir Path dir;
    private FeedServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new FeedServer();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
        server.close();
    }

    private List<App> nodes(int n) {
        String db = TestEngines.config(TestEngines.POSTGRESQL, dir.resolve("n0")).jdbcUrl();
        List<App> apps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            App app = new App(new ConfigLoader(Map.of()).load(dir.resolve("n" + i), null, db).withNode("n" + i),
                    Clock.systemUTC());
            open.add(app);
            apps.add(app);
        }
        return apps;
    }

    private Config.Source source(Duration interval) {
        return new Config.Source("shared", null, null, null, Config.Feed.of(URI.create(server.url("/feed")), 1 << 20)
                .withAllowPrivate(true).withTimeout(Duration.ofSeconds(2)).withInterval(interval));
    }

    private Poller poller(App app, Duration interval) {
        Poller p = new Poller(List.of(source(interval)), app.pipeline, app.sources, Clock.systemUTC(), FAST, new Random(1));
        open.add(p);
        return p;
    }

    private static int count(App app, String sql) {
        return app.store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void threeNodesFetchASharedSourceOneAtATimeAndStoreEachItemOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        server.route("/feed", ex -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                FeedServer.sleep(150);
                int n = served.incrementAndGet();
                FeedServer.send(ex, 200, "text/plain; charset=utf-8",
                        Fixtures.wire("urn:shared:" + n, 1, null, "साझा स्रोत की ख़बर " + n, "देश"));
            } finally {
                inFlight.decrementAndGet();
            }
        });
        List<App> apps = nodes(3);
        Duration interval = Duration.ofMillis(300);
        for (App app : apps) poller(app, interval).start();
        Thread.sleep(3_000);
        for (AutoCloseable c : open) if (c instanceof Poller p) p.close();

        int fetched = server.hits("/feed");
        assertThat(most.get()).as("never two fetches of one source at once").isEqualTo(1);
        // One node alone fetches about every 450 ms (300 ms interval after a 150 ms answer): about 7 in
        // 3 s. Three nodes each on their own would make about 20.
        assertThat(fetched).as("fetches in 3 s").isBetween(3, 9);
        assertThat(count(apps.get(0), "SELECT COUNT(*) FROM deliveries WHERE source = 'shared'"))
                .as("each fetched body archived once").isEqualTo(served.get());
        assertThat(count(apps.get(0), "SELECT COUNT(*) FROM stories WHERE source = 'shared'"))
                .as("each item stored once").isEqualTo(served.get());
    }

    @Test
    void aSourceClaimedByANodeThatDiedIsPolledByAnotherWhenItsClaimRunsOut() throws Exception {
        server.route("/feed", ex -> FeedServer.send(ex, 200, "text/plain; charset=utf-8",
                Fixtures.wire("urn:orphan:1", 1, null, "दूसरे सर्वर ने उठाई ख़बर", "देश")));
        List<App> apps = nodes(2);
        Duration interval = Duration.ofMinutes(5);
        // Node n0 claims the source and dies mid-poll: its claim runs until the lease it took.
        poller(apps.get(0), interval).open();
        Instant now = Instant.now();
        assertThat(apps.get(0).sources.claim("shared", now, now.plusMillis(1_500))).isTrue();
        long started = System.nanoTime();
        poller(apps.get(1), interval).start();
        Thread.sleep(1_000);
        assertThat(server.hits("/feed")).as("not while the dead node's claim holds").isZero();
        assertThat(Eventually.until(Duration.ofSeconds(3), () -> server.hits("/feed") == 1))
                .as("node n1 takes the source over").isTrue();
        long tookOverMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookOverMs).isBetween(1_000L, 3_000L);
        assertThat(Eventually.until(Duration.ofSeconds(2),
                () -> count(apps.get(1), "SELECT COUNT(*) FROM stories WHERE uri = 'urn:orphan:1'") == 1)).isTrue();
    }
}
