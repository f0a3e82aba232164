package org.taar.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.desk.EditorActions;
import org.taar.intake.DeliveryResult;
import org.taar.store.RuleStore;
import org.taar.store.WireQueue.Entry;
import org.taar.store.WireQueue.Filter;
import org.taar.story.Outcome;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;

/** Every outcome the pipeline reaches leaves its row in the desk's wire queue, on each engine. */
class WireQueuePipelineTest {
    static final Instant START = Instant.parse("2025-07-12T05:49:00Z");
    @TempDir Path dir;

    private static long id(Outcome o) {
        return Long.parseLong(o.url().replaceAll(".*-", ""));
    }

    private static Entry newest(App app) {
        return app.wire.page(Filter.ALL, null, 1).entries().get(0);
    }

    private static long rows(App app) {
        return app.wire.counts(Filter.ALL).values().stream().mapToLong(Long::longValue).sum();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void everyOutcomeIsQueuedWithWhatDecidedIt(String engine) throws Exception {
        MutableClock clock = new MutableClock(START);
        try (App app = new App(TestEngines.config(engine, dir), clock)) {
            new RuleStore(app.store, app.clock).add("gold-hold",
                    "{\"match\": {\"keywords\": [\"सोना\"]}, \"action\": \"hold\", \"reason\": \"prices checked by hand\"}");

            Outcome published = Fixtures.publish(app, Fixtures.wire("urn:w:1", 1, null, "केरल में भारी बारिश", "देश"));
            Entry p = newest(app);
            assertThat(p.outcome()).isEqualTo(OutcomeStatus.PUBLISHED);
            assertThat(p.rule()).isEqualTo("default-publish");
            assertThat(p.storyId()).isEqualTo(id(published));
            assertThat(p.path()).isEqualTo(published.url());
            assertThat(p.agency()).isEqualTo("IANS");
            assertThat(p.source()).isEqualTo("ians");
            assertThat(p.headline()).isEqualTo("केरल में भारी बारिश");
            assertThat(p.section()).isEqualTo("india");
            assertThat(p.uri()).isEqualTo("urn:w:1");
            assertThat(p.version()).isEqualTo(1);
            assertThat(p.name()).isEqualTo("story.txt");
            assertThat(p.at()).isEqualTo(START);

            clock.advance(Duration.ofMinutes(1));
            Fixtures.publish(app, Fixtures.wire("urn:w:1", 2, null, "केरल में भारी बारिश जारी", "देश"));
            assertThat(newest(app).outcome()).isEqualTo(OutcomeStatus.UPDATED);
            assertThat(newest(app).version()).isEqualTo(2);

            Outcome held = Fixtures.publish(app, Fixtures.wire("urn:w:2", 1, null, "सोना फिर महंगा", "कारोबार"));
            Entry h = newest(app);
            assertThat(h.outcome()).isEqualTo(OutcomeStatus.HELD);
            assertThat(h.rule()).isEqualTo("gold-hold");
            assertThat(h.reason()).isEqualTo(held.reason());
            assertThat(h.storyStatus()).isEqualTo(Status.HELD);

            String embargoed = new String(Fixtures.wire("urn:w:3", 1, null, "बजट के आंकड़े", "देश"), StandardCharsets.UTF_8)
                    .replace("Version: 1\n", "Version: 1\nEmbargo: 2025-07-12T08:00:00Z\n");
            Fixtures.publish(app, embargoed.getBytes(StandardCharsets.UTF_8));
            Entry e = newest(app);
            assertThat(e.outcome()).isEqualTo(OutcomeStatus.EMBARGOED);
            assertThat(e.embargoUntil()).isEqualTo(Instant.parse("2025-07-12T08:00:00Z"));
            assertThat(e.rule()).isEqualTo("embargo");

            Fixtures.publish(app, Fixtures.wire("urn:w:1", 3, "canceled", "केरल में भारी बारिश", "देश"));
            Entry k = newest(app);
            assertThat(k.outcome()).isEqualTo(OutcomeStatus.KILLED);
            assertThat(k.reason()).contains("canceled");
            assertThat(k.storyStatus()).isEqualTo(Status.KILLED);
            // The first row of the story now shows where the story stands: was published, killed since.
            Entry first = app.wire.page(Filter.ALL, null, 50).entries().stream()
                    .filter(x -> x.uri() != null && x.uri().equals("urn:w:1") && x.version() == 1).findFirst().orElseThrow();
            assertThat(first.outcome()).isEqualTo(OutcomeStatus.PUBLISHED);
            assertThat(first.storyStatus()).isEqualTo(Status.KILLED);

            Fixtures.publish(app, Fixtures.wire("urn:w:2", 1, null, "सोना फिर महंगा, दोबारा", "कारोबार"));
            Entry stale = newest(app);
            assertThat(stale.outcome()).isEqualTo(OutcomeStatus.DUPLICATE);
            assertThat(stale.originalId()).as("a stale version repeats its own story, no other").isNull();

            Map<OutcomeStatus, Long> counts = app.wire.counts(Filter.ALL);
            assertThat(counts).containsEntry(OutcomeStatus.PUBLISHED, 1L).containsEntry(OutcomeStatus.UPDATED, 1L)
                    .containsEntry(OutcomeStatus.HELD, 1L).containsEntry(OutcomeStatus.EMBARGOED, 1L)
                    .containsEntry(OutcomeStatus.KILLED, 1L).containsEntry(OutcomeStatus.DUPLICATE, 1L)
                    .containsEntry(OutcomeStatus.REJECTED, 0L);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void rejectedDeliveriesAreQueuedWithTheirReasonAndNoStory(String engine) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), "max_delivery_bytes: 2000\n", StandardCharsets.UTF_8);
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(START))) {
            DeliveryResult junk = app.pipeline.deliver("ians", "file", "junk.bin", new byte[] {(byte) 0xC3, (byte) 0x28, 'a'}, null);
            Entry j = newest(app);
            assertThat(j.outcome()).isEqualTo(OutcomeStatus.REJECTED);
            assertThat(j.storyId()).isNull();
            assertThat(j.path()).isNull();
            assertThat(j.deliveryId()).isEqualTo(junk.delivery().id());
            assertThat(j.name()).isEqualTo("junk.bin");
            assertThat(j.reason()).isEqualTo(junk.outcomes().get(0).reason());

            byte[] big = new byte[3000];
            app.pipeline.deliver("ians", "push", "<script>big</script>", big, null);
            Entry b = newest(app);
            assertThat(b.outcome()).isEqualTo(OutcomeStatus.REJECTED);
            assertThat(b.deliveryId()).as("too large: never archived").isNull();
            assertThat(b.name()).isEqualTo("<script>big</script>");
            assertThat(b.reason()).contains("too large");

            // A headline of invisible characters and a body without a word: nothing to build a headline
            // from, so it waits for an editor in the queue instead of being thrown away.
            byte[] invisible = "Headline: \u200b\u200b\u00ad\nURI: urn:w:blank\n\n— ।\n"
                    .getBytes(StandardCharsets.UTF_8);
            app.pipeline.deliver("ians", "file", "blank.txt", invisible, null);
            Entry n = newest(app);
            assertThat(n.outcome()).isEqualTo(OutcomeStatus.HELD);
            assertThat(n.reason()).startsWith("no headline");
            assertThat(n.uri()).isEqualTo("urn:w:blank");

            assertThat(app.wire.counts(Filter.ALL)).containsEntry(OutcomeStatus.REJECTED, 2L);
            assertThat(app.wire.page(Filter.ALL.withOutcome(OutcomeStatus.REJECTED), null, 10).entries()).hasSize(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aRelayIsQueuedAsADuplicateLinkedToTheFirstStory(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(START))) {
            List<String> flood = List.of(
                    "केरल के कई जिलों में पिछले चौबीस घंटों से लगातार भारी बारिश हो रही है और नदियों का जलस्तर खतरे के निशान के ऊपर पहुंच गया है।",
                    "राज्य आपदा प्रबंधन प्राधिकरण ने इडुक्की, वायनाड और कोझिकोड में रेड अलर्ट जारी करते हुए निचले इलाकों के लोगों से सुरक्षित स्थानों पर जाने को कहा है।",
                    "मुख्यमंत्री ने राहत शिविरों की संख्या बढ़ाने और सेना की मदद लेने के निर्देश दिए हैं, जबकि स्कूल और कॉलेज दो दिन बंद रहेंगे।");
            Outcome first = Fixtures.publish(app, story("urn:ians:1", "IANS", "आईएएनएस", "केरल में भारी बारिश", flood));
            DeliveryResult relay = app.pipeline.deliver("varta", "file", "relay.txt",
                    story("urn:uni:7", "UNI", "यूएनआई", "केरल में बारिश का कहर", flood), null);
            assertThat(relay.outcomes().get(0).status()).isEqualTo(OutcomeStatus.DUPLICATE);
            Entry d = newest(app);
            assertThat(d.outcome()).isEqualTo(OutcomeStatus.DUPLICATE);
            assertThat(d.originalId()).isEqualTo(id(first));
            assertThat(d.originalPath()).isEqualTo(first.url());
            assertThat(d.agency()).isEqualTo("UNI");
            assertThat(d.source()).isEqualTo("varta");
            assertThat(d.storyStatus()).isEqualTo(Status.DUPLICATE);
            assertThat(app.wire.page(new Filter("varta", null, null, null, null, null, null, null), null, 10).entries())
                    .extracting(Entry::id).containsExactly(d.id());
            assertThat(app.wire.page(new Filter(null, "IANS", null, null, null, null, null, null), null, 10).entries())
                    .extracting(Entry::storyId).containsExactly(id(first));
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anAmbiguousKillAdvisoryIsQueuedAsHeldWithoutAStory(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(START))) {
            Fixtures.publish(app, plain("urn:ians:a", "दिल्ली में मेट्रो सेवा बाधित", "पहली।"));
            Fixtures.publish(app, plain("urn:ians:b", "दिल्ली में मेट्रो सेवा बाधित", "दूसरी।"));
            Outcome kill = Fixtures.publish(app, plain("urn:ians:adv:2", "सूचना",
                    "'दिल्ली में मेट्रो सेवा बाधित' शीर्षक से जारी खबर वापस ली जाती है।"));
            assertThat(kill.status()).isEqualTo(OutcomeStatus.HELD);
            Entry a = newest(app);
            assertThat(a.outcome()).isEqualTo(OutcomeStatus.HELD);
            assertThat(a.storyId()).isNull();
            assertThat(a.uri()).isEqualTo("urn:ians:adv:2");
            assertThat(a.reason()).isEqualTo(kill.reason());
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anEditorsActionChangesTheStoryNotTheQueue(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(START))) {
            Outcome o = Fixtures.publish(app, Fixtures.wire("urn:w:ed", 1, null, "संसद का सत्र शुरू", "देश"));
            long before = rows(app);
            assertThat(app.editorActions.apply(id(o), EditorActions.Act.HOLD, "asha", "checking facts").kind())
                    .isEqualTo(EditorActions.Result.Kind.DONE);
            assertThat(rows(app)).isEqualTo(before);
            Entry e = newest(app);
            assertThat(e.outcome()).as("what arrived").isEqualTo(OutcomeStatus.PUBLISHED);
            assertThat(e.storyStatus()).as("where it stands now").isEqualTo(Status.HELD);
            // The live catch-up sees nothing new after the newest row.
            assertThat(app.wire.since(e.id())).isEmpty();
            Fixtures.publish(app, Fixtures.wire("urn:w:ed2", 1, null, "दूसरी ख़बर", "देश"));
            List<Entry> live = app.wire.since(e.id());
            assertThat(live).extracting(Entry::uri).containsExactly("urn:w:ed2");
        }
    }

    private static byte[] story(String uri, String agency, String credit, String headline, List<String> paragraphs) {
        StringBuilder sb = new StringBuilder();
        sb.append("Headline: ").append(headline).append("\nSummary: सार\nSection: देश\nAgency: ").append(agency)
                .append("\nURI: ").append(uri).append("\nVersion: 1\n\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i == 0) sb.append("तिरुवनंतपुरम, 29 मई (").append(credit).append(")। ");
            sb.append(paragraphs.get(i)).append("\n\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] plain(String uri, String headline, String body) {
        return ("Headline: " + headline + "\nSection: देश\nAgency: IANS\nURI: " + uri + "\n\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
