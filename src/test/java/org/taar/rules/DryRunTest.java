package org.taar.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.rules.Decision.Action;
import org.taar.store.ReceivedItems;
import org.taar.store.RuleStore;
import org.taar.story.Outcome;
import org.taar.story.OutcomeStatus;

/** A proposed change to the stored rules, tried on the last received stories, on each engine. */
class DryRunTest {
    @TempDir Path dir;

    private static final String GOLD_HOLD =
            "{\"match\": {\"keywords\": [\"सोना\"]}, \"action\": \"hold\", \"reason\": \"prices checked by hand\"}";

    private App app(String engine) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), """
                rules:
                  - name: no-horoscopes
                    match: {regex: "राशिफल"}
                    action: discard
                """, StandardCharsets.UTF_8);
        return new App(TestEngines.config(engine, dir), Clock.systemUTC());
    }

    private static Outcome receive(App app, String uri, String headline, String section) {
        return Fixtures.publish(app, Fixtures.wire(uri, 1, null, headline, section));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aProposalShowsWhatItWouldHaveDecidedDifferentlyAndWritesNothing(String engine) throws Exception {
        try (App app = app(engine)) {
            app.ruleStore.add("gold-hold", GOLD_HOLD);
            receive(app, "urn:d:cricket", "क्रिकेट: भारत ने सीरीज जीती", "देश");
            receive(app, "urn:d:gold", "सोना फिर महंगा", "कारोबार");
            receive(app, "urn:d:rain", "दिल्ली में बारिश", "देश");
            receive(app, "urn:d:plain", "संसद का सत्र शुरू", "देश");

            List<RuleStore.Entry> proposal = List.of(
                    new RuleStore.Entry("gold-hold", 1, GOLD_HOLD, false),
                    new RuleStore.Entry("cricket-hold", 2,
                            "{\"match\": {\"keywords\": [\"क्रिकेट\"]}, \"action\": \"hold\", \"reason\": \"sports desk checks\"}", true),
                    new RuleStore.Entry("rain-sports", 3,
                            "{\"match\": {\"keywords\": [\"बारिश\"]}, \"set_section\": \"sports\", \"add_tags\": [\"मौसम\"]}", true));
            Map<String, Long> rowsBefore = rows(app);
            List<RuleStore.Entry> rulesBefore = app.ruleStore.list();

            DryRun.Report report = app.dryRun.run(proposal, 50);

            assertThat(report.problems()).isEmpty();
            assertThat(report.asked()).isEqualTo(50);
            assertThat(report.examined()).isEqualTo(4);
            assertThat(report.cut()).isFalse();
            assertThat(report.changes()).extracting(DryRun.Change::uri)
                    .containsExactly("urn:d:rain", "urn:d:gold", "urn:d:cricket");
            DryRun.Change rain = report.changes().get(0);
            assertThat(rain.before().action()).isEqualTo(Action.PUBLISH);
            assertThat(rain.after().action()).isEqualTo(Action.PUBLISH);
            assertThat(rain.after().edits()).isEqualTo(new Decision.Edits("sports", List.of("मौसम"), null));
            assertThat(rain.headline()).isEqualTo("दिल्ली में बारिश");
            DryRun.Change gold = report.changes().get(1);
            assertThat(gold.before()).extracting(Decision::action, Decision::rule, Decision::reason)
                    .containsExactly(Action.HOLD, "gold-hold", "prices checked by hand");
            assertThat(gold.after()).extracting(Decision::action, Decision::rule).containsExactly(Action.PUBLISH, "default-publish");
            DryRun.Change cricket = report.changes().get(2);
            assertThat(cricket.after()).extracting(Decision::action, Decision::rule, Decision::reason)
                    .containsExactly(Action.HOLD, "cricket-hold", "sports desk checks");
            assertThat(report.shifts()).containsExactlyInAnyOrder(new DryRun.Shift(Action.PUBLISH, Action.PUBLISH, 1),
                    new DryRun.Shift(Action.HOLD, Action.PUBLISH, 1), new DryRun.Shift(Action.PUBLISH, Action.HOLD, 1));

            assertThat(rows(app)).as("a dry run writes nothing").isEqualTo(rowsBefore);
            assertThat(app.ruleStore.list()).isEqualTo(rulesBefore);
            // The live rules are untouched by the proposal: gold is still held, cricket still published.
            assertThat(receive(app, "urn:d:gold2", "सोना और महंगा", "कारोबार").status()).isEqualTo(OutcomeStatus.HELD);
            assertThat(receive(app, "urn:d:cricket2", "क्रिकेट: दूसरा मैच", "देश").status())
                    .isEqualTo(OutcomeStatus.PUBLISHED);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void reorderingChangesWhichRuleDecidesAndTheSameRulesChangeNothing(String engine) throws Exception {
        try (App app = app(engine)) {
            app.ruleStore.add("publish-cricket", "{\"match\": {\"keywords\": [\"क्रिकेट\"]}, \"action\": \"publish\"}");
            app.ruleStore.add("hold-sports", "{\"match\": {\"section\": \"sports\"}, \"action\": \"hold\"}");
            receive(app, "urn:o:1", "क्रिकेट टीम घोषित", "खेल");
            receive(app, "urn:o:2", "हॉकी टीम घोषित", "खेल");

            List<RuleStore.Entry> same = app.ruleStore.list();
            DryRun.Report unchanged = app.dryRun.run(same, 10);
            assertThat(unchanged.examined()).isEqualTo(2);
            assertThat(unchanged.changes()).isEmpty();
            assertThat(unchanged.shifts()).isEmpty();

            List<RuleStore.Entry> swapped = List.of(same.get(1), same.get(0));
            DryRun.Report report = app.dryRun.run(swapped, 10);
            assertThat(report.changes()).singleElement().satisfies(c -> {
                assertThat(c.uri()).isEqualTo("urn:o:1");
                assertThat(c.before().rule()).isEqualTo("publish-cricket");
                assertThat(c.after()).extracting(Decision::action, Decision::rule).containsExactly(Action.HOLD, "hold-sports");
            });
            assertThat(report.shifts()).containsExactly(new DryRun.Shift(Action.PUBLISH, Action.HOLD, 1));

            // Switching the hold off entirely: the hockey story, held now, would be published.
            List<RuleStore.Entry> off = List.of(same.get(0), new RuleStore.Entry("hold-sports", 2, same.get(1).definition(), false));
            assertThat(app.dryRun.run(off, 10).changes()).extracting(DryRun.Change::uri).containsExactly("urn:o:2");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aBadProposalIsReportedRuleByRuleAndNothingRuns(String engine) throws Exception {
        try (App app = app(engine)) {
            receive(app, "urn:b:1", "सोना फिर महंगा", "कारोबार");
            List<RuleStore.Entry> bad = new ArrayList<>();
            bad.add(new RuleStore.Entry("bad-json", 1, "{\"action\": \"hold\"", true));
            bad.add(new RuleStore.Entry("lost", 2, "{\"set_section\": \"nowhere\"}", true));
            bad.add(new RuleStore.Entry("<b>x</b>", 3, "{\"action\": \"hold\"}", true));
            bad.add(new RuleStore.Entry("typo", 4, "{\"actoin\": \"hold\"}", true));
            bad.add(new RuleStore.Entry("twice", 5, "{\"action\": \"hold\"}", true));
            bad.add(new RuleStore.Entry("twice", 6, "{\"action\": \"hold\"}", true));
            bad.add(new RuleStore.Entry("no-horoscopes", 7, "{\"action\": \"hold\"}", true));
            bad.add(new RuleStore.Entry("empty", 8, null, true));
            bad.add(new RuleStore.Entry("huge", 9, "{\"reason\": \"" + "x".repeat(100_000) + "\", \"action\": \"hold\"}", true));
            bad.add(new RuleStore.Entry("wrong-type", 10, "[\"hold\"]", true));
            bad.add(new RuleStore.Entry("deep", 11, "[".repeat(5_000) + "]".repeat(5_000), true));
            bad.add(null);
            bad.add(new RuleStore.Entry("off-and-broken", 12, "{not json at all", false));

            DryRun.Report report = app.dryRun.run(bad, 10);

            assertThat(report.examined()).isZero();
            assertThat(report.changes()).isEmpty();
            assertThat(report.problems()).hasSize(11);
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("rule bad-json: not JSON")
                    .contains("(line 1, column 18)").doesNotContain("REDACTED"));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("rule lost")
                    .contains("'nowhere' is not a section slug"));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("rule <b>x</b>").contains("name"));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("rule typo").contains("unknown setting 'actoin'"));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).isEqualTo("rule twice: two stored rules have this name"));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("rule no-horoscopes: taar.yml already has"));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).isEqualTo("rule empty: no definition"));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).isEqualTo("rule huge: the definition is over 64 KB"));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("rule wrong-type: a rule is a map"));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).startsWith("rule deep: "));
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).isEqualTo("a rule without a name"));
            assertThat(report.problems()).noneMatch(p -> p.contains("off-and-broken"));

            List<RuleStore.Entry> tooMany = new ArrayList<>();
            for (int i = 0; i < 501; i++) tooMany.add(new RuleStore.Entry("r" + i, i + 1, "{\"action\": \"hold\"}", false));
            assertThat(app.dryRun.run(tooMany, 10).problems()).containsExactly("501 stored rules: at most 500");
            assertThat(app.dryRun.run(null, 10).problems()).as("no list is no stored rules").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theRunIsCappedAndAStoryThatCannotBeDecidedDoesNotEndIt(String engine) throws Exception {
        try (App app = app(engine)) {
            receive(app, "urn:c:1", "संसद का सत्र शुरू", "देश");
            receive(app, "urn:c:2", "सोना फिर महंगा", "कारोबार");
            List<RuleStore.Entry> hold = List.of(new RuleStore.Entry("gold-hold", 1, GOLD_HOLD, true));

            DryRun.Report capped = app.dryRun.run(hold, 100_000);
            assertThat(capped.asked()).isEqualTo(DryRun.MAX_ITEMS);
            assertThat(capped.examined()).isEqualTo(2);
            assertThat(capped.changes()).extracting(DryRun.Change::uri).containsExactly("urn:c:2");
            DryRun.Report none = app.dryRun.run(hold, -5);
            assertThat(none.asked()).isZero();
            assertThat(none.examined()).isZero();

            DryRun failing = new DryRun(app.rules, app.ruleStore, new ReceivedItems(app.store), r -> {
                if (r.uri().equals("urn:c:1")) throw new IllegalStateException("section model unreadable");
                return r.section();
            });
            DryRun.Report partial = failing.run(hold, 10);
            assertThat(partial.examined()).isEqualTo(1);
            assertThat(partial.problems()).singleElement().asString().contains("could not decide")
                    .contains("section model unreadable");

            DryRun out = new DryRun(app.rules, app.ruleStore, new ReceivedItems(app.store), null, 0);
            DryRun.Report cut = out.run(hold, 10);
            assertThat(cut.cut()).isTrue();
            assertThat(cut.examined()).isZero();
        }
    }

    private static Map<String, Long> rows(App app) {
        return app.store.jdbi().withHandle(h -> {
            Map<String, Long> out = new java.util.TreeMap<>();
            for (String table : List.of("stories", "versions", "events", "audit", "routing_rules", "story_tags")) {
                out.put(table, h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
            }
            return out;
        });
    }
}
