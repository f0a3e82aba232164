package org.taar.intake;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.store.StoreOutage;
import org.taar.config.Config;
import org.taar.store.SourceHealth;
import org.taar.store.SourceStore;
import org.taar.story.Meters;
import org.taar.story.Outcome;

/**
 * Polls the HTTP sources of taar.yml and those added at the desk (read from the store on every
 * tick, so a source added, changed or paused on any node is followed within a tick). A scheduler thread looks every tick for sources that are
 * due (in the store, so the schedule and the backoff survive restarts and nodes share them),
 * claims each one and hands it to a bounded pool of workers. A source is claimed only when a
 * worker is free and its host has a free slot, so one slow, failing or hostile source holds at
 * most one worker, for at most its poll's deadline, and never delays the others.
 * <p>
 * Every 200 body goes to {@link Deliveries#deliver}, which archives it verbatim before anything
 * else; only then is the feed's ETag stored, so a crash means fetching it again, never losing it.
 */
public final class Poller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Poller.class);
    private final StoreOutage outage = new StoreOutage(log, "poll scheduler");
    // How long past its deadline a claimed poll keeps its claim: should this node die mid-poll,
    // another node polls the source once the feed's timeout and this have passed.
    static final Duration LEASE_SLACK = Duration.ofSeconds(10);

    /**
     * @param minInterval intervals below this are raised to it (10 s in service; tests go lower)
     * @param tick how often the scheduler looks for due sources
     * @param workers polls running at once, over all sources
     * @param perHost polls running at once against one host
     * @param grace how long close() lets running polls finish before aborting them
     * @param maxBytes the body cap of a source added at the desk (taar.yml sources carry their own)
     */
    public record Settings(Duration minInterval, Duration tick, int workers, int perHost, Duration connectTimeout,
                           Duration grace, long maxBytes) {
        public Settings(Duration minInterval, Duration tick, int workers, int perHost, Duration connectTimeout,
                        Duration grace) {
            this(minInterval, tick, workers, perHost, connectTimeout, grace, 20L * 1024 * 1024);
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(1), 8, 2, Duration.ofSeconds(10),
                    Duration.ofSeconds(5));
        }

        public Settings withMaxBytes(long max) {
            return new Settings(minInterval, tick, workers, perHost, connectTimeout, grace, max);
        }
    }

    /**
     * What one poll did.
     *
     * @param outcome "delivered", "not-modified", "failed" or "busy" (already being polled)
     * @param items the items the delivery held (0 unless delivered)
     * @param outcomes what each item of the delivery did (empty unless the body reached the pipeline)
     */
    public record PollResult(String source, String outcome, int items, String error, List<String> warnings,
                             Instant nextPollAt, List<Outcome> outcomes) {
        public PollResult(String source, String outcome, int items, String error, List<String> warnings,
                          Instant nextPollAt) {
            this(source, outcome, items, error, warnings, nextPollAt, List.of());
        }

        public boolean failed() {
            return outcome.equals("failed");
        }

        PollResult withOutcomes(List<Outcome> o) {
            return new PollResult(source, outcome, items, error, warnings, nextPollAt, List.copyOf(o));
        }
    }

    private final Map<String, Config.Source> sources = new LinkedHashMap<>();
    /** The sources added at the desk, as last read from the store; replaced whole on every tick. */
    private volatile Map<String, Config.Source> deskSources = Map.of();
    private final Deliveries pipeline;
    private final SourceStore store;
    private final Clock clock;
    private final Settings settings;
    private final Backoff backoff;
    private final Fetcher fetcher;
    private final Meters meters;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;
    private ExecutorService workers;
    private boolean opened;
    private boolean fetching;
    private volatile boolean stopping;

    public Poller(List<Config.Source> polled, Deliveries pipeline, SourceStore store, Clock clock, Settings settings,
                  Random random) {
        this(polled, pipeline, store, clock, settings, random,
                new Fetcher(settings.connectTimeout(), settings.perHost(), clock));
    }

    /** With a given fetcher: tests pass one whose address rule lets them reach their loopback server. */
    public Poller(List<Config.Source> polled, Deliveries pipeline, SourceStore store, Clock clock, Settings settings,
                  Random random, Fetcher fetcher) {
        this(polled, pipeline, store, clock, settings, random, fetcher, Meters.NONE);
    }

    /** @param meters told how each poll ended, by source */
    public Poller(List<Config.Source> polled, Deliveries pipeline, SourceStore store, Clock clock, Settings settings,
                  Random random, Fetcher fetcher, Meters meters) {
        for (Config.Source s : polled) {
            if (s.feed() == null) throw new IllegalArgumentException("source " + s.name() + " has no url to poll");
            sources.put(s.name(), s);
            if (s.feed().interval().compareTo(settings.minInterval()) < 0) {
                log.warn("source {}: interval {} is below the minimum, polling every {}", s.name(), s.feed().interval(),
                        settings.minInterval());
            }
        }
        this.pipeline = pipeline;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.backoff = new Backoff(random);
        this.fetcher = fetcher;
        this.meters = meters;
    }

    /** Writes the configured sources to the store and readies the HTTP clients; no polling yet. */
    public synchronized void open() throws Exception {
        if (opened) return;
        List<SourceStore.Entry> entries = new ArrayList<>();
        for (Config.Source s : sources.values()) {
            entries.add(new SourceStore.Entry(s.name(), redact(s.feed().url()), s.feed().format(), interval(s)));
        }
        store.sync(entries);
        if (!sources.isEmpty()) startFetcher();
        opened = true;
    }

    /** The HTTP clients start with the first source to poll: a node polling nothing runs none. */
    private synchronized void startFetcher() throws Exception {
        if (fetching) return;
        fetcher.start();
        fetching = true;
    }

    /**
     * Reads the desk's sources again. Their feeds have no credentials and no trust: every hop must
     * be on a public address, and the body cap is the node's.
     */
    private void refreshDeskSources() {
        Map<String, Config.Source> fresh = new LinkedHashMap<>();
        for (SourceStore.Entry e : store.addedAtDesk()) {
            if (sources.containsKey(e.name())) continue;
            try {
                Config.Feed feed = Config.Feed.of(new URI(e.url()), settings.maxBytes()).withInterval(e.interval())
                        .withFormat(e.format());
                fresh.put(e.name(), new Config.Source(e.name(), null, null, null, feed));
            } catch (java.net.URISyntaxException | IllegalArgumentException bad) {
                log.warn("desk source {}: unusable URL, not polled", e.name());
            }
        }
        deskSources = fresh;
    }

    private Config.Source source(String name) {
        Config.Source s = sources.get(name);
        return s != null ? s : deskSources.get(name);
    }

    /** Opens, then polls every due source from now on. */
    public synchronized void start() throws Exception {
        open();
        workers = Executors.newFixedThreadPool(settings.workers(), new DaemonThreads("poll-worker"));
        scheduler = Executors.newSingleThreadScheduledExecutor(new DaemonThreads("poll-scheduler"));
        scheduler.scheduleWithFixedDelay(this::tickSafely, 0, settings.tick().toMillis(), TimeUnit.MILLISECONDS);
        log.info("polling {} source(s) of taar.yml: {}, and those added at the desk", sources.size(), sources.keySet());
    }

    private void tickSafely() {
        try {
            tick();
            outage.worked();
        } catch (RuntimeException e) {
            outage.failed(e);
        }
    }

    private void tick() {
        Instant now = clock.instant();
        refreshDeskSources();
        List<String> names = new ArrayList<>(sources.keySet());
        names.addAll(deskSources.keySet());
        List<String> due = store.due(now, names);
        if (!due.isEmpty()) {
            try {
                startFetcher();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the HTTP clients", e);
            }
        }
        for (String name : due) {
            if (stopping || running.size() >= settings.workers()) return;
            if (running.contains(name)) continue;
            Config.Source source = source(name);
            if (source == null) continue;
            Semaphore host = hostSlots(source.feed().url());
            if (!host.tryAcquire()) continue;
            boolean claimed = false;
            try {
                claimed = store.claim(name, now, now.plus(source.feed().timeout()).plus(LEASE_SLACK));
            } finally {
                if (!claimed) host.release();
            }
            if (!claimed) continue;
            running.add(name);
            try {
                workers.execute(() -> {
                    try {
                        meters.polled(name, poll(source).outcome());
                    } finally {
                        running.remove(name);
                        host.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                running.remove(name);
                host.release();
                store.release(name, now);
            }
        }
    }

    /**
     * Polls one source now, whatever its schedule or pause, and waits for the result (for tests
     * and for the desk's "fetch now"), within the same rules as a scheduled poll: the address policy,
     * the body cap, the deadline, one poll of a source at a time. Answers "busy" when the source is
     * being polled already.
     */
    public PollResult poll(String name) throws Exception {
        open();
        if (!sources.containsKey(name)) refreshDeskSources();
        Config.Source source = source(name);
        if (source == null) throw new IllegalArgumentException("no polled source named " + name);
        startFetcher();
        if (!running.add(name)) return new PollResult(name, "busy", 0, null, List.of(), null);
        Semaphore host = hostSlots(source.feed().url());
        try {
            if (!host.tryAcquire(source.feed().timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                return new PollResult(name, "busy", 0, null, List.of(), null);
            }
            try {
                PollResult r = poll(source);
                meters.polled(name, r.outcome());
                return r;
            } finally {
                host.release();
            }
        } finally {
            running.remove(name);
        }
    }

    private PollResult poll(Config.Source source) {
        String name = source.name();
        Config.Feed feed = source.feed();
        Duration interval = interval(source);
        try {
            SourceHealth known = store.find(name, clock.instant()).orElse(null);
            Fetcher.Fetched fetched = fetcher.fetch(feed, known == null ? null : known.etag(),
                    known == null ? null : known.lastModified());
            Instant now = clock.instant();
            if (fetched.notModified()) {
                Instant next = now.plus(interval);
                store.recordNotModified(name, now, next);
                log.debug("poll source={} not modified", name);
                return new PollResult(name, "not-modified", 0, null, List.of(), next);
            }
            List<String> warnings = new ArrayList<>();
            String type = fetched.contentType();
            if (type != null && !feedType(type)) {
                warnings.add("content type " + type + " is not a feed type; the body was read by its content");
                log.warn("poll source={} answered with content type {}; parsing by content", name, type);
            }
            DeliveryResult result = pipeline.deliver(name, "poll", redact(fetched.url()), fetched.body(), feed.format());
            warnings.addAll(result.warnings());
            if (result.rejected() && !result.empty()) {
                // Archived but unusable: a failure for health, and no ETag kept, so it is fetched again.
                return failed(source, interval, "the body could not be used: " + result.error(), null, warnings)
                        .withOutcomes(result.outcomes());
            }
            Instant done = clock.instant();
            Instant next = done.plus(interval);
            store.recordFetched(name, done, fetched.etag(), fetched.lastModified(), next);
            log.info("poll source={} delivered items={} bytes={}", name, result.outcomes().size(), fetched.body().length);
            return new PollResult(name, "delivered", result.outcomes().size(), null, List.copyOf(warnings), next,
                    List.copyOf(result.outcomes()));
        } catch (Fetcher.FetchException e) {
            if (stopping) {
                store.release(name, clock.instant());
                return new PollResult(name, "failed", 0, "stopped", List.of(), null);
            }
            return failed(source, interval, e.getMessage(), e.retryAfter(), List.of());
        } catch (RuntimeException e) {
            log.error("poll source={} failed inside Taar: {}", name, e.toString(), e);
            try {
                return failed(source, interval, "internal error: " + e.getMessage(), null, List.of());
            } catch (RuntimeException storeDown) {
                return new PollResult(name, "failed", 0, e.getMessage(), List.of(), null);
            }
        }
    }

    private PollResult failed(Config.Source source, Duration interval, String error, Duration retryAfter,
                              List<String> warnings) {
        Instant now = clock.instant();
        Instant[] next = new Instant[1];
        int failures = store.recordFailure(source.name(), now, error,
                n -> next[0] = now.plus(backoff.afterFailures(interval, n, retryAfter)));
        log.warn("poll source={} failed ({} in a row), next at {}: {}", source.name(), failures, next[0], error);
        return new PollResult(source.name(), "failed", 0, error, List.copyOf(warnings), next[0]);
    }

    private Duration interval(Config.Source s) {
        Duration d = s.feed().interval();
        return d.compareTo(settings.minInterval()) < 0 ? settings.minInterval() : d;
    }

    private Semaphore hostSlots(URI url) {
        return hosts.computeIfAbsent(url.getHost().toLowerCase(Locale.ROOT), h -> new Semaphore(settings.perHost()));
    }

    /** Feed-like types; anything else (text/html above all) is still read, with a warning. */
    static boolean feedType(String contentType) {
        String t = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return t.endsWith("xml") || t.endsWith("json") || t.equals("text/plain")
                || t.equals("application/octet-stream") || t.startsWith("application/vnd.iptc");
    }

    /** The URL without user info and with query values hidden: safe for logs, the store and the API. */
    public static String redact(URI url) {
        StringBuilder b = new StringBuilder().append(url.getScheme()).append("://").append(url.getHost());
        if (url.getPort() != -1) b.append(':').append(url.getPort());
        b.append(url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath());
        if (url.getRawQuery() != null) {
            List<String> names = new ArrayList<>();
            for (String pair : url.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                names.add(eq < 0 ? pair : pair.substring(0, eq) + "=…");
            }
            b.append('?').append(String.join("&", names));
        }
        return b.toString();
    }

    /** Stops scheduling, lets running polls finish within the grace period, then aborts the rest. */
    @Override
    public void close() {
        long start = System.nanoTime();
        stopping = true;
        if (scheduler != null) scheduler.shutdownNow();
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(settings.grace().toMillis(), TimeUnit.MILLISECONDS)) {
                    fetcher.close();
                    workers.shutdownNow();
                    workers.awaitTermination(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fetcher.close();
        if (opened && !sources.isEmpty()) {
            log.info("poller stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
    }
}
