package org.taar;

import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.taar.site.PageCache;
import org.taar.store.EventLog;
import org.taar.store.Nodes;
import org.taar.store.Store;
import org.taar.story.EventKind;
import org.taar.story.Meters;
import org.taar.story.OutcomeStatus;

/**
 * The newsroom's numbers in one Prometheus registry, built once per App: what the stages tell
 * through {@link Meters}, the page cache and the nodes' event lag read when /metrics is asked,
 * the JVM and the connection pool. README.md ("Operations", metrics) lists every name.
 */
final class NewsroomMetrics implements Meters, AutoCloseable {
    /**
     * Source label values kept at most: sources are configured or keyed, so this is only a
     * backstop; past it a new source's numbers are dropped rather than the registry grown.
     */
    static final int MAX_SOURCES = 1_000;
    private static final List<String> BY_SOURCE = List.of("taar.deliveries", "taar.wire.items", "taar.polls");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final MultiGauge eventLag;
    private final Nodes nodes;
    private final EventLog events;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;

    NewsroomMetrics(Store store, PageCache pages, EventLog events, Clock clock) {
        this.nodes = new Nodes(store);
        this.events = events;
        this.clock = clock;
        for (String name : BY_SOURCE) {
            registry.config().meterFilter(MeterFilter.maximumAllowableTags(name, "source", MAX_SOURCES, MeterFilter.deny()));
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        store.measurePool(new MicrometerMetricsTrackerFactory(registry));
        hits = pageRequests("hit");
        misses = pageRequests("miss");
        tier(pages, "pinned", PageCache::pinnedBytes, p -> p.pinnedSize());
        tier(pages, "bounded", PageCache::boundedBytes, p -> p.size() - p.pinnedSize());
        // Made before the first publish, so that a scrape shows them (at zero) from the start.
        for (EventKind kind : List.of(EventKind.PUBLISHED, EventKind.UPDATED, EventKind.KILLED)) latency(kind);
        eventLag = MultiGauge.builder("taar.event.lag")
                .description("events written to the store that a live node has not yet applied to its pages")
                .register(registry);
    }

    private Counter pageRequests(String result) {
        return Counter.builder("taar.page.requests").tag("result", result)
                .description("readers' page requests, answered from the page cache (hit) or not (miss)").register(registry);
    }

    private interface Size {
        double of(PageCache pages);
    }

    private void tier(PageCache pages, String tier, Size bytes, Size count) {
        Gauge.builder("taar.page.cache.bytes", pages, bytes::of).tag("tier", tier).strongReference(true)
                .description("compressed bytes of the pages the page cache holds").register(registry);
        Gauge.builder("taar.page.cache.pages", pages, count::of).tag("tier", tier).strongReference(true)
                .description("pages the page cache holds").register(registry);
    }

    private Timer latency(EventKind kind) {
        boolean kill = kind == EventKind.KILLED;
        Timer.Builder b = Timer.builder(kill ? "taar.kill.to.gone" : "taar.wire.to.web")
                .description(kill ? "from a kill's record to its page answering 410"
                        : "from a story version's record to its article page in the page cache")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(2));
        if (!kill) b.tag("kind", kind.label());
        return b.register(registry);
    }

    /** A label value from the code's own words or a known source; never null, which Micrometer refuses. */
    private static String word(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    @Override
    public void delivered(String source, String channel) {
        registry.counter("taar.deliveries", "source", word(source), "channel", word(channel)).increment();
    }

    @Override
    public void item(String source, OutcomeStatus status) {
        registry.counter("taar.wire.items", "source", word(source), "status", status.label()).increment();
    }

    @Override
    public void polled(String source, String result) {
        registry.counter("taar.polls", "source", word(source), "result", word(result)).increment();
    }

    @Override
    public void pageAsked(boolean cached) {
        (cached ? hits : misses).increment();
    }

    @Override
    public void onPage(EventKind kind, Duration sinceRecorded) {
        latency(kind).record(sinceRecorded);
    }

    @Override
    public void deskAction(String action, String result) {
        registry.counter("taar.desk.actions", "action", word(action), "result", word(result).replace('_', '-'))
                .increment();
    }

    /** The registry in Prometheus text format 0.0.4, each live node's event lag read from the store first. */
    synchronized String scrape() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        try {
            long last = events.lastEventSeq();
            for (Nodes.Node n : nodes.alive(clock.instant())) {
                rows.add(MultiGauge.Row.of(Tags.of("node", n.name()), Math.max(0, last - n.appliedSeq())));
            }
        } catch (RuntimeException e) {
            // The store is down (/healthz says so): no lag is better than a stale one.
            LoggerFactory.getLogger(NewsroomMetrics.class).warn("metrics: event lag unknown: {}", e.toString());
        }
        eventLag.register(rows, true);
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
