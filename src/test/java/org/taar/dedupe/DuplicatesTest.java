package org.taar.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.MutableClock;
import org.taar.pipeline.Pipeline;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.story.Outcome;
import org.taar.store.FingerprintStore;
import org.taar.intake.DeliveryResult;

/** Duplicates through the whole pipeline, on each store engine. */
class DuplicatesTest {
    @TempDir Path dir;

    static final List<String> FLOOD = List.of(
            "केरल के कई जिलों में पिछले चौबीस घंटों से लगातार भारी बारिश हो रही है और नदियों का जलस्तर खतरे के निशान के ऊपर पहुंच गया है।",
            "राज्य आपदा प्रबंधन प्राधिकरण ने इडुक्की, वायनाड और कोझिकोड में रेड अलर्ट जारी करते हुए निचले इलाकों के लोगों से सुरक्षित स्थानों पर जाने को कहा है।",
            "मुख्यमंत्री ने राहत शिविरों की संख्या बढ़ाने और सेना की मदद लेने के निर्देश दिए हैं, जबकि स्कूल और कॉलेज दो दिन बंद रहेंगे।",
            "मौसम विभाग के अनुसार अगले अड़तालीस घंटों में बंगाल की खाड़ी में बने कम दबाव के क्षेत्र के कारण बारिश और तेज हो सकती है।");
    static final List<String> CRICKET = List.of(
            "तिरुवनंतपुरम के ग्रीनफील्ड स्टेडियम में खेले गए दूसरे एकदिवसीय मैच में भारत ने श्रीलंका को सात विकेट से हरा दिया।",
            "पहले बल्लेबाजी करते हुए श्रीलंका की टीम पचास ओवर में दो सौ पैंतीस रन ही बना सकी, जिसमें कप्तान ने अर्धशतक लगाया।",
            "जवाब में भारतीय सलामी बल्लेबाजों ने तेज शुरुआत दी और टीम ने लक्ष्य चालीसवें ओवर में ही हासिल कर लिया।",
            "इस जीत के साथ भारत ने तीन मैचों की श्रृंखला में दो शून्य की अजेय बढ़त बना ली है।");

