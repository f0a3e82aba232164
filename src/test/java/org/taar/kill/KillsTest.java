package org.taar.kill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.pipeline.Pipeline;
import org.taar.store.AdvisoryStore;
import org.taar.story.Outcome;
import org.taar.story.Status;
import org.taar.intake.DeliveryResult;

/** Advisories reaching the story they name, through the whole pipeline, on each engine. */
class KillsTest {
    @TempDir Path dir;

    static byte[] wire(String uri, String headline, String slug, String body) {
        return ("Headline: " + headline + "\nSection: देश\nAgency: IANS\nURI: " + uri + "\n"
                + (slug == null ? "" : "Slugline: " + slug + "\n") + "\n" + body + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] anpa(String keywordLine, String text) {
        return ("\u0016\u0016\u0001a0500 f a " + keywordLine + "\n\u0002" + text + "\n\u0003")
                .getBytes(StandardCharsets.UTF_8);
    }

    static long id(Outcome o) {
        return Long.parseLong(o.url().replaceAll(".*-", ""));
    }

    private static Outcome deliver(App app, String source, byte[] content) {
        DeliveryResult r = app.pipeline.deliver(source, "file", "f.txt", content, null);
        assertThat(r.outcomes()).hasSize(1);
        app.publisher.catchUp();
        return r.outcomes().get(0);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void hindiAdvisoryQuotingTheHeadlineKillsThatStory(String engine) {
        try (App app = new App(org.taar.TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            Outcome story = deliver(app, "ians", wire("urn:ians:1", "केरल में भारी बारिश, स्कूल बंद", null,
                    "तिरुवनंतपुरम, 12 जुलाई (आईएएनएस)। केरल में भारी बारिश से स्कूल बंद रहे।"));
            Outcome other = deliver(app, "ians", wire("urn:ians:2", "दिल्ली में मेट्रो सेवा बाधित", null, "दिल्ली की खबर।"));
            Outcome kill = deliver(app, "ians", wire("urn:ians:adv:1", "संपादकों के लिए सूचना", null,
                    "कृपया 'केरल में भारी बारिश, स्कूल बंद' शीर्षक वाली ख़बर का उपयोग न करें।"));
            assertThat(kill.status().label()).isEqualTo("killed");
            assertThat(kill.url()).isEqualTo(story.url());
            assertThat(app.stories.byId(id(story)).orElseThrow().status()).isEqualTo(Status.KILLED);
            assertThat(app.stories.byId(id(other)).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
            assertThat(app.pages.get(story.url()).orElseThrow().status()).isEqualTo(410);
            var trail = app.audit.auditTrail(id(story));
            assertThat(trail.get(trail.size() - 1).actor()).isEqualTo("agency:ians");
            assertThat(trail.get(trail.size() - 1).reason()).contains("उपयोग न करें").contains("headline");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anpaKillOnALaterDayFindsTheStoryBySlug(String engine) {
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        try (App app = new App(org.taar.TestEngines.config(engine, dir), clock)) {
            app.publisher.rebuildAll();
            Outcome story = deliver(app, "ap", anpa("BC-US--Storm-Floods,0300",
                    "^Storm floods coastal towns<\n   MIAMI (AP) -- A storm flooded coastal towns on Saturday."));
            assertThat(story.status().label()).isEqualTo("published");
            clock.advance(Duration.ofDays(2));
            Outcome kill = deliver(app, "ap", anpa("BC-US--Storm-Floods, KILL,0000", "KILL\n   The story is withdrawn."));
            assertThat(kill.status().label()).isEqualTo("killed");
            assertThat(kill.url()).isEqualTo(story.url());
            assertThat(app.audit.auditTrail(id(story))).last()
                    .satisfies(e -> assertThat(e.reason()).contains("KILL").contains("slug"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anAdvisoryMatchingTwoStoriesIsHeldForAnEditorAndKillsNothing(String engine) {
        try (App app = new App(org.taar.TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            Outcome a = deliver(app, "ians", wire("urn:ians:a", "दिल्ली में मेट्रो सेवा बाधित", null, "पहली।"));
            Outcome b = deliver(app, "ians", wire("urn:ians:b", "दिल्ली में मेट्रो सेवा बाधित", null, "दूसरी।"));
            Outcome kill = deliver(app, "ians", wire("urn:ians:adv:2", "सूचना", null,
                    "'दिल्ली में मेट्रो सेवा बाधित' शीर्षक से जारी खबर वापस ली जाती है।"));
            assertThat(kill.status().label()).isEqualTo("held");
            assertThat(kill.reason()).contains("2 stories");
            assertThat(app.stories.byId(id(a)).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
            assertThat(app.stories.byId(id(b)).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
            var open = new AdvisoryStore(app.stories.store()).open("ians", 10);
            assertThat(open).hasSize(1);
            assertThat(open.get(0).status()).isEqualTo("ambiguous");
            assertThat(open.get(0).candidates()).containsExactlyInAnyOrder(id(a), id(b));
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anAdvisoryForNoKnownStoryIsPendingAndItsStoryStaysDown(String engine) {
        try (App app = new App(org.taar.TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            Outcome kill = deliver(app, "ians", Fixtures.wire("urn:ians:late", 2, "canceled", "देर से आई खबर", "देश"));
            assertThat(kill.status().label()).isEqualTo("killed");
            assertThat(new AdvisoryStore(app.stories.store()).open("ians", 10))
                    .extracting(AdvisoryStore.Advisory::status).containsExactly("pending");
            Outcome late = deliver(app, "ians", Fixtures.wire("urn:ians:late", 1, null, "देर से आई खबर", "देश"));
            assertThat(late.status().label()).isEqualTo("killed");
            // Another source's advisories are not this source's.
            assertThat(new AdvisoryStore(app.stories.store()).open("pti", 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anotherSourcesStoryIsNeverKilledByAnAdvisory(String engine) {
        try (App app = new App(org.taar.TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            Outcome story = deliver(app, "pti", wire("urn:pti:1", "केरल में भारी बारिश, स्कूल बंद", null, "पीटीआई।"));
            Outcome kill = deliver(app, "ians", wire("urn:ians:adv:3", "सूचना", null,
                    "कृपया 'केरल में भारी बारिश, स्कूल बंद' नामक खबर को हटा दें।"));
            assertThat(kill.status().label()).isEqualTo("killed");
            assertThat(kill.url()).isNotEqualTo(story.url());
            assertThat(app.stories.byId(id(story)).orElseThrow().status()).isEqualTo(Status.PUBLISHED);
        }
    }
}
