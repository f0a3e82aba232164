package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the desk needs to save a rule change: edit, move, switch off and on, on each engine. */
class RuleStoreTest {
    @TempDir Path dir;

    private static final String HOLD = "{\"action\": \"hold\"}";

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void rulesAreEditedMovedAndSwitchedOffInTheirPlace(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            RuleStore rules = new RuleStore(store, Clock.systemUTC());
            for (String name : List.of("a", "b", "c", "d")) assertThat(rules.add(name, HOLD)).isTrue();
            assertThat(rules.list()).extracting(RuleStore.Entry::position).containsExactly(1, 2, 3, 4);
            assertThat(rules.list()).allMatch(RuleStore.Entry::enabled);

            assertThat(rules.move("d", 1)).isTrue();
            assertThat(names(rules)).containsExactly("d", "a", "b", "c");
            assertThat(rules.move("d", 99)).as("beyond the last is last").isTrue();
            assertThat(names(rules)).containsExactly("a", "b", "c", "d");
            assertThat(rules.move("c", -7)).as("before the first is first").isTrue();
            assertThat(names(rules)).containsExactly("c", "a", "b", "d");
            assertThat(rules.move("nobody", 1)).isFalse();
            assertThat(names(rules)).containsExactly("c", "a", "b", "d");

            assertThat(rules.enable("a", false)).isTrue();
            assertThat(rules.enable("nobody", false)).isFalse();
            assertThat(rules.list()).filteredOn(e -> e.name().equals("a")).singleElement()
                    .satisfies(e -> assertThat(e.enabled()).isFalse()).satisfies(e -> assertThat(e.position()).isEqualTo(2));
            List<RuleStore.Row> running = rules.all();
            assertThat(running).extracting(RuleStore.Row::name).as("a disabled rule does not run").containsExactly("c", "b", "d");
            assertThat(rules.enable("a", true)).isTrue();
            assertThat(rules.all()).extracting(RuleStore.Row::name).containsExactly("c", "a", "b", "d");

            String edited = "{\"match\": {\"keywords\": [\"<script>सोना</script>\"]}, \"action\": \"publish\"}";
            assertThat(rules.update("b", edited)).isTrue();
            assertThat(rules.update("nobody", edited)).isFalse();
            assertThat(rules.list().get(2)).isEqualTo(new RuleStore.Entry("b", 3, edited, true));

            assertThat(rules.remove("c")).isTrue();
            assertThat(rules.list()).extracting(RuleStore.Entry::position).as("numbered again after a removal")
                    .containsExactly(1, 2, 3);
            assertThat(rules.add("e", HOLD)).isTrue();
            assertThat(names(rules)).containsExactly("a", "b", "d", "e");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aNameWithMarkupOrQuotesIsStoredAndFoundAsWritten(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            RuleStore rules = new RuleStore(store, Clock.systemUTC());
            String odd = "<b>x</b>'; DROP TABLE routing_rules; --";
            assertThat(rules.add(odd, HOLD)).isTrue();
            assertThat(rules.enable(odd, false)).isTrue();
            assertThat(rules.move(odd, 1)).isTrue();
            assertThat(rules.list()).singleElement().isEqualTo(new RuleStore.Entry(odd, 1, HOLD, false));
            assertThat(rules.remove(odd)).isTrue();
            assertThat(rules.list()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aSaveAppliesAWholeListOnceAndOnlyIfNothingChangedSinceItWasSeen(String engine) throws Exception {
        try (Store store = Stores.open(engine, dir)) {
            RuleStore rules = new RuleStore(store, Clock.systemUTC());
            for (String name : List.of("a", "b", "c")) assertThat(rules.add(name, HOLD)).isTrue();
            RuleStore.Revision seen = rules.revision();
            assertThat(seen.rules()).hasSize(3);
            assertThat(seen.stamp()).hasSize(32).isEqualTo(rules.revision().stamp());

            String publish = "{\"action\": \"publish\"}";
            List<RuleStore.Entry> proposed = List.of(new RuleStore.Entry("c", 1, HOLD, false),
                    new RuleStore.Entry("new", 2, publish, true), new RuleStore.Entry("a", 3, publish, true));
            RuleStore.Note note = new RuleStore.Note("asha", "c", "disable", null);
            assertThat(rules.save(seen.stamp(), proposed, note)).isTrue();
            assertThat(rules.list()).containsExactly(new RuleStore.Entry("c", 1, HOLD, false),
                    new RuleStore.Entry("new", 2, publish, true), new RuleStore.Entry("a", 3, publish, true));
            assertThat(rules.all()).extracting(RuleStore.Row::name).containsExactly("new", "a");
            assertThat(rules.save(seen.stamp(), List.of(), note)).as("the same stamp twice acts once").isFalse();
            assertThat(rules.list()).hasSize(3);
            assertThat(rules.changes(10)).singleElement().satisfies(c -> {
                assertThat(c.actor()).isEqualTo("asha");
                assertThat(c.rule()).isEqualTo("c");
                assertThat(c.what()).isEqualTo("disable");
            });

            // A change made elsewhere (taar rule add) makes the stamp stale too; so does a change made and undone.
            RuleStore.Revision before = rules.revision();
            rules.add("cli", HOLD);
            assertThat(rules.save(before.stamp(), List.of(), note)).isFalse();
            RuleStore.Revision r1 = rules.revision();
            assertThat(rules.save(r1.stamp(), r1.rules().subList(0, 3), note)).isTrue();
            RuleStore.Revision r2 = rules.revision();
            assertThat(rules.save(r2.stamp(), r1.rules(), note)).isTrue();
            assertThat(rules.revision().rules()).isEqualTo(r1.rules());
            assertThat(rules.revision().stamp()).as("the same rules after changes are a new revision").isNotEqualTo(r1.stamp());

            // Two saves from one stamp at the same moment: one applies.
            RuleStore.Revision race = rules.revision();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "racer" + i;
                tries.add(pool.submit(() -> {
                    List<RuleStore.Entry> mine = new java.util.ArrayList<>(race.rules());
                    mine.add(new RuleStore.Entry(name, 0, HOLD, true));
                    // Never an error: the losers are told their view is stale.
                    return rules.save(race.stamp(), mine, new RuleStore.Note("x", name, "add", null));
                }));
            }
            int applied = 0;
            for (var f : tries) applied += f.get() ? 1 : 0;
            pool.shutdown();
            assertThat(applied).isEqualTo(1);
            assertThat(names(rules).stream().filter(n -> n.startsWith("racer"))).hasSize(1);
            assertThat(rules.changes(100)).hasSize(4);
            assertThat(rules.changes(2)).extracting(RuleStore.Change::what).startsWith("add");
        }
    }

    private static List<String> names(RuleStore rules) {
        return rules.list().stream().map(RuleStore.Entry::name).toList();
    }
}
