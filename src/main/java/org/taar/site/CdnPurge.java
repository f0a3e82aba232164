package org.taar.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.store.EventLog;
import org.taar.store.StoryReads;
import org.taar.story.Story;

/**
 * Tells a CDN that a story's pages changed, after the publisher has re-rendered them: on a kill,
 * an update or a hold of a story already on the site. PURGE sends the story's surrogate keys in a
 * {@code Surrogate-Key} header (Fastly style); POST sends them as JSON to a webhook. Requests run
 * on their own thread and are retried with backoff, so a slow or failing CDN never holds up publishing.
 */
public final class CdnPurge implements Publisher.Listener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CdnPurge.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Events that change a page a CDN may hold; a first publication changes only listings, which expire. */
    static final Set<String> PURGED = Set.of("killed", "updated", "held", "corrected");
    public static final int ATTEMPTS = 6;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final StoryReads stories;
    private final Config.Purge purge;
    private final String baseUrl;
    private final Duration firstRetry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cdn-purge");
        t.setDaemon(true);
        return t;
    });

    /** @param firstRetry the wait before the first retry; each later one waits twice as long */
    public CdnPurge(StoryReads stories, Config.Purge purge, String baseUrl, Duration firstRetry) {
        this.stories = stories;
        this.purge = purge;
        this.baseUrl = baseUrl;
        this.firstRetry = firstRetry;
    }

    @Override
    public void applied(List<EventLog.Change> changes) {
        for (EventLog.Change c : changes) {
            if (PURGED.contains(c.kind().label())) worker.execute(() -> send(c.kind().label(), c.storyId(), 1));
        }
    }

    private void send(String kind, long storyId, int attempt) {
        Optional<Story> story = stories.byId(storyId);
        if (story.isEmpty()) return;
        String keys = Publisher.articleKeys(story.get());
        try {
            HttpResponse<Void> r = http.send(request(kind, story.get(), keys), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 == 2) {
                log.info("cdn purge sent event={} id={} keys=\"{}\" status={}", kind, storyId, keys, r.statusCode());
                return;
            }
            retry(kind, storyId, attempt, "status " + r.statusCode());
        } catch (java.io.IOException e) {
            retry(kind, storyId, attempt, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retry(String kind, long storyId, int attempt, String why) {
        if (attempt >= ATTEMPTS) {
            log.error("cdn purge given up event={} id={} after {} attempts: {}", kind, storyId, attempt, why);
            return;
        }
        long wait = firstRetry.toMillis() << (attempt - 1);
        log.warn("cdn purge failed event={} id={} attempt={} ({}); retrying in {} ms", kind, storyId, attempt, why, wait);
        if (!worker.isShutdown()) worker.schedule(() -> send(kind, storyId, attempt + 1), wait, TimeUnit.MILLISECONDS);
    }

    HttpRequest request(String kind, Story s, String keys) {
        HttpRequest.Builder b = HttpRequest.newBuilder(purge.url()).timeout(TIMEOUT);
        if (purge.header() != null) {
            int colon = purge.header().indexOf(':');
            b.header(purge.header().substring(0, colon).strip(), purge.header().substring(colon + 1).strip());
        }
        if (!purge.webhook()) {
            return b.header("Surrogate-Key", keys).method("PURGE", HttpRequest.BodyPublishers.noBody()).build();
        }
        ObjectNode body = JSON.createObjectNode().put("event", kind).put("id", s.id()).put("url", baseUrl + s.path());
        Arrays.stream(keys.split(" ")).forEach(body.putArray("surrogate_keys")::add);
        return b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
