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

    private static List<String> names(RuleStore rules) {
        return rules.list().stream().map(RuleStore.Entry::name).toList();
    }
}
