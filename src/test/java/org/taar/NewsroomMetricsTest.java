package org.taar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.story.OutcomeStatus;

/** The registry's own guards: a source label never grows past its cap, and a missing word never breaks a delivery. */
class NewsroomMetricsTest {
    @TempDir Path dir;

    @Test
    void sourceLabelsStopAtTheirCapAndNullsAreCountedAsUnknown() {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), Clock.systemUTC())) {
            NewsroomMetrics metrics = (NewsroomMetrics) app.meters();
            metrics.delivered(null, null);
            for (int i = 0; i < NewsroomMetrics.MAX_SOURCES + 50; i++) {
                metrics.delivered("source-" + i, "push");
                metrics.item("source-" + i, OutcomeStatus.PUBLISHED);
            }
            String text = metrics.scrape();
            long deliverySeries = Arrays.stream(text.split("\n")).filter(l -> l.startsWith("taar_deliveries_total{")).count();
            long itemSeries = Arrays.stream(text.split("\n")).filter(l -> l.startsWith("taar_wire_items_total{")).count();
            assertThat(deliverySeries).isEqualTo(NewsroomMetrics.MAX_SOURCES);
            assertThat(itemSeries).isEqualTo(NewsroomMetrics.MAX_SOURCES);
            assertThat(text).contains("source=\"unknown\"").contains("source=\"source-0\"").doesNotContain("source=\"source-" + NewsroomMetrics.MAX_SOURCES + "\"");
        }
    }
}
