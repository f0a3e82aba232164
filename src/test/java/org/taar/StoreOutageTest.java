package org.taar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;

/**
 * PostgreSQL stopped under two serving nodes while a sender pushes, then started again, on a server of
 * the test's own: while it is down a push is refused with 503 (never a 202 that is then lost) and the
 * pages in memory keep answering; afterwards every node catches up by itself, and every push accepted
 * is stored once.
 */
class StoreOutageTest {
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<App> nodes = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    private PrivatePostgres pg;

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(App::close);
        if (pg != null) pg.close();
    }

    private HttpResponse<String> get(int node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bases.get(node) + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> push(int node, String key, String uri, String headline) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bases.get(node) + "/api/v1/ingest"))
                        .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.wire(uri, 1, null, headline, "देश"))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void whileTheStoreIsDownPushesAre503AndPagesAnswerAndAfterItEveryNodeCatchesUp() throws Exception {
        pg = PrivatePostgres.start();
        for (String name : List.of("a", "b")) {
            Config c = new ConfigLoader(Map.of()).load(dir.resolve(name), null, pg.jdbcUrl());
            c = c.withNode(new Config.Node(name, null, dir.resolve("media"), c.node().inbox(), false));
            App app = new App(c, Clock.systemUTC());
            nodes.add(app);
            bases.add("http://127.0.0.1:" + app.serve("127.0.0.1", 0, false));
        }
        String key = nodes.get(0).pushKeys.create("ians");
        HttpResponse<String> before = push(0, key, "urn:outage:1", "डेटाबेस रुकने से पहले की ख़बर");
        assertThat(before.statusCode()).as(before.body()).isEqualTo(202);
        String first = new ObjectMapper().readTree(before.body()).path("url").asText();
        assertThat(Eventually.until(Duration.ofSeconds(2), () -> get(1, first).statusCode() == 200)).isTrue();

        // A sender pushes all along, to both nodes in turn, trying each story again until it is accepted.
        List<String> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean pushing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sender = new Thread(() -> {
            try {
                for (int i = 0; pushing.get(); i++) {
                    String uri = "urn:outage:live:" + i;
                    byte[] body = NodesFaultTest.story(uri, "डेटाबेस के आने-जाने के बीच ख़बर " + i, 3000 + i);
                    while (true) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(bases.get(i % 2)
                                        + "/api/v1/ingest")).timeout(Duration.ofSeconds(20))
                                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        if (r.statusCode() == 202) {
                            accepted.add(uri);
                            break;
                        }
                        if (r.statusCode() == 503) refused.incrementAndGet();
                        else unexpected.add(r.statusCode() + " " + r.body());
                        Thread.sleep(100);
                    }
                }
            } catch (Exception e) {
                unexpected.add(e.toString());
            }
        });
        sender.start();
        assertThat(Eventually.until(Duration.ofSeconds(10), () -> accepted.size() >= 5)).isTrue();

        pg.down();
        // Each refusal comes once the pool has waited its 5 s for a connection.
        assertThat(Eventually.until(Duration.ofSeconds(15), () -> refused.get() >= 2))
                .as("pushes refused with 503 while the store is down").isTrue();
        HttpResponse<String> during = push(0, key, "urn:outage:2", "डेटाबेस बंद रहते भेजी गई ख़बर");
        assertThat(during.statusCode()).as("a push while the store is down: " + during.body()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).contains("5");
        for (int node = 0; node < 2; node++) {
            assertThat(get(node, first).statusCode()).as("node %d's article from memory", node).isEqualTo(200);
            assertThat(get(node, "/").statusCode()).as("node %d's home page from memory", node).isEqualTo(200);
            assertThat(get(node, "/healthz").statusCode()).as("node %d says the store is away", node).isEqualTo(503);
        }
        int acceptedBeforeUp = accepted.size();

        pg.up();
        // The sender tries again, as the 503 asked; the node reconnects by itself.
        assertThat(Eventually.until(Duration.ofSeconds(30), () -> accepted.size() >= acceptedBeforeUp + 5))
                .as("pushes accepted again once the store is back").isTrue();
        pushing.set(false);
        sender.join(30_000);
        assertThat(unexpected).as("answers other than 202 and 503").isEmpty();
        HttpResponse<String> after = push(0, key, "urn:outage:2", "डेटाबेस बंद रहते भेजी गई ख़बर");
        assertThat(after.statusCode()).as(after.body()).isEqualTo(202);
        String second = new ObjectMapper().readTree(after.body()).path("url").asText();
        for (int node = 0; node < 2; node++) {
            int n = node;
            assertThat(Eventually.until(Duration.ofSeconds(10), () -> get(n, second).statusCode() == 200))
                    .as("node %d shows the story pushed after the outage", node).isTrue();
            assertThat(get(node, "/healthz").statusCode()).isEqualTo(200);
        }
        // Nothing acknowledged was lost, nothing is there twice.
        Map<String, Integer> rows = new java.util.HashMap<>();
        nodes.get(1).store.jdbi().useHandle(h -> h.createQuery(
                        "SELECT uri, COUNT(*) AS n FROM stories WHERE uri LIKE 'urn:outage:live:%' GROUP BY uri")
                .map((rs, ctx) -> rows.put(rs.getString("uri"), rs.getInt("n"))).list());
        assertThat(rows.keySet()).as("every accepted push stored").containsAll(accepted);
        assertThat(rows.values()).as("each once").containsOnly(1);
        int stories = nodes.get(1).store.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM stories WHERE uri IN ('urn:outage:1', 'urn:outage:2')").mapTo(Integer.class).one());
        assertThat(stories).as("each story once").isEqualTo(2);
    }
}
