package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;
import org.taar.store.Nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.story.Outcome;

/** Purges reach a real HTTP server on the loopback interface (the JDK's), after the pages are re-rendered. */
class CdnPurgeTest {
    @TempDir Path dir;
    private HttpServer cdn;
    private final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();
    /** How many requests to answer 503 before answering 200: a CDN having a bad minute. */
    private final AtomicInteger failFirst = new AtomicInteger();

    @BeforeEach
    void startCdn() throws Exception {
        cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new String[] {ex.getRequestMethod(), ex.getRequestHeaders().getFirst("Surrogate-Key"),
                    ex.getRequestHeaders().getFirst("Authorization"), body});
            ex.sendResponseHeaders(failFirst.getAndDecrement() > 0 ? 503 : 200, -1);
            ex.close();
        });
        cdn.start();
    }

    @AfterEach
    void stopCdn() {
        cdn.stop(0);
    }

    private URI cdnUrl() {
        return URI.create("http://127.0.0.1:" + cdn.getAddress().getPort() + "/purge");
    }

    private static long id(Outcome o) {
        return Long.parseLong(o.url().replaceAll(".*-", ""));
    }

    @Test
    void aKillPurgesTheStorysSurrogateKeysWithTheConfiguredHeader() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")));
             NodeBeat beat = new NodeBeat(new Nodes(app.store), "node-a", app.publisher::lastSeq, app.clock);
             CdnPurge purge = new CdnPurge(app.stories, new Config.Purge(cdnUrl(), "PURGE", "Authorization: Bearer s3cret"),
                     "https://samachar.example", Duration.ofMillis(50), beat)) {
            app.publisher.listener(purge);
            app.publisher.rebuildAll();
            Outcome story = Fixtures.publish(app, Fixtures.wire("urn:purge:1", 1, null, "केरल में भारी बारिश", "देश"));
            // A first publication is not purged: no CDN holds a page for it yet.
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
            Fixtures.publish(app, Fixtures.wire("urn:purge:1", 2, "canceled", "केरल में भारी बारिश", "देश"));
            String[] r = received.poll(5, TimeUnit.SECONDS);
            assertThat(r).isNotNull();
            assertThat(r[0]).isEqualTo("PURGE");
            assertThat(r[1]).isEqualTo("story-" + id(story) + " section-india tag-kerala tag-mausam-vibhag");
            assertThat(r[2]).isEqualTo("Bearer s3cret");
        }
    }

    @Test
    void aWebhookGetsJsonAndAFailedPurgeIsRetried() throws Exception {
        failFirst.set(2);
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")));
             NodeBeat beat = new NodeBeat(new Nodes(app.store), "node-a", app.publisher::lastSeq, app.clock);
             CdnPurge purge = new CdnPurge(app.stories, new Config.Purge(cdnUrl(), "POST", null),
                     "https://samachar.example", Duration.ofMillis(50), beat)) {
            app.publisher.listener(purge);
            app.publisher.rebuildAll();
            Outcome story = Fixtures.publish(app, Fixtures.wire("urn:purge:2", 1, null, "दिल्ली में मेट्रो बाधित", "देश"));
            // The new headline moves the story to a new slug; the webhook names where it is now (the
            // old address, a 301, carries the same story key).
            Outcome update = Fixtures.publish(app, Fixtures.wire("urn:purge:2", 2, null, "दिल्ली में मेट्रो फिर चली", "देश"));
            String[] first = received.poll(5, TimeUnit.SECONDS);
            String[] second = received.poll(5, TimeUnit.SECONDS);
            String[] third = received.poll(5, TimeUnit.SECONDS);
            assertThat(third).as("two 503s, then the purge that succeeds").isNotNull();
            assertThat(first[3]).isEqualTo(third[3]);
            JsonNode json = new ObjectMapper().readTree(third[3]);
            assertThat(third[0]).isEqualTo("POST");
            assertThat(json.path("event").asText()).isEqualTo("updated");
            assertThat(json.path("id").asLong()).isEqualTo(id(story));
            assertThat(json.path("url").asText()).isEqualTo("https://samachar.example" + update.url());
            assertThat(update.url()).isNotEqualTo(story.url());
            assertThat(json.path("surrogate_keys").toString()).contains("\"story-" + id(story) + "\"", "\"section-india\"");
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("no purge after the one that succeeded").isNull();
        }
    }
}
