package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.MutableClock;
import org.taar.item.NewsItem;
import org.taar.store.WireQueue.Filter;
import org.taar.story.OutcomeStatus;

/** The queue's counts keep sealed minutes, and still agree with counting every row, as time moves on. */
class WireCountsTest {
    @TempDir Path dir;

    private record Row(String source, String headline, Instant at) {}

    private static NewsItem item(String headline) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:" + headline;
        b.headline = headline;
        return b.build();
    }

    private static void add(WireLog wire, List<Row> rows, String source, String headline, Instant at) {
        wire.rejected(source, null, headline, item(headline), "not a wire format", at);
        rows.add(new Row(source, headline, at));
    }

    private static long expected(List<Row> rows, Filter f) {
        return rows.stream()
                .filter(r -> f.source() == null || r.source().equals(f.source()))
                .filter(r -> f.text() == null || r.headline().contains(f.text()))
                .filter(r -> f.from() == null || !r.at().isBefore(f.from()))
                .filter(r -> f.to() == null || r.at().isBefore(f.to()))
                .count();
    }

    private static void assertAgree(WireQueue q, List<Row> rows, Filter f) {
        assertThat(q.counts(f).get(OutcomeStatus.REJECTED)).as(f.toString()).isEqualTo(expected(rows, f));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void countsAgreeWithEveryRowAsTheWindowSlidesAndRowsArrive(String engine) {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:30Z"));
        try (Store store = Stores.open(engine, dir)) {
            WireLog wire = new WireLog(store);
            WireQueue q = new WireQueue(store, clock);
            List<Row> rows = new ArrayList<>();
            Random random = new Random(14);
            for (int i = 0; i < 400; i++) {
                Instant at = clock.instant().minusMillis((long) (random.nextDouble() * Duration.ofHours(26).toMillis()));
                add(wire, rows, i % 3 == 0 ? "pti" : "ians", (i % 5 == 0 ? "barish " : "chunav ") + i, at);
            }
            for (int step = 0; step < 6; step++) {
                Instant now = clock.instant();
                Filter day = new Filter(null, null, null, null, null, now.minus(Duration.ofHours(24)), null, null);
                assertAgree(q, rows, day);
                assertAgree(q, rows, new Filter("pti", null, null, null, null, day.from(), null, null));
                assertAgree(q, rows, new Filter(null, null, null, null, null, day.from(), null, "barish"));
                assertAgree(q, rows, new Filter(null, null, null, null, null, now.minus(Duration.ofHours(5)),
                        now.minus(Duration.ofMinutes(7)).plusSeconds(13), null));
                // Rows keep arriving in the minutes that are not sealed yet, and the window moves on.
                add(wire, rows, "ians", "chunav late " + step, now.minusSeconds(20));
                add(wire, rows, "pti", "barish late " + step, now);
                assertAgree(q, rows, day);
                clock.advance(Duration.ofSeconds(97 + 60L * step));
            }
            assertAgree(q, rows, Filter.ALL);
        }
    }
}
