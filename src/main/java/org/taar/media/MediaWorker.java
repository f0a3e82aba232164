package org.taar.media;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.store.StoreOutage;
import org.taar.config.Config;
import org.taar.intake.Archive;
import org.taar.intake.Backoff;
import org.taar.intake.Fetcher;
import org.taar.intake.Poller;
import org.taar.item.Media;
import org.taar.store.MediaStore;
import org.taar.store.MediaWork;

/**
 * Makes the renditions of pending media in the background, never on a reader's request and never
 * in a story's way: takes a due row (a claim with a lease, so a crash leaves it to be taken again
 * and two workers never hold it at once), reads its original from the archive or fetches it by the
 * poller's rules (the address policy and the source's private-host trust, a size cap per kind, one
 * deadline), archives a fetched original, renders it, writes the renditions (media/MediaFiles) and
 * marks the row ready, telling every published story that shows it in the same transaction. A
 * failure backs off and, after a few tries, leaves the row failed with its reason and an audit
 * entry on each story that shows it; a picture the renderer refuses fails at once.
 */
public final class MediaWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaWorker.class);
    private final StoreOutage outage = new StoreOutage(log, "media worker");
    /** How long past its fetch deadline a claim holds, for the rendering and a slow store. */
    private static final Duration LEASE_SLACK = Duration.ofSeconds(120);
    private static final int BATCH = 50;

    /**
     * @param workers threads making renditions at once
     * @param tick how often an idle worker looks for due rows
     * @param maxAttempts tries before a row is failed
     * @param retryAfter the wait after the first failure, doubled after each (capped, see intake/Backoff)
     * @param timeout a fetch (connect, redirects, body) must finish within this
     */
    public record Settings(int workers, Duration tick, int maxAttempts, Duration retryAfter, Duration timeout,
                           long maxPictureBytes, long maxVideoBytes, long maxAudioBytes) {
        /**
         * Two workers; four tries, 30 s apart and doubling; 30 s a fetch; 40 MB a picture (as the
         * renderer's own limit), 100 MB a video and 50 MB an audio (an original is held in memory whole).
         */
        public static Settings defaults() {
            return new Settings(2, Duration.ofMillis(500), 4, Duration.ofSeconds(30), Duration.ofSeconds(30),
                    40L << 20, 100L << 20, 50L << 20);
        }

        /** The largest original accepted of a kind, as sent or fetched. */
        public long maxBytes(Media.Kind kind) {
            return switch (kind) {
                case PICTURE -> maxPictureBytes;
                case VIDEO -> maxVideoBytes;
                case AUDIO -> maxAudioBytes;
            };
        }

        public Settings withRetries(int attempts, Duration after) {
            return new Settings(workers, tick, attempts, after, timeout, maxPictureBytes, maxVideoBytes, maxAudioBytes);
        }

        public Settings withTimeout(Duration t) {
            return new Settings(workers, tick, maxAttempts, retryAfter, t, maxPictureBytes, maxVideoBytes, maxAudioBytes);
        }

        public Settings withMaxPictureBytes(long max) {
            return new Settings(workers, tick, maxAttempts, retryAfter, timeout, max, maxVideoBytes, maxAudioBytes);
        }
    }

    private final MediaWork store;
    private final Archive archive;
    private final MediaFiles files;
    private final MediaRenderer renderer;
    private final Fetcher fetcher;
    private final Config config;
    private final Clock clock;
    private final Settings settings;
    private final Backoff backoff;
    private final Runnable onChange;
    private final AtomicBoolean woken = new AtomicBoolean();
    private boolean fetching;
    private ScheduledExecutorService pool;
    private volatile boolean stopping;

    public MediaWorker(MediaWork store, Archive archive, MediaFiles files, MediaRenderer renderer, Fetcher fetcher,
                       Config config, Clock clock, Settings settings, Random random, Runnable onChange) {
        this.store = store;
        this.archive = archive;
        this.files = files;
        this.renderer = renderer;
        this.fetcher = fetcher;
        this.config = config;
        this.clock = clock;
        this.settings = settings;
        this.backoff = new Backoff(random);
        this.onChange = onChange;
    }

    /** Starts the background workers (taar serve); rows left pending by a crash are among the first due. */
    public synchronized void start() {
        if (pool != null) return;
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newScheduledThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "media-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long tick = settings.tick().toMillis();
        for (int i = 0; i < settings.workers(); i++) {
            pool.scheduleWithFixedDelay(this::drainSafely, i * tick / settings.workers(), tick, TimeUnit.MILLISECONDS);
        }
    }

    /** New pending rows were written: look now rather than at the next tick. */
    public void nudge() {
        ScheduledExecutorService p = pool;
        if (p == null || stopping || !woken.compareAndSet(false, true)) return;
        try {
            p.execute(() -> {
                woken.set(false);
                drainSafely();
            });
        } catch (RejectedExecutionException closing) {
            woken.set(false);
        }
    }

    private void drainSafely() {
        try {
            pass();
            outage.worked();
        } catch (RuntimeException e) {
            outage.failed(e);
        }
    }

    /**
     * Works through every row due now, in this thread, and answers how many it finished (ready or
     * failed); `taar ingest` runs one pass at its end so that its stories have their pictures. A row
     * that must be tried again later is left for the background workers or the next pass.
     */
    public int pass() {
        int finished = 0;
        while (!stopping) {
            List<MediaStore.Entry> due = store.due(clock.instant(), BATCH);
            if (due.isEmpty()) break;
            int claimed = 0;
            for (MediaStore.Entry e : due) {
                if (stopping) break;
                Optional<MediaWork.Claim> claim = claim(e);
                if (claim.isEmpty()) continue;
                claimed++;
                if (work(e, claim.get())) finished++;
            }
            // Every due row was held by another worker: they will finish them.
            if (claimed == 0) break;
        }
        return finished;
    }

    private Optional<MediaWork.Claim> claim(MediaStore.Entry e) {
        Instant now = clock.instant();
        return store.claim(e, now, now.plus(settings.timeout()).plus(LEASE_SLACK));
    }

    /** One claimed row, start to end; true when it ended ready or failed, false when it will be tried again. */
    private boolean work(MediaStore.Entry e, MediaWork.Claim c) {
        byte[] original;
        String sha = e.originalSha256();
        try {
            if (sha != null) {
                original = archive.read(sha);
            } else {
                original = fetch(e);
                sha = archive.store(e.source(), "media", redacted(e.href()), original).sha256();
            }
        } catch (Fetcher.FetchException ex) {
            // An address the policy refuses stays refused; anything else (404, timeout) may come right.
            if (ex.getMessage().startsWith("refused") || ex.getMessage().startsWith("not an address")) {
                return fail(e, c, ex.getMessage(), null);
            }
            return retryOrFail(e, c, ex.getMessage(), ex.retryAfter());
        } catch (IOException ex) {
            return retryOrFail(e, c, "the archived original cannot be read: " + ex.getMessage(), null);
        }
        long max = settings.maxBytes(e.kind());
        if (original.length > max) {
            return fail(e, c, "the original is " + original.length + " bytes, over the limit of " + max + " for a "
                    + e.kind().label(), sha);
        }
        Rendered r;
        try {
            r = renderer.render(original);
        } catch (RefusedMedia refused) {
            return fail(e, c, "refused: " + refused.getMessage(), sha);
        } catch (RuntimeException bug) {
            log.error("media render failed id={} uri={}: {}", e.id(), e.uri(), bug.toString(), bug);
            return fail(e, c, "could not be rendered: " + bug.getClass().getSimpleName(), sha);
        }
        List<MediaStore.StoredRendition> made = new ArrayList<>();
        for (Rendered.Made m : r.renditions()) {
            // Written before the row says ready; a crash between leaves an unreferenced file, never a broken row.
            made.add(new MediaStore.StoredRendition(m.name(), m.format(), files.put(m.bytes()), m.contentType(),
                    m.width(), m.height(), m.bytes().length));
        }
        String warning = r.warnings().isEmpty() ? null : String.join("; ", r.warnings());
        boolean done = store.ready(c, r.kind(), sha, r.contentType(), r.width(), r.height(), warning, made,
                clock.instant());
        if (done) {
            log.info("media ready id={} source={} uri={} version={} renditions={}", e.id(), e.source(), e.uri(),
                    e.version(), made.size());
            onChange.run();
        } else {
            log.info("media id={} changed while it was rendered (a newer version, or another worker); result dropped",
                    e.id());
        }
        return done;
    }

    private boolean retryOrFail(MediaStore.Entry e, MediaWork.Claim c, String reason, Duration retryAfter) {
        if (c.attempt() >= settings.maxAttempts()) {
            return fail(e, c, reason + " (after " + c.attempt() + " tries)", null);
        }
        Instant now = clock.instant();
        Instant next = now.plus(backoff.afterFailures(settings.retryAfter(), c.attempt() - 1, retryAfter));
        store.retry(c, reason, next, now);
        log.info("media fetch failed id={} uri={} try={} next={}: {}", e.id(), e.uri(), c.attempt(), next, reason);
        return false;
    }

    private boolean fail(MediaStore.Entry e, MediaWork.Claim c, String reason, String sha) {
        boolean done = store.failed(c, reason, sha, clock.instant());
        if (done) {
            log.warn("media failed id={} source={} uri={}: {}", e.id(), e.source(), e.uri(), reason);
            onChange.run();
        }
        return done;
    }

    private byte[] fetch(MediaStore.Entry e) throws Fetcher.FetchException {
        startFetcher();
        return fetcher.fetch(feed(e), null, null).body();
    }

    /**
     * The fetch as the poller would make it for this source: its trust in private hosts, and its
     * credentials only on its feed's own origin (a picture on the agency's API host needs them;
     * anywhere else must never see them).
     */
    Config.Feed feed(MediaStore.Entry e) throws Fetcher.FetchException {
        URI url;
        try {
            url = new URI(e.href().strip());
        } catch (URISyntaxException bad) {
            throw new Fetcher.FetchException("not an address: " + bad.getMessage());
        }
        Config.Feed own = config.source(e.source()).feed();
        Set<String> trusted = own == null ? Set.of() : own.privateHosts();
        boolean sameOrigin = own != null && sameOrigin(url, own.url());
        return new Config.Feed(url, null, Config.Feed.DEFAULT_INTERVAL, sameOrigin ? own.username() : null,
                sameOrigin ? own.password() : null, sameOrigin ? own.headers() : Map.of(), trusted,
                settings.maxBytes(e.kind()), settings.timeout());
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null && a.getHost() != null && b.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String redacted(String href) {
        try {
            return Poller.redact(new URI(href.strip()));
        } catch (URISyntaxException | RuntimeException e) {
            return "media";
        }
    }

    // The HTTP clients start with the first fetch: a `taar ingest` of files with their pictures runs none.
    private synchronized void startFetcher() throws Fetcher.FetchException {
        if (fetching) return;
        try {
            fetcher.start();
        } catch (Exception e) {
            throw new Fetcher.FetchException("cannot start the HTTP client: " + e.getMessage());
        }
        fetching = true;
    }

    /** Stops looking for work, lets a running rendition finish (its claim otherwise runs out), closes the clients. */
    @Override
    public void close() {
        stopping = true;
        ScheduledExecutorService p;
        synchronized (this) {
            p = pool;
        }
        if (p != null) {
            p.shutdown();
            try {
                if (!p.awaitTermination(5, TimeUnit.SECONDS)) p.shutdownNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fetcher.close();
    }
}
