package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.config.ConfigLoader;
import org.taar.site.NodeBeat;
import org.taar.store.Nodes;

/**
 * One inbox read by two nodes on one PostgreSQL store: each file is ingested once, whichever node
 * takes it, and the files a node had taken when it died are ingested by another.
 */
class DropFolderNodesTest {
    @TempDir Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    private Path inbox() {
        return dir.resolve("shared").resolve("inbox");
    }

    /** Nodes with a heartbeat in the store, as serving nodes have, each with a drop folder on the shared inbox. */
    private List<App> nodes(String... names) {
        String db = TestEngines.config(TestEngines.POSTGRESQL, dir.resolve(names[0])).jdbcUrl();
        List<App> apps = new ArrayList<>();
        for (String name : names) {
            App app = new App(new ConfigLoader(Map.of()).load(dir.resolve(name), null, db).withNode(name), Clock.systemUTC());
            open.add(app);
            open.add(new NodeBeat(new Nodes(app.store), name, () -> 0, app.clock));
            apps.add(app);
        }
        return apps;
    }

    private static DropFolder dropFolder(App app, Path inbox) {
        Nodes nodes = new Nodes(app.store);
        return DropFolder.shared(inbox, app.config.node().name(), n -> nodes.gone(n, app.clock.instant()), app.pipeline,
                1 << 20, app.clock);
    }

    private static int count(App app, String sql) {
        return app.store.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static long filesUnder(Path p) throws Exception {
        if (!Files.exists(p)) return 0;
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void twoNodesScanningOneInboxAtOnceIngestEveryFileOnce() throws Exception {
        List<App> apps = nodes("a", "b");
        Path pti = Files.createDirectories(inbox().resolve("pti"));
        int files = 40;
        for (int i = 0; i < files; i++) {
            Files.write(pti.resolve("story-" + i + ".txt"), Fixtures.wire("urn:shared-inbox:" + i, 1, null,
                    "साझा फ़ोल्डर की ख़बर " + i, "देश"));
        }
        ExecutorService both = Executors.newFixedThreadPool(2);
        List<Future<Integer>> taken = new ArrayList<>();
        for (App app : apps) {
            DropFolder drop = dropFolder(app, inbox());
            taken.add(both.submit(() -> {
                int n = 0;
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (System.nanoTime() < deadline && filesUnder(inbox()) > 0) n += drop.scan();
                return n;
            }));
        }
        int handled = taken.get(0).get() + taken.get(1).get();
        both.shutdown();

        assertThat(filesUnder(inbox())).as("the inbox is empty").isZero();
        assertThat(filesUnder(dir.resolve("shared").resolve("claimed"))).as("nothing left claimed").isZero();
        assertThat(filesUnder(dir.resolve("shared").resolve("failed"))).as("nothing failed").isZero();
        assertThat(handled).as("files the two nodes handled between them").isEqualTo(files);
        assertThat(count(apps.get(0), "SELECT COUNT(*) FROM deliveries WHERE source = 'pti'")).isEqualTo(files);
        assertThat(count(apps.get(0), "SELECT COUNT(*) FROM versions v JOIN stories s ON s.id = v.story_id "
                + "WHERE s.source = 'pti'")).as("each story recorded once").isEqualTo(files);
    }

    @Test
    void filesClaimedByANodeThatIsGoneAreIngestedByAnotherAndALiveNodesAreLeftToIt() throws Exception {
        List<App> apps = nodes("a", "busy");
        Path claimed = dir.resolve("shared").resolve("claimed");
        Path dead = Files.createDirectories(claimed.resolve("dead").resolve("uni"));
        Files.write(dead.resolve("orphan.txt"), Fixtures.wire("urn:orphan:1", 1, null, "अनाथ फ़ाइल की ख़बर", "देश"));
        Path busy = Files.createDirectories(claimed.resolve("busy").resolve("uni"));
        Files.write(busy.resolve("in-hand.txt"), Fixtures.wire("urn:in-hand:1", 1, null, "चालू नोड की फ़ाइल", "देश"));
        // A name that is no node's, and a link where a node's folder would be: neither is followed.
        Files.createDirectories(claimed.resolve(".."));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere").resolve("uni"));
        Files.write(elsewhere.resolve("planted.txt"), Fixtures.wire("urn:planted:1", 1, null, "रखी गई फ़ाइल", "देश"));
        Files.createSymbolicLink(claimed.resolve("linked"), dir.resolve("elsewhere"));
        Files.createDirectories(inbox());

        dropFolder(apps.get(0), inbox()).scan();

        assertThat(count(apps.get(0), "SELECT COUNT(*) FROM stories WHERE uri = 'urn:orphan:1'")).isEqualTo(1);
        assertThat(Files.exists(dead.resolve("orphan.txt"))).isFalse();
        assertThat(Files.exists(busy.resolve("in-hand.txt"))).as("the live node's file stays with it").isTrue();
        assertThat(count(apps.get(0), "SELECT COUNT(*) FROM stories WHERE uri IN ('urn:in-hand:1', 'urn:planted:1')"))
                .isZero();
        assertThat(Files.exists(elsewhere.resolve("planted.txt"))).isTrue();
    }
}
