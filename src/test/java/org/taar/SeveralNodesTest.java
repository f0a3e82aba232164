package org.taar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.store.PushKeys;
import org.taar.web.desk.DeskClient;

/**
 * Three serving nodes on one PostgreSQL database, each with its own data folder, over real HTTP
 * on loopback: what one node is told, every node shows within a second; a CDN purge goes out
 * once, and only when every node already answers the new state.
 */
class SeveralNodesTest {
    private static final Duration WITHIN = Duration.ofSeconds(1);
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<App> nodes = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    private HttpServer cdn;

    @AfterEach
    void stop() {
        nodes.forEach(App::close);
        if (cdn != null) cdn.stop(0);
    }

    /** Starts {@code n} nodes named a, b, c... on one fresh PostgreSQL schema, each with {@code purge} (or none). */
    private void start(int n, Config.Purge purge) throws Exception {
        String db = TestEngines.config(TestEngines.POSTGRESQL, dir.resolve("a")).jdbcUrl();
        for (int i = 0; i < n; i++) {
            String name = String.valueOf((char) ('a' + i));
            Config c = new ConfigLoader(Map.of()).load(dir.resolve(name), null, db).withPurge(purge);
            // The archive in the database and the renditions in one shared folder: what every node must read.
            c = c.withNode(new Config.Node(name, null, dir.resolve("shared-media"), c.node().inbox(), false));
            App app = new App(c, Clock.systemUTC());
            nodes.add(app);
            bases.add("http://127.0.0.1:" + app.serve("127.0.0.1", 0, false));
        }
    }

    private int status(int node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bases.get(node) + path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpResponse<String> post(int node, String path, String key, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(bases.get(node) + path))
                        .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Milliseconds from now until {@code path} on {@code node} answers {@code want}, or -1 after {@code within}. */
    private long msUntil(int node, String path, int want, Duration within) throws Exception {
        long started = System.nanoTime();
        boolean seen = Eventually.until(within, () -> status(node, path) == want);
        return seen ? (System.nanoTime() - started) / 1_000_000 : -1;
    }

    @Test
    void aPushToOneNodeShowsOnEveryNodeWithinASecondAndAKillOnAnotherIsGoneEverywhereWithinASecond() throws Exception {
        start(3, null);
        String pushKey = nodes.get(0).pushKeys.create("ians");
        String editorKey = nodes.get(0).pushKeys.create("asha", PushKeys.Role.EDITOR);
        // A reader follows node b's live events before the push.
        BlockingQueue<String> bEvents = new LinkedBlockingQueue<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(bases.get(1) + "/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) if (line.startsWith("data: ")) bEvents.add(line);
            } catch (Exception closed) {
                // the test is over
            }
        });
        reader.setDaemon(true);
        reader.start();