    /** A wire-text story: dateline with the agency's credit in Hindi, then the paragraphs. */
    static byte[] story(String uri, String agency, String credit, String headline, String summary, List<String> paragraphs) {
        StringBuilder sb = new StringBuilder();
        sb.append("Headline: ").append(headline).append('\n')
                .append("Summary: ").append(summary).append('\n')
                .append("Section: देश\nAgency: ").append(agency).append("\nURI: ").append(uri).append("\nVersion: 1\n\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            if (i == 0) sb.append("तिरुवनंतपुरम, 29 मई (").append(credit).append(")। ");
            sb.append(paragraphs.get(i)).append("\n\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Outcome deliver(App app, String source, byte[] content) {
        DeliveryResult r = app.pipeline.deliver(source, "file", "story.txt", content, null);
        assertThat(r.outcomes()).hasSize(1);
        app.publisher.catchUp();
        return r.outcomes().get(0);
    }

    private static String html(App app, String path) {
        return new String(app.pages.get(path).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    private static long id(Outcome o) {
        return Long.parseLong(o.url().replaceAll(".*-", ""));
    }

    private static int publishedCount(App app) {
        return app.listings.latest(100, 0).size();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void reDeliveryWithNewGuidAndDriftingExcerptPublishesNothingNew(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-05-29T05:00:00Z")))) {
            app.publisher.rebuildAll();
            Outcome first = deliver(app, "ians", story("urn:wp:101", "IANS", "आईएएनएस", "केरल में भारी बारिश, रेड अलर्ट",
                    "केरल में बारिश", FLOOD));
            Outcome again = deliver(app, "ians", story("https://example.in/?p=101&guid=2", "IANS", "आईएएनएस",
                    "केरल में भारी बारिश, रेड अलर्ट", "केरल के कई जिलों में पिछले चौबीस घंटों से…", FLOOD));
            assertThat(first.status().label()).isEqualTo("published");
            assertThat(again.status().label()).isEqualTo("duplicate");
            assertThat(again.reason()).contains("the same text as story " + id(first));
            assertThat(again.url()).isEqualTo(first.url());
            assertThat(publishedCount(app)).isEqualTo(1);
            assertThat(html(app, "/")).doesNotContain("-" + (id(first) + 1) + "\"");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void relayFromASecondSourceIsLinkedNotPublishedAndNamedOnTheFirstStory(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-05-29T05:00:00Z")))) {
            app.publisher.rebuildAll();
            Outcome first = deliver(app, "ians", story("urn:ians:1", "IANS", "आईएएनएस", "केरल में भारी बारिश, रेड अलर्ट",
                    "केरल में बारिश", FLOOD));
            assertThat(html(app, first.url())).doesNotContain("data-role=\"also-reported\"");
            // Relayed by another desk: other credit, nukta and digits spelt otherwise, a paragraph cut, a line added.
            List<String> relayed = List.of(FLOOD.get(0).replace("चौबीस", "२४"), FLOOD.get(1).replace("बढ़ाने", "बढाने"),
                    FLOOD.get(2), "इनपुट: यूएनआई");
            Outcome relay = deliver(app, "varta", story("urn:uni:77", "UNI", "यूएनआई", "केरल में बारिश का कहर, कई जिलों में रेड अलर्ट",
                    "बारिश से हाल बेहाल", relayed));
            assertThat(relay.status().label()).isEqualTo("duplicate");
            assertThat(relay.reason()).contains("near duplicate of story " + id(first));
            assertThat(relay.url()).isEqualTo(first.url());
            assertThat(publishedCount(app)).isEqualTo(1);
            assertThat(html(app, "/")).doesNotContain("बारिश का कहर");
            assertThat(html(app, first.url())).contains("data-role=\"also-reported\"").contains("UNI");

            long dupId = new FingerprintStore(app.stories.store()).duplicatesOf(id(first)).get(0).storyId();
            assertThat(app.audit.auditTrail(dupId)).extracting(e -> e.action() + " by " + e.actor())
                    .containsExactly("duplicate by rule:duplicate");
            assertThat(app.stories.byId(dupId).orElseThrow().status().label()).isEqualTo("duplicate");
            // A newer version of the relay stays a duplicate.
            String v2 = new String(story("urn:uni:77", "UNI", "यूएनआई", "केरल में बारिश का कहर जारी", "अपडेट", relayed),
                    StandardCharsets.UTF_8).replace("Version: 1", "Version: 2");
            assertThat(deliver(app, "varta", v2.getBytes(StandardCharsets.UTF_8)).status().label()).isEqualTo("duplicate");
            assertThat(publishedCount(app)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aDifferentStoryInTheSameSectionIsPublished(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-05-29T05:00:00Z")))) {
            app.publisher.rebuildAll();
            deliver(app, "ians", story("urn:ians:1", "IANS", "आईएएनएस", "केरल में भारी बारिश, रेड अलर्ट", "केरल में बारिश", FLOOD));
            // Same place, day and credit, another event; and a follow-up repeating one background paragraph.
            Outcome other = deliver(app, "varta", story("urn:uni:9", "UNI", "यूएनआई", "भारत ने श्रीलंका को हराया",
                    "श्रृंखला में बढ़त", CRICKET));
            List<String> followUp = List.of("केरल में बाढ़ से अब तक बारह लोगों की मौत हो चुकी है और तीन सौ से अधिक परिवार राहत शिविरों में हैं।",
                    "केंद्र सरकार ने राज्य को अंतरिम सहायता के रूप में पांच सौ करोड़ रुपये देने की घोषणा की है।",
                    "प्रधानमंत्री ने मुख्यमंत्री से फोन पर बात कर हर संभव मदद का भरोसा दिलाया।", FLOOD.get(3));
            Outcome next = deliver(app, "varta", story("urn:uni:10", "UNI", "यूएनआई", "केरल बाढ़: बारह की मौत, केंद्र देगा सहायता",
                    "केंद्र की मदद", followUp));
            assertThat(other.status().label()).isEqualTo("published");
            assertThat(next.status().label()).isEqualTo("published");
            assertThat(publishedCount(app)).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void detectionSurvivesARestartAndVersionsAreNotDuplicates(String engine) {
        Config config = TestEngines.config(engine, dir);
        MutableClock clock = new MutableClock(Instant.parse("2025-05-29T05:00:00Z"));
        Outcome first;
        try (App app = new App(config, clock)) {
            app.publisher.rebuildAll();
            first = deliver(app, "ians", story("urn:ians:1", "IANS", "आईएएनएस", "केरल में भारी बारिश, रेड अलर्ट", "केरल में बारिश", FLOOD));
        }
        clock.advance(Duration.ofHours(3));
        try (App app = new App(config, clock)) {
            app.publisher.rebuildAll();
            Outcome relay = deliver(app, "pti", story("urn:pti:5", "PTI", "भाषा", "केरल में भारी बारिश", "बारिश", FLOOD));
            assertThat(relay.status().label()).isEqualTo("duplicate");
            assertThat(relay.url()).isEqualTo(first.url());
            // The same source and uri again, newer: an update of the first story, not a duplicate of it.
            String v2 = new String(story("urn:ians:1", "IANS", "आईएएनएस", "केरल में भारी बारिश, रेड अलर्ट", "केरल में बारिश",
                    FLOOD), StandardCharsets.UTF_8).replace("Version: 1", "Version: 2");
            assertThat(deliver(app, "ians", v2.getBytes(StandardCharsets.UTF_8)).status().label()).isEqualTo("updated");
            assertThat(html(app, first.url())).contains("data-role=\"also-reported\"").contains("PTI");
        }
        // Outside the window the same text is a story again.
        clock.advance(Duration.ofDays(8));
        try (App app = new App(config, clock)) {
            app.publisher.rebuildAll();
            assertThat(deliver(app, "hs", story("urn:hs:1", "HS", "हि.स.", "केरल में भारी बारिश", "बारिश", FLOOD)).status().label())
                    .isEqualTo("published");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aSourceWithPublishDuplicatesIsPublishedAndStillLinked(String engine) {
        Config base = TestEngines.config(engine, dir);
        Config config = new Config(base.dataDir(), base.jdbcUrl(), base.port(), base.maxDeliveryBytes(), base.site(),
                Map.of("partner", new Config.Source("partner", null, null, null, null, false, true, true)));
        try (App app = new App(config, new MutableClock(Instant.parse("2025-05-29T05:00:00Z")))) {
            app.publisher.rebuildAll();
            Outcome first = deliver(app, "ians", story("urn:ians:1", "IANS", "आईएएनएस", "केरल में भारी बारिश, रेड अलर्ट", "केरल में बारिश", FLOOD));
            Outcome copy = deliver(app, "partner", story("urn:p:1", "partner", "आईएएनएस", "केरल में भारी बारिश", "बारिश", FLOOD));
            assertThat(copy.status().label()).isEqualTo("published");
            assertThat(new FingerprintStore(app.stories.store()).duplicatesOf(id(first))).hasSize(1);
            assertThat(html(app, first.url())).contains("data-role=\"also-reported\"").contains("partner");
        }
    }
}
