package org.taar.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.config.ConfigLoader;
import org.taar.store.EmbargoQueue;

/**
 * Three nodes' embargo clocks on one PostgreSQL store, ticking at the same moment when twenty
 * embargoes (an agency's, or an editor's scheduled release) fall due: each story is released once,
 * with one event and one audit row, whichever node does it.
 */
class EmbargoClockNodesTest {
    private static final Instant T0 = Instant.parse("2025-07-12T05:00:00Z");
    @TempDir Path dir;
    private final List<App> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(App::close);
    }

    private static int count(App app, String sql) {
        return app.store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    @Test
    void threeNodesTickingTogetherReleaseEachEmbargoOnce() throws Exception {
        MutableClock clock = new MutableClock(T0);
        String db = TestEngines.config(TestEngines.POSTGRESQL, dir.resolve("a")).jdbcUrl();
        for (String name : List.of("a", "b", "c")) {
            apps.add(new App(new ConfigLoader(Map.of()).load(dir.resolve(name), null, db).withNode(name), clock));
        }
        int stories = 20;
        for (int i = 0; i < stories; i++) {
            String text = "Headline: प्रतिबंधित ख़बर " + i + "\nSection: देश\nAgency: IANS\nURI: urn:embargo:" + i
                    + "\nVersion: 1\nEmbargo: 2025-07-12T06:00:00Z\n\nनई दिल्ली, 12 जुलाई (आईएएनएस)। ख़बर " + i + "।\n";
            apps.get(i % 3).pipeline.deliver("ians", "file", "e" + i + ".txt", text.getBytes(StandardCharsets.UTF_8), null);
        }
        assertThat(count(apps.get(0), "SELECT COUNT(*) FROM stories WHERE status = 'embargoed'")).isEqualTo(stories);

        clock.advance(Duration.ofHours(1));
        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService nodes = Executors.newFixedThreadPool(3);
        List<Future<Integer>> released = new ArrayList<>();
        for (App app : apps) {
            EmbargoClock embargoes = new EmbargoClock(new EmbargoQueue(app.store), clock, () -> { });
            released.add(nodes.submit(() -> {
                together.await();
                return embargoes.tick();
            }));
        }
        int total = 0;
        for (Future<Integer> f : released) total += f.get();
        nodes.shutdown();

        assertThat(total).as("releases the three nodes report between them").isEqualTo(stories);
        assertThat(count(apps.get(0), "SELECT COUNT(*) FROM stories WHERE status = 'published'")).isEqualTo(stories);
        assertThat(count(apps.get(0), "SELECT COUNT(*) FROM events WHERE kind = 'published'")).as("one event each")
                .isEqualTo(stories);
        assertThat(count(apps.get(0), "SELECT COUNT(*) FROM audit WHERE actor = 'rule:embargo' AND action = 'published'"))
                .as("one release in the audit each").isEqualTo(stories);
    }
}
