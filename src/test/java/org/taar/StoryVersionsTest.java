package org.taar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.rules.EmbargoClock;
import org.taar.store.EmbargoQueue;
import org.taar.store.Event;
import org.taar.store.StoryHistory;
import org.taar.store.StoryReads;
import org.taar.story.Outcome;

/** Versions that arrive late, twice or out of order; headline changes; corrections; embargoes released once. */
class StoryVersionsTest {
    @TempDir Path dir;
    @TempDir Path secondNode;

    private static final Instant NOON = Instant.parse("2025-07-12T05:49:00Z");

    private static long id(Outcome o) {
        return Long.parseLong(o.url().replaceAll(".*-", ""));
    }

    private static String html(App app, String path) {
        return new String(app.pages.get(path).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    private static List<Event> events(App app) {
        return app.events.eventsAfter(0, 1000);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anOlderVersionArrivingLateNeverOverwritesANewerOne(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(NOON))) {
            app.publisher.rebuildAll();
            Outcome v1 = Fixtures.publish(app, Fixtures.wire("urn:test:late", 1, null, "केरल में भारी बारिश", "देश"));
            Outcome v3 = Fixtures.publish(app, Fixtures.wire("urn:test:late", 3, null, "केरल में भारी बारिश, तीन की मौत", "देश"));
            Outcome v2 = Fixtures.publish(app, Fixtures.wire("urn:test:late", 2, null, "केरल में भारी बारिश, एक की मौत", "देश"));

            assertThat(List.of(v1.status().label(), v3.status().label(), v2.status().label())).containsExactly("published", "updated", "duplicate");
            assertThat(v2.reason()).contains("not newer");
            var story = app.stories.byId(id(v1)).orElseThrow();
            assertThat(story.version()).isEqualTo(3);
            assertThat(story.headline()).isEqualTo("केरल में भारी बारिश, तीन की मौत");
            assertThat(html(app, story.path())).contains("<h1>केरल में भारी बारिश, तीन की मौत</h1>");
            // The late version is kept with its delivery, yet wrote no event: the site never saw it.
            List<StoryReads.VersionEntry> history = app.stories.versionHistory(story.id());
            assertThat(history).extracting(v -> v.version() + " " + v.outcome().label())
                    .containsExactly("1 published", "3 updated", "2 duplicate");
            assertThat(history).allSatisfy(v -> {
                assertThat(v.deliveryId()).isNotNull();
                assertThat(v.sha256()).matches("[0-9a-f]{64}");
            });
            assertThat(history).extracting(StoryReads.VersionEntry::sha256).doesNotHaveDuplicates();
            assertThat(events(app)).extracting(e -> e.kind().label()).containsExactly("published", "updated");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theSameDeliveryTwiceChangesNothing(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(NOON))) {
            app.publisher.rebuildAll();
            byte[] bytes = Fixtures.wire("urn:test:twice", 1, null, "दिल्ली में मेट्रो सेवा बहाल", "देश");
            Outcome first = Fixtures.publish(app, bytes);
            Outcome again = Fixtures.publish(app, bytes);
            assertThat(first.status().label()).isEqualTo("published");
            assertThat(again.status().label()).isEqualTo("duplicate");
            assertThat(again.url()).isEqualTo(first.url());
            assertThat(app.stories.versionHistory(id(first))).hasSize(1);
            assertThat(events(app)).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aNewHeadlineMovesTheStoryToANewSlugEverywhere(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(NOON))) {
            app.publisher.rebuildAll();
            Outcome v1 = Fixtures.publish(app, Fixtures.wire("urn:test:moved", 1, null, "केरल में भारी बारिश", "देश"));
            assertThat(app.pages.get(v1.url())).isPresent();
            Outcome v2 = Fixtures.publish(app, Fixtures.wire("urn:test:moved", 2, null, "तमिलनाडु में चक्रवात की चेतावनी", "देश"));

            assertThat(v2.url()).isNotEqualTo(v1.url()).endsWith("-" + id(v1)).startsWith("/india/");
            assertThat(app.stories.byId(id(v1)).orElseThrow().path()).isEqualTo(v2.url());
            assertThat(StoryHistory.former(app.stories.store(), id(v1))).containsExactly(v1.url());
            // The old page left the cache, so the old address falls through to the 301 (site/OnDemand).
            assertThat(app.pages.get(v1.url())).isEmpty();
            assertThat(html(app, v2.url())).contains("<h1>तमिलनाडु में चक्रवात की चेतावनी</h1>");
            for (String listing : List.of("/", "/india/", "/feed.xml", "/sitemap-news.xml")) {
                assertThat(html(app, listing)).as(listing).contains(v2.url()).doesNotContain(v1.url() + "\"");
            }
            // A stale version with the first headline moves nothing back.
            Outcome late = Fixtures.publish(app, Fixtures.wire("urn:test:moved", 1, null, "केरल में भारी बारिश", "देश"));
            assertThat(late.url()).isEqualTo(v2.url());
            // Going back to the first wording takes the first address back; it is no longer a former one.
            Outcome v3 = Fixtures.publish(app, Fixtures.wire("urn:test:moved", 3, null, "केरल में भारी बारिश", "देश"));
            assertThat(v3.url()).isEqualTo(v1.url());
            assertThat(StoryHistory.former(app.stories.store(), id(v1))).containsExactly(v2.url());
            assertThat(app.pages.get(v2.url())).isEmpty();
            assertThat(app.pages.get(v1.url())).isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aCorrectionShowsANoticeThatOutlivesLaterUpdates(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(NOON))) {
            app.publisher.rebuildAll();
            Outcome v1 = Fixtures.publish(app, Fixtures.wire("urn:test:corr", 1, null, "केरल में भारी बारिश", "देश"));
            assertThat(html(app, v1.url())).doesNotContain("data-role=\"correction\"");
            Outcome v2 = Fixtures.publish(app, Fixtures.wire("urn:test:corr", 2, "corrected", "सुधार: केरल में भारी बारिश", "देश"));
            assertThat(v2.url()).isEqualTo(v1.url());
            String page = html(app, v2.url());
            assertThat(page).contains("<h1>केरल में भारी बारिश</h1>").doesNotContain("<h1>सुधार")
                    .contains("data-role=\"correction\"").contains("सुधारा गया")
                    .contains("\"@type\":\"CorrectionComment\"");
            Fixtures.publish(app, Fixtures.wire("urn:test:corr", 3, null, "केरल में भारी बारिश", "देश"));
            assertThat(html(app, v1.url())).contains("data-role=\"correction\"");
            assertThat(app.audit.auditTrail(id(v1))).extracting(e -> e.action() + " by " + e.actor())
                    .contains("corrected by agency:ians");
            assertThat(app.stories.versionHistory(id(v1))).extracting(v -> v.item().correction())
                    .containsExactly(false, true, false);
        }
    }

    /** An embargoed story; the uri is in the body too, so stories of one test are not duplicates of each other. */
    private static byte[] embargoed(String uri, Instant until) {
        return ("Headline: प्रधानमंत्री आज बजट पेश करेंगे\nSection: देश\nAgency: IANS\nURI: " + uri
                + "\nVersion: 1\nEmbargo: " + until + "\n\nनई दिल्ली, 12 जुलाई (आईएएनएस)। बजट की ख़बर " + uri + "।\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A second node: its own data folder, the same database (for SQLite, the same file). */
    private App secondNode(String engine, Config first, MutableClock clock) {
        Config config = engine.equals(TestEngines.SQLITE) ? TestEngines.config(engine, dir)
                : new ConfigLoader(java.util.Map.of()).load(secondNode, null, first.jdbcUrl());
        return new App(config, clock);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void twoNodesReleasingAnEmbargoAtOncePublishItOnce(String engine) throws Exception {
        MutableClock clock = new MutableClock(NOON);
        Config config = TestEngines.config(engine, dir);
        try (App a = new App(config, clock); App b = secondNode(engine, config, clock)) {
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Outcome o = a.pipeline.deliver("ians", "file", "e" + i + ".txt",
                        embargoed("urn:test:emb" + i, NOON.plusSeconds(60)), null).outcomes().get(0);
                assertThat(o.status().label()).isEqualTo("embargoed");
                ids.add(id(o));
            }
            clock.advance(Duration.ofSeconds(61));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            int released = 0;
            try {
                // Both nodes see the same eight stories due and race for each of them.
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> runs = List.of(
                        pool.submit(() -> { go.await(); return new EmbargoClock(new EmbargoQueue(a.store), clock, () -> { }).tick(); }),
                        pool.submit(() -> { go.await(); return new EmbargoClock(new EmbargoQueue(b.store), clock, () -> { }).tick(); }));
                go.countDown();
                for (Future<Integer> f : runs) released += f.get();
            } finally {
                pool.shutdownNow();
            }
            assertThat(released).isEqualTo(8);
            assertThat(events(a)).filteredOn(e -> e.kind().label().equals("published")).extracting(Event::storyId)
                    .containsExactlyInAnyOrderElementsOf(ids);
            for (long id : ids) {
                assertThat(a.audit.auditTrail(id)).filteredOn(e -> e.actor().equals("rule:embargo") && e.action().equals("published")).hasSize(1);
                assertThat(b.stories.byId(id).orElseThrow().isPublished()).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anEmbargoThatPassesWhileDownIsPublishedOnceAtStart(String engine) {
        MutableClock clock = new MutableClock(NOON);
        Config config = TestEngines.config(engine, dir);
        Outcome o;
        try (App before = new App(config, clock)) {
            o = before.pipeline.deliver("ians", "file", "e.txt", embargoed("urn:test:down", NOON.plusSeconds(60)), null)
                    .outcomes().get(0);
            assertThat(new EmbargoClock(new EmbargoQueue(before.store), clock, () -> { }).tick()).isZero();
        }
        clock.advance(Duration.ofHours(2));
        for (int start = 0; start < 2; start++) {
            try (App after = new App(config, clock)) {
                int released = new EmbargoClock(new EmbargoQueue(after.store), clock, () -> { }).tick();
                assertThat(released).isEqualTo(start == 0 ? 1 : 0);
                after.publisher.rebuildAll();
                assertThat(after.pages.get(o.url())).isPresent();
                assertThat(events(after)).extracting(e -> e.kind().label()).containsExactly("embargoed", "published");
            }
        }
    }
}
