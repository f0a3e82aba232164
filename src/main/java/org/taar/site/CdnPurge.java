package org.taar.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.intake.HttpClients;
import org.taar.store.EventLog;
import org.taar.store.StoryReads;
import org.taar.story.Story;

/**
 * Tells a CDN that a story's pages changed, after the publisher has re-rendered them: on a kill,
 * an update or a hold of a story already on the site. PURGE sends the story's surrogate keys in a
 * {@code Surrogate-Key} header (Fastly style); POST sends them as JSON to a webhook. The story is
 * read on the purge's own thread and the request sent asynchronously, retried with backoff, so a
 * slow or failing CDN never holds up publishing. The HTTP client is built once, with the purge.
 */
public final class CdnPurge implements Publisher.Listener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CdnPurge.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Events that change a page a CDN may hold; a first publication changes only listings, which expire.
     * "media" (a picture withdrawn or replaced): the article, and the renditions' answers, which carry
     * the story's key, so a withdrawn picture leaves the CDN with the pages that showed it.
     */
    static final Set<String> PURGED = Set.of("killed", "updated", "held", "corrected", "media");
    public static final int ATTEMPTS = 6;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A purge waits at most this long for the slowest node before it goes out anyway. */
    static final Duration WAIT_MAX = Duration.ofSeconds(10);
    private static final long CHECK_MS = 100;

    /**
     * When a purge may go out and which node sends it. A CDN told too early fetches the old page
     * again from a node that has not yet rendered the change; told by every node, it purges as
     * many times as there are nodes.
     */
    public interface Gate {
        /** Every event up to this sequence number is rendered on every live node. */
        long everywhereUpTo();

        /** True for exactly one caller of the nodes that try, for each {@code seq}. */
        boolean claim(long seq);
    }

    private record Pending(long seq, String kind, long storyId, long since) {}

    private final StoryReads stories;
    private final Gate gate;
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private final Config.Purge purge;
    private final String baseUrl;
    private final Duration firstRetry;
    private final HttpClient http = HttpClients.outbound("cdn purge", "cdn-purge-http", TIMEOUT);
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cdn-purge");
        t.setDaemon(true);
        return t;
    });

    /** @param firstRetry the wait before the first retry; each later one waits twice as long */
    public CdnPurge(StoryReads stories, Config.Purge purge, String baseUrl, Duration firstRetry, Gate gate) {
        this.stories = stories;
        this.gate = gate;
        this.purge = purge;
        this.baseUrl = baseUrl;
        this.firstRetry = firstRetry;
        try {
            http.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the CDN purge's HTTP client", e);
        }
        worker.scheduleWithFixedDelay(this::sendDue, CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void applied(List<EventLog.Change> changes) {
        for (EventLog.Change c : changes) {
            if (PURGED.contains(c.kind().label())) {
                pending.add(new Pending(c.seq(), c.kind().label(), c.storyId(), System.nanoTime()));
            }
        }
        if (!pending.isEmpty()) worker.execute(this::sendDue);
    }

    /** Sends, in order, the purges every node has caught up with (or that waited too long), if this node claims them. */
    private void sendDue() {
        if (pending.isEmpty()) return;
        try {
            long everywhere = gate.everywhereUpTo();
            for (Pending p; (p = pending.peek()) != null; ) {
                boolean late = System.nanoTime() - p.since() > WAIT_MAX.toNanos();
                if (p.seq() > everywhere && !late) return;
                if (gate.claim(p.seq())) {
                    // Said by the node that sends it only.
                    if (p.seq() > everywhere) {
                        log.warn("cdn purge event={} id={} sent before every node caught up (waited {} s)", p.kind(),
                                p.storyId(), WAIT_MAX.toSeconds());
                    }
                    send(p.kind(), p.storyId(), 1);
                }
                pending.remove();
            }
        } catch (RuntimeException e) {
            // The store is away: the purges wait in order and go out when it answers again.
            log.warn("cdn purge check failed, will retry: {}", e.toString());
        }
    }

    private void send(String kind, long storyId, int attempt) {
        Optional<Story> story = stories.byId(storyId);
        if (story.isEmpty()) return;
        String keys = ArticlePages.keys(story.get());
        request(kind, story.get(), keys).send(result -> {
            if (result.isFailed()) {
                retry(kind, storyId, attempt, result.getFailure().toString());
            } else if (result.getResponse().getStatus() / 100 == 2) {
                log.info("cdn purge sent event={} id={} keys=\"{}\" status={}", kind, storyId, keys,
                        result.getResponse().getStatus());
            } else {
                retry(kind, storyId, attempt, "status " + result.getResponse().getStatus());
            }
        });
    }

    private void retry(String kind, long storyId, int attempt, String why) {
        // Closing aborts what is in flight; that is no failure of the CDN's.
        if (worker.isShutdown()) return;
        if (attempt >= ATTEMPTS) {
            log.error("cdn purge given up event={} id={} after {} attempts: {}", kind, storyId, attempt, why);
            return;
        }
        long wait = firstRetry.toMillis() << (attempt - 1);
        log.warn("cdn purge failed event={} id={} attempt={} ({}); retrying in {} ms", kind, storyId, attempt, why, wait);
        try {
            worker.schedule(() -> send(kind, storyId, attempt + 1), wait, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // Closed between the check and now.
        }
    }

    Request request(String kind, Story s, String keys) {
        Request r = http.newRequest(purge.url()).timeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (purge.header() != null) {
            int colon = purge.header().indexOf(':');
            String name = purge.header().substring(0, colon).strip();
            String value = purge.header().substring(colon + 1).strip();
            r.headers(h -> h.put(name, value));
        }
        if (!purge.webhook()) {
            return r.method("PURGE").headers(h -> h.put("Surrogate-Key", keys));
        }
        ObjectNode body = JSON.createObjectNode().put("event", kind).put("id", s.id()).put("url", baseUrl + s.path());
        Arrays.stream(keys.split(" ")).forEach(body.putArray("surrogate_keys")::add);
        return r.method(HttpMethod.POST).body(new StringRequestContent("application/json", body.toString()));
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            http.stop();
        } catch (Exception ignored) {
            // Stopping aborts what is in flight; nothing else to do.
        }
    }
}
