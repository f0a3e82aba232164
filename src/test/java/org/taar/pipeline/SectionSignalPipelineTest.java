package org.taar.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.store.AuditLog;
import org.taar.story.Outcome;

/** A story whose declared section the site does not name lands where what it says points, and the desk sees why. */
class SectionSignalPipelineTest {
    @TempDir Path dir;

    private static byte[] story(String uri, String section, String dateline, String headline, String lead) {
        String text = "Headline: " + headline + "\n"
                + (section == null ? "" : "Section: " + section + "\n")
                + "Agency: IANS\n"
                + "URI: " + uri + "\n"
                + "Version: 1\n"
                + "\n"
                + dateline + " " + lead + "\n\n"
                + "दूसरा अनुच्छेद: " + headline + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theSeedStoryLandsInWorldWithItsSignalOnTheAuditTrail(String engine) {
        try (App app = new App(TestEngines.config(engine, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            Outcome seed = Fixtures.publish(app, story("urn:test:seed", "कूटनीति", "वाशिंगटन, 12 जुलाई (आईएएनएस)।",
                    "उत्तर कोरिया के नेता किम जोंग उन से मिले रूस के विदेश मंत्री",
                    "रूस और उत्तर कोरिया ने सैन्य सहयोग बढ़ाने पर सहमति जताई।"));
            assertThat(seed.status().label()).isEqualTo("published");
            assertThat(seed.url()).startsWith("/world/");
            AuditLog.AuditEntry why = sectioned(app, seed);
            assertThat(why.actor()).isEqualTo("enrich:declared-meaning");
            assertThat(why.reason()).isEqualTo("world (declared-meaning: कूटनीति means world)");

            // Without a declared section, the ANI-style dateline abroad decides; its country is kept as a place.
            Outcome bare = Fixtures.publish(app, story("urn:test:bare", null, "सियोल [दक्षिण कोरिया], 12 जुलाई (एएनआई):",
                    "प्योंगयांग ने फिर मिसाइल दागी", "दक्षिण कोरिया की सेना ने बताया कि मिसाइल समुद्र में गिरी।"));
            assertThat(bare.url()).startsWith("/world/");
            assertThat(bare.status().label()).isEqualTo("published");
            assertThat(sectioned(app, bare).actor()).isEqualTo("enrich:dateline");
            assertThat(sectioned(app, bare).reason()).contains("दक्षिण कोरिया").contains("outside India");

            Outcome state = Fixtures.publish(app, story("urn:test:state", null, "लखनऊ (उत्तर प्रदेश) [भारत], 5 जून (एएनआई):",
                    "राज्य में नई नीति लागू", "मुख्यमंत्री ने किसानों के लिए नई योजना की घोषणा की।"));
            assertThat(state.url()).startsWith("/states/");
            assertThat(sectioned(app, state).reason()).contains("Uttar Pradesh");
        }
    }

    private static AuditLog.AuditEntry sectioned(App app, Outcome o) {
        long id = Long.parseLong(o.url().replaceAll(".*-", ""));
        return app.audit.auditTrail(id).stream().filter(e -> e.action().equals("sectioned")).findFirst().orElseThrow();
    }
}
