package org.taar.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.site.Page;
import org.taar.story.Outcome;
import org.taar.intake.DeliveryResult;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;

/** The whole path, delivery to materialized page, on each store engine. */
class PipelineTest {
    @TempDir Path dir;

    private App open(String engine, MutableClock clock) {
        return new App(TestEngines.config(engine, dir), clock);
    }

    private static Outcome deliver(App app, byte[] content) {
        return Fixtures.publish(app, content);
    }

    private static String html(App app, String path) {
        return new String(app.pages.get(path).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theAuditTrailSaysWhoPublishedAndWhoKilled(String engine) {
        try (App app = open(engine, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            Outcome first = deliver(app, Fixtures.wire("urn:test:audit", 1, null, "केरल में भारी बारिश", "देश"));
            deliver(app, Fixtures.wire("urn:test:audit", 2, null, "केरल में भारी बारिश जारी", "देश"));
            deliver(app, Fixtures.wire("urn:test:audit", 3, "canceled", "केरल में भारी बारिश", "देश"));
            long id = Long.parseLong(first.url().replaceAll(".*-", ""));
            var trail = app.audit.auditTrail(id);
            assertThat(trail).extracting(e -> e.action() + " by " + e.actor())
                    .containsExactly("published by rule:default-publish", "sectioned by enrich:declared",
                            "killed by agency:ians");
            assertThat(trail.get(1).reason()).isEqualTo("india (declared: देश)");
            assertThat(trail.get(2).reason()).contains("canceled");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void newStoryIsPublishedOnItsPageHomeAndSection(String engine) {
        try (App app = open(engine, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            Outcome o = deliver(app, Fixtures.wire("urn:test:1", 1, null, "केरल में भारी बारिश", "देश"));
            assertThat(o.status().label()).isEqualTo("published");
            assertThat(o.url()).startsWith("/india/").matches("/india/[a-z0-9-]+-\\d+");
            Page page = app.pages.get(o.url()).orElseThrow();
            assertThat(page.status()).isEqualTo(200);
            assertThat(html(app, o.url())).contains("<h1>केरल में भारी बारिश</h1>").contains("12 July 2025 11:19 AM IST");
            assertThat(html(app, "/")).contains(o.url());
            assertThat(html(app, "/india/")).contains(o.url());
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void newerVersionUpdatesTheStoryAndOlderOneChangesNothing(String engine) {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        try (App app = open(engine, clock)) {
            app.publisher.rebuildAll();
            Outcome v1 = deliver(app, Fixtures.wire("urn:test:2", 1, null, "पहला शीर्षक", "खेल"));
            clock.advance(Duration.ofMinutes(30));
            Outcome v2 = deliver(app, Fixtures.wire("urn:test:2", 2, null, "बदला हुआ शीर्षक", "खेल"));
            assertThat(v2.status().label()).isEqualTo("updated");
            // The same story (same id) at the slug of its new headline; the old address answers 301.
            assertThat(v2.url()).isNotEqualTo(v1.url()).endsWith(v1.url().replaceAll(".*-", "-"));
            assertThat(html(app, v2.url())).contains("बदला हुआ शीर्षक").contains("Updated On")
                    .contains("12 July 2025 11:49 AM IST");

            Outcome stale = deliver(app, Fixtures.wire("urn:test:2", 1, null, "पुराना संस्करण", "खेल"));
            Outcome same = deliver(app, Fixtures.wire("urn:test:2", 2, null, "वही संस्करण दोबारा", "खेल"));
            assertThat(stale.status().label()).isEqualTo("duplicate");
            assertThat(same.status().label()).isEqualTo("duplicate");
            assertThat(stale.url()).isEqualTo(v2.url());
            assertThat(html(app, v2.url())).contains("बदला हुआ शीर्षक").doesNotContain("पुराना संस्करण")
                    .doesNotContain("वही संस्करण दोबारा");
            int versions = app.store.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM versions v JOIN stories s ON s.id = v.story_id WHERE s.uri = 'urn:test:2'")
                    .mapTo(Integer.class).one());
            assertThat(versions).as("every version is recorded").isEqualTo(4);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void canceledStoryAnswersGoneAndLeavesEveryListing(String engine) {
        try (App app = open(engine, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            Outcome live = deliver(app, Fixtures.wire("urn:test:3", 1, null, "वापस ली जाने वाली ख़बर", "खेल"));
            Outcome other = deliver(app, Fixtures.wire("urn:test:4", 1, null, "दूसरी ख़बर", "खेल"));
            assertThat(html(app, other.url())).contains("rel=\"next\" href=\"" + live.url() + "\"");

            Outcome kill = deliver(app, Fixtures.wire("urn:test:3", 1, "canceled", "वापस ली जाने वाली ख़बर", "खेल"));
            assertThat(kill.status().label()).isEqualTo("killed");
            assertThat(kill.url()).isEqualTo(live.url());
            assertThat(app.pages.get(live.url()).orElseThrow().status()).isEqualTo(410);
            for (String listing : new String[] {"/", "/sports/"}) {
                assertThat(app.pages.get(listing)).as(listing).isPresent();
                assertThat(html(app, listing)).as(listing).doesNotContain(live.url()).contains(other.url());
            }
            // A tag page is rendered on request after a change (ListingPages.forgetTag), as a reader's request reads it.
            assertThat(new String(app.onDemand.find("/tag/kerala/").orElseThrow().page().body(), StandardCharsets.UTF_8))
                    .doesNotContain(live.url()).contains(other.url());
            assertThat(html(app, other.url())).as("next link no longer points at the killed story")
                    .doesNotContain(live.url());

            Outcome later = deliver(app, Fixtures.wire("urn:test:3", 2, null, "फिर से भेजी गई ख़बर", "खेल"));
            assertThat(later.status().label()).isEqualTo("killed");
            assertThat(app.pages.get(live.url()).orElseThrow().status()).isEqualTo(410);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void embargoedStoryAppearsOnceItsTimeComes(String engine) {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:00:00Z"));
        try (App app = open(engine, clock)) {
            app.publisher.rebuildAll();
            String text = new String(Fixtures.wire("urn:test:5", 1, null, "प्रतिबंधित ख़बर", "देश"), StandardCharsets.UTF_8)
                    .replace("Version: 1\n", "Version: 1\nEmbargo: 2025-07-12T06:00:00Z\n");
            Outcome o = deliver(app, text.getBytes(StandardCharsets.UTF_8));
            assertThat(o.status().label()).isEqualTo("embargoed");
            assertThat(app.pages.get(o.url())).isEmpty();
            var embargo = new org.taar.rules.EmbargoClock(new org.taar.store.EmbargoQueue(app.store), clock, () -> {});
            assertThat(embargo.tick()).isZero();
            clock.advance(Duration.ofHours(1));
            assertThat(embargo.tick()).isEqualTo(1);
            assertThat(embargo.tick()).as("released exactly once").isZero();
            app.publisher.catchUp();
            assertThat(app.pages.get(o.url()).orElseThrow().status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void sameBytesTwiceAreArchivedOnceAndPublishNothingNew(String engine) throws Exception {
        try (App app = open(engine, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            byte[] bytes = Fixtures.wire("urn:test:6", 1, null, "एक ही ख़बर", "देश");
            DeliveryResult first = app.pipeline.deliver("ians", "push", "a", bytes, null);
            DeliveryResult second = app.pipeline.deliver("ians", "push", "b", bytes, null);
            assertThat(first.delivery().firstTime()).isTrue();
            assertThat(second.delivery().firstTime()).isFalse();
            assertThat(second.delivery().id()).isEqualTo(first.delivery().id());
            assertThat(second.outcomes().get(0).status().label()).isEqualTo("duplicate");
            assertThat(app.archive.read(first.delivery().sha256())).isEqualTo(bytes);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void unreadableDeliveryIsArchivedAndRejectedWithAReason(String engine) throws Exception {
        try (App app = open(engine, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            byte[] junk = {(byte) 0xC3, (byte) 0x28, 'a', 'b'};
            DeliveryResult r = app.pipeline.deliver("ians", "file", "junk.bin", junk, null);
            assertThat(r.rejected()).isTrue();
            assertThat(r.error()).isNotBlank();
            assertThat(app.archive.read(r.delivery().sha256())).isEqualTo(junk);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void headlineOfInvisibleCharactersIsBuiltFromTheBodyAndSaysSo(String engine) {
        try (App app = open(engine, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            byte[] text = "Headline: \u200b\u200b\u00ad\n\nतिरुवनंतपुरम, 29 मई (आईएएनएस)। केरल में भारी बारिश से जनजीवन ठप।\n"
                    .getBytes(StandardCharsets.UTF_8);
            DeliveryResult r = app.pipeline.deliver("ians", "file", "x.txt", text, null);
            assertThat(r.rejected()).isFalse();
            assertThat(r.outcomes()).singleElement().extracting(o -> o.status().label()).isEqualTo("published");
            String headline = app.store.jdbi().withHandle(h -> h.createQuery("SELECT headline FROM stories")
                    .mapTo(String.class).one());
            assertThat(headline).isEqualTo("केरल में भारी बारिश से जनजीवन ठप।");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void feedItemWithNothingToMakeAHeadlineOfIsHeldForAnEditor(String engine) {
        try (App app = open(engine, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            byte[] feed = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                    + "<link>https://example.in/</link><item><guid isPermaLink=\"false\">urn:feed:only-a-guid</guid>"
                    + "<pubDate>Sat, 12 Jul 2025 05:30:00 +0530</pubDate></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
            DeliveryResult r = app.pipeline.deliver("ians", "poll", "feed", feed, null);
            assertThat(r.rejected()).isFalse();
            Outcome o = r.outcomes().get(0);
            assertThat(o.status().label()).isEqualTo("held");
            assertThat(o.uri()).isEqualTo("urn:feed:only-a-guid");
            assertThat(o.reason()).contains("no headline");
            String headline = app.store.jdbi().withHandle(h -> h.createQuery("SELECT headline FROM stories WHERE uri = 'urn:feed:only-a-guid'")
                    .mapTo(String.class).one());
            assertThat(headline).startsWith(Pipeline.NO_HEADLINE);
            // Held: not on the site until an editor writes a headline and releases it.
            assertThat(app.pages.get(o.url())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void readableDeliveryWithoutNewsIsRejectedAsEmptyNotBroken(String engine) {
        try (App app = open(engine, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            byte[] feed = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>खाली</title>"
                    + "<link>https://example.in/</link><description>d</description></channel></rss>").getBytes(StandardCharsets.UTF_8);
            DeliveryResult r = app.pipeline.deliver("ians", "poll", "feed", feed, null);
            assertThat(r.rejected()).isTrue();
            assertThat(r.empty()).isTrue();
            assertThat(r.error()).contains("no news items");
            assertThat(app.archive.pathOf(r.delivery().sha256())).exists();
        }
    }
}
