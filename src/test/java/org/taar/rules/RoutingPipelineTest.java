package org.taar.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.pipeline.Pipeline;
import org.taar.TestEngines;
import org.taar.store.RuleStore;
import org.taar.store.AuditLog;
import org.taar.story.Outcome;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.intake.DeliveryResult;

/** Rules from taar.yml and from the store, through the whole pipeline, on each engine. */
class RoutingPipelineTest {
    @TempDir Path dir;

    private static long id(Outcome o) {
        return Long.parseLong(o.url().substring(o.url().lastIndexOf('-') + 1));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void configuredAndStoredRulesDecideAndSayWhichRuleDid(String engine) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), """
                rules:
                  - name: cricket-desk
                    match: {keywords: [क्रिकेट]}
                    set_section: sports
                    add_tags: [क्रिकेट विश्व कप]
                    set_disclaimer: "क्रिकेट डेस्क द्वारा जांची गई ख़बर।"
                  - name: no-horoscopes
                    match: {regex: "राशिफल"}
                    action: discard
                """, StandardCharsets.UTF_8);
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            new RuleStore(app.store, app.clock).add("gold-hold", "{\"match\": {\"keywords\": [\"सोना\"]}, \"action\": \"hold\", \"reason\": \"prices checked by hand\"}");

            Outcome cricket = Fixtures.publish(app, Fixtures.wire("urn:r:1", 1, null, "क्रिकेट: भारत ने सीरीज जीती", "देश"));
            assertThat(cricket.status().label()).isEqualTo("published");
            assertThat(cricket.url()).startsWith("/sports/");
            Story s = app.stories.byId(id(cricket)).orElseThrow();
            assertThat(s.tags()).extracting(t -> t.name()).contains("क्रिकेट विश्व कप");
            assertThat(app.renderer.article(s, java.util.Optional.empty(), List.of(), List.of()))
                    .contains("क्रिकेट डेस्क द्वारा जांची गई ख़बर।");

            Outcome horoscope = Fixtures.publish(app, Fixtures.wire("urn:r:2", 1, null, "आज का राशिफल", "देश"));
            assertThat(horoscope.status().label()).isEqualTo("held");
            assertThat(horoscope.reason()).isEqualTo("discarded: matched rule no-horoscopes (rule no-horoscopes)");
            AuditLog.AuditEntry a = app.audit.auditTrail(id(horoscope)).get(0);
            assertThat(a.actor()).isEqualTo("rule:no-horoscopes");
            assertThat(app.listings.latest(50, 0)).extracting(Story::id).doesNotContain(id(horoscope));

            Outcome gold = Fixtures.publish(app, Fixtures.wire("urn:r:3", 1, null, "सोना फिर महंगा", "कारोबार"));
            assertThat(gold.status().label()).isEqualTo("held");
            assertThat(gold.reason()).isEqualTo("prices checked by hand (rule gold-hold)");
            assertThat(app.stories.byId(id(gold)).orElseThrow().status()).isEqualTo(Status.HELD);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aDisabledStoredRuleIsKeptButDecidesNothingUntilEnabled(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            app.ruleStore.add("gold-hold", "{\"match\": {\"keywords\": [\"सोना\"]}, \"action\": \"hold\"}");
            app.ruleStore.enable("gold-hold", false);
            Outcome off = Fixtures.publish(app, Fixtures.wire("urn:r:off", 1, null, "सोना फिर महंगा", "कारोबार"));
            assertThat(off.status().label()).isEqualTo("published");
            app.ruleStore.enable("gold-hold", true);
            Outcome on = Fixtures.publish(app, Fixtures.wire("urn:r:on", 1, null, "सोना और महंगा", "कारोबार"));
            assertThat(on.status().label()).isEqualTo("held");
            assertThat(on.reason()).contains("gold-hold");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void apNinjsWithoutTheNewsContentSignalIsKeptNeverPublished(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            String advisory = """
                    {"uri": "https://api.ap.org/media/v/content/adv1", "version": "1", "type": "text",
                     "language": "en", "headline": "AP Daybook for Saturday", "signals": ["whitelisted"],
                     "body_html": "<p>NEW YORK (AP) — Editors: events of the day.</p>"}""";
            String story = """
                    {"uri": "https://api.ap.org/media/v/content/st1", "version": "1", "type": "text",
                     "language": "en", "headline": "Markets rally on rate hopes", "signals": ["newscontent"],
                     "body_html": "<p>NEW YORK (AP) — Stocks rose.</p>"}""";
            DeliveryResult r1 = app.pipeline.deliver("ap", "file", "adv.json", advisory.getBytes(StandardCharsets.UTF_8), null);
            DeliveryResult r2 = app.pipeline.deliver("ap", "file", "st.json", story.getBytes(StandardCharsets.UTF_8), null);
            Outcome adv = r1.outcomes().get(0);
            assertThat(adv.status().label()).isEqualTo("held");
            assertThat(adv.reason()).contains("not publishable").contains("(rule not-publishable)");
            assertThat(r2.outcomes().get(0).status().label()).isEqualTo("published");
            assertThat(app.stories.byId(id(adv)).orElseThrow().item().signals()).containsExactly("whitelisted");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aStoredRegexThatOverflowsTheStackHoldsTheStoryAndIntakeGoesOn(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            app.ruleStore.add("deep-regex", "{\"match\": {\"regex\": \"(a|b)*c\"}, \"action\": \"discard\"}");
            String text = "Headline: लंबी ख़बर\nSection: देश\nAgency: IANS\nURI: urn:r:deep\nVersion: 1\n\n"
                    + "ab".repeat(100_000) + "\n";
            Outcome deep = Fixtures.publish(app, text.getBytes(StandardCharsets.UTF_8));
            assertThat(deep.status().label()).isEqualTo("held");
            assertThat(deep.reason()).contains("deep-regex").contains("recursed too deeply");
            Story held = app.stories.byId(id(deep)).orElseThrow();
            assertThat(held.status()).isEqualTo(Status.HELD);
            assertThat(held.item().bodyHtml()).as("nothing lost").contains("ab".repeat(1_000));
            // The next story is decided as usual.
            Outcome next = Fixtures.publish(app, Fixtures.wire("urn:r:after", 1, null, "संसद का सत्र शुरू", "देश"));
            assertThat(next.status().label()).isEqualTo("published");
        }
    }
}
