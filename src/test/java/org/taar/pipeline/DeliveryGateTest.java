package org.taar.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.enrich.Enricher;
import org.taar.enrich.Gazetteer;
import org.taar.format.FormatParser;
import org.taar.format.Formats;
import org.taar.format.ParseContext;
import org.taar.format.ParseResult;
import org.taar.intake.DeliveryResult;
import org.taar.text.Slugger;

/**
 * Deliveries are worked on one per core plus one at a time (Pipeline's gate): in a burst the others
 * wait in turn, holding no database connection, and none is refused or lost for waiting.
 */
class DeliveryGateTest {
    @TempDir Path dir;

    /** A format whose parse holds each delivery a while and counts how many are inside at once. */
    static final class Probe implements FormatParser {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public boolean accepts(byte[] content) {
            return new String(content, StandardCharsets.UTF_8).startsWith("probe:");
        }

        @Override
        public ParseResult parse(byte[] content, ParseContext defaults) {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
            return new ParseResult("probe", List.of(), List.of());
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aBurstIsWorkedOnePerCorePlusOneAtATimeAndEveryDeliveryIsAnswered(String engine) throws Exception {
        Config config = TestEngines.config(engine, dir);
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        Probe probe = new Probe();
        int gate = Runtime.getRuntime().availableProcessors() + 1;
        int burst = 4 * gate;
        try (App app = new App(config, clock)) {
            Pipeline pipeline = new Pipeline(config, app.archive, new Formats(List.of(probe)), App.normalizer(config, clock),
                    new Enricher(config.site(), new Slugger(), Gazetteer.standard(), Optional.empty()), app.rules,
                    app.stories, app.writes, clock, () -> { });
            ExecutorService pushers = Executors.newFixedThreadPool(burst);
            try {
                List<Future<DeliveryResult>> answers = new ArrayList<>();
                for (int i = 0; i < burst; i++) {
                    byte[] body = ("probe:" + i).getBytes(StandardCharsets.UTF_8);
                    answers.add(pushers.submit(() -> pipeline.deliver("ians", "push", "push", body, null, List.of())));
                }
                List<String> archived = new ArrayList<>();
                for (Future<DeliveryResult> a : answers) {
                    DeliveryResult r = a.get(60, TimeUnit.SECONDS);
                    assertThat(r.delivery()).as("archived before anything else").isNotNull();
                    archived.add(r.delivery().sha256());
                }
                assertThat(archived).as("every delivery answered, each its own").doesNotHaveDuplicates().hasSize(burst);
            } finally {
                pushers.shutdownNow();
            }
        }
        assertThat(probe.most.get()).as("at most one per core plus one at a time, and the gate filled").isEqualTo(gate);
    }
}