        byte[] story = Fixtures.wire("urn:nodes:1", 1, null, "तीन सर्वरों पर एक ख़बर", "देश");
        HttpResponse<String> pushed = post(0, "/api/v1/ingest", pushKey, story);
        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
        JsonNode answer = new ObjectMapper().readTree(pushed.body());
        String url = answer.path("url").asText();
        // Acknowledged means every node can read the delivery's bytes.
        assertThat(nodes.get(2).archive.read(answer.path("sha256").asText())).isEqualTo(story);
        for (int node = 1; node <= 2; node++) {
            assertThat(msUntil(node, url, 200, WITHIN)).as("node %d shows the story pushed to node a", node)
                    .isNotNegative();
        }
        String event = bEvents.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("a reader of node b hears of the story pushed to node a").isNotNull().contains(url);
        // Every node's search index follows too.
        assertThat(Eventually.value(WITHIN, () -> http.send(HttpRequest.newBuilder(URI.create(bases.get(2)
                        + "/search?q=" + java.net.URLEncoder.encode("सर्वरों", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body(), b -> b.contains(url)))
                .as("node c's search finds it").contains(url);

        long id = Long.parseLong(url.substring(url.lastIndexOf('-') + 1));
        HttpResponse<String> kill = post(2, "/api/v1/stories/" + id + "/kill", editorKey,
                "{\"reason\": \"withdrawn by the agency\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(kill.statusCode()).as(kill.body()).isEqualTo(200);
        for (int node = 0; node <= 1; node++) {
            assertThat(msUntil(node, url, 410, WITHIN)).as("node %d answers 410 for the story killed on node c", node)
                    .isNotNegative();
        }
        assertThat(bEvents.poll(WITHIN.toMillis(), TimeUnit.MILLISECONDS)).as("node b's readers hear of the kill")
                .isNotNull().contains(url);
        stream.body().close();
    }

    @Test
    void aCdnPurgeGoesOutOnceAndOnlyWhenEveryNodeAnswersTheKill() throws Exception {
        // The CDN, on receiving a purge, asks every node for the page at once: a CDN purged early
        // would fetch and keep the old page from a node still behind.
        BlockingQueue<List<Integer>> purges = new LinkedBlockingQueue<>();
        String[] path = new String[1];
        cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/", ex -> {
            List<Integer> seen = new ArrayList<>();
            try {
                for (int node = 0; node < bases.size(); node++) seen.add(status(node, path[0]));
            } catch (Exception e) {
                seen.add(-1);
            }
            purges.add(seen);
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        cdn.start();
        start(3, new Config.Purge(URI.create("http://127.0.0.1:" + cdn.getAddress().getPort() + "/purge"), "PURGE", null));
        String pushKey = nodes.get(0).pushKeys.create("pti");
        String editorKey = nodes.get(0).pushKeys.create("ravi", PushKeys.Role.EDITOR);
        HttpResponse<String> pushed = post(1, "/api/v1/ingest", pushKey,
                Fixtures.wire("urn:nodes:2", 1, null, "सीडीएन से हटाई जाने वाली ख़बर", "देश"));
        JsonNode answer = new ObjectMapper().readTree(pushed.body());
        path[0] = answer.path("url").asText();
        for (int node = 0; node < 3; node++) assertThat(msUntil(node, path[0], 200, WITHIN)).isNotNegative();
        long id = Long.parseLong(path[0].substring(path[0].lastIndexOf('-') + 1));

        assertThat(post(0, "/api/v1/stories/" + id + "/kill", editorKey,
                "{\"reason\": \"legal\"}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        List<Integer> atPurge = purges.poll(3, TimeUnit.SECONDS);
        assertThat(atPurge).as("one purge for the kill").isNotNull();
        assertThat(atPurge).as("every node already answered 410 when the CDN was told").containsExactly(410, 410, 410);
        assertThat(purges.poll(1500, TimeUnit.MILLISECONDS)).as("and no node purged it again").isNull();
    }

    @Test
    void anEditorSignedInOnOneNodeWorksTheDeskThroughAnotherAndTheKillIsGoneEverywhere() throws Exception {
        start(3, null);
        assertThat(nodes.get(0).accounts.add("meera", "editor", "a long enough password")).isNull();
        String pushKey = nodes.get(0).pushKeys.create("ians");
        HttpResponse<String> pushed = post(0, "/api/v1/ingest", pushKey,
                Fixtures.wire("urn:nodes:desk", 1, null, "डेस्क से हटाई गई ख़बर", "देश"));
        String url = new ObjectMapper().readTree(pushed.body()).path("url").asText();
        long id = Long.parseLong(url.substring(url.lastIndexOf('-') + 1));

        // Signed in on node a; the session (in the store) is used on node b as a balancer would send it.
        DeskClient onA = new DeskClient(bases.get(0)).signedIn("meera", "a long enough password");
        DeskClient onB = new DeskClient(bases.get(1));
        onB.cookies.putAll(onA.cookies);
        HttpResponse<String> queue = onB.get("/desk/");
        assertThat(queue.statusCode()).as("node b knows node a's session").isEqualTo(200);
        assertThat(queue.body()).as("node b's queue shows the push to node a").contains("डेस्क से हटाई गई ख़बर");
        String page = onB.get("/desk/stories/" + id).body();
        java.util.regex.Matcher seen = java.util.regex.Pattern.compile("name=\"seen\" value=\"([^\"]+)\"").matcher(page);
        assertThat(seen.find()).isTrue();
        HttpResponse<String> kill = onB.post("/desk/stories/" + id + "/kill", Map.of("csrf", DeskClient.csrf(page),
                "seen", seen.group(1), "reason", "legal advice"));
        assertThat(kill.statusCode()).as(kill.body()).isEqualTo(303);
        for (int node = 0; node < 3; node++) {
            assertThat(msUntil(node, url, 410, WITHIN)).as("node %d answers 410 for the story killed at node b's desk", node)
                    .isNotNegative();
        }
    }
}
