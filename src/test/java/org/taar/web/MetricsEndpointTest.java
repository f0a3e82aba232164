package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.store.PushKeys;

/**
 * GET /metrics over real HTTP on each engine: the newsroom's counters after pushes, a kill and an
 * editor's action, the latency histograms, the pool and the JVM; and what a hostile client can and
 * cannot do to it (other methods, query strings, floods of refused pushes, secrets).
 */
class MetricsEndpointTest {
    private static final String FEED_PASSWORD = "feedS3cretPw";
    private static final String DB_PASSWORD = "dbS3cretPw";

    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    /** A store of the engine, with a polled source that cannot be reached and, on PostgreSQL, a password in the URL. */
    private Config config(String engine) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), """
                sources:
                  agency:
                    url: http://127.0.0.1:1/feed.xml
                    allow_private: true
                    username: taar
                    password: %s
                """.formatted(FEED_PASSWORD));
        Config c = TestEngines.config(engine, dir);
        if (c.jdbcUrl() == null) return c;
        // The test server trusts loopback, so the password is never checked: it only must not show.
        return new ConfigLoader(Map.of()).load(dir, null, c.jdbcUrl() + "&password=" + DB_PASSWORD);
    }

    private HttpResponse<String> send(String method, String path, String key, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return send("GET", path, null, null);
    }

    /** Every series of the exposition (name with its labels) with its value; comments left out. */
    static Map<String, Double> series(String exposition) {
        Map<String, Double> out = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int space = line.lastIndexOf(' ');
            out.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return out;
    }

    /** The value of the one series named {@code name} whose labels include every one of {@code labels} ("k=\"v\""). */
    static double value(Map<String, Double> series, String name, String... labels) {
        Predicate<String> match = key -> {
            if (!key.equals(name) && !key.startsWith(name + "{")) return false;
            for (String l : labels) if (!key.contains(l)) return false;
            return true;
        };
        var found = series.entrySet().stream().filter(e -> match.test(e.getKey())).toList();
        assertThat(found).as(name + " " + String.join(",", labels)).hasSize(1);
        return found.get(0).getValue();
    }

    private Map<String, Double> scrapeUntil(Predicate<Map<String, Double>> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Map<String, Double> s;
        do {
            s = series(get("/metrics").body());
            if (ready.test(s)) return s;
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return s;
    }

    private static long id(String url) {
        return Long.parseLong(url.substring(url.lastIndexOf('-') + 1));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void pushesAKillAndADeskActionShowWithTheirLabels(String engine) throws Exception {
        try (App app = new App(config(engine), Clock.systemUTC())) {
            String pushKey = app.pushKeys.create("ians");
            String editorKey = app.pushKeys.create("asha", PushKeys.Role.EDITOR);
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);

            byte[] first = Fixtures.wire("urn:m:1", 1, null, "मानसून केरल पहुंचा", "देश");
            HttpResponse<String> pushed = send("POST", "/api/v1/ingest", pushKey, first);
            assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
            String url = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pushed.body()).path("url").asText();
            app.publisher.catchUp();
            assertThat(get(url).statusCode()).isEqualTo(200);
            assertThat(send("POST", "/api/v1/ingest", pushKey, first).statusCode()).isEqualTo(202);  // the same bytes again
            assertThat(get("/no-such-page-at-all").statusCode()).isEqualTo(404);
            HttpResponse<String> kill = send("POST", "/api/v1/ingest", pushKey,
                    Fixtures.wire("urn:m:1", 2, "canceled", "मानसून केरल पहुंचा", "देश"));
            assertThat(kill.body()).contains("\"killed\"");
            app.publisher.catchUp();
            assertThat(get(url).statusCode()).isEqualTo(410);
            HttpResponse<String> second = send("POST", "/api/v1/ingest", pushKey,
                    Fixtures.wire("urn:m:2", 1, null, "दिल्ली में बारिश", "देश"));
            String secondUrl = new com.fasterxml.jackson.databind.ObjectMapper().readTree(second.body()).path("url").asText();
            app.publisher.catchUp();
            assertThat(send("POST", "/api/v1/stories/" + id(secondUrl) + "/hold", editorKey, null).statusCode())
                    .isEqualTo(200);
            assertThat(send("POST", "/api/v1/stories/" + id(secondUrl) + "/hold", editorKey, null).statusCode())
                    .isEqualTo(200);  // already held: unchanged

            HttpResponse<String> r = get("/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
            // The poll of the unreachable feed and this node's heartbeat come on their own threads.
            Map<String, Double> s = scrapeUntil(m -> m.keySet().stream().anyMatch(k -> k.startsWith("taar_polls_total"))
                    && m.keySet().stream().anyMatch(k -> k.startsWith("taar_event_lag{")));

            assertThat(value(s, "taar_deliveries_total", "source=\"ians\"", "channel=\"push\"")).isEqualTo(4.0);
            assertThat(value(s, "taar_wire_items_total", "source=\"ians\"", "status=\"published\"")).isEqualTo(2.0);
            assertThat(value(s, "taar_wire_items_total", "source=\"ians\"", "status=\"duplicate\"")).isEqualTo(1.0);
            assertThat(value(s, "taar_wire_items_total", "source=\"ians\"", "status=\"killed\"")).isEqualTo(1.0);
            assertThat(value(s, "taar_desk_actions_total", "action=\"hold\"", "result=\"done\"")).isEqualTo(1.0);
            assertThat(value(s, "taar_desk_actions_total", "action=\"hold\"", "result=\"unchanged\"")).isEqualTo(1.0);
            assertThat(value(s, "taar_polls_total", "source=\"agency\"", "result=\"failed\"")).isGreaterThanOrEqualTo(1.0);

            // The histograms: both stories reached their pages, the kill its 410, each with buckets.
            assertThat(value(s, "taar_wire_to_web_seconds_count", "kind=\"published\"")).isEqualTo(2.0);
            assertThat(value(s, "taar_kill_to_gone_seconds_count")).isEqualTo(1.0);
            assertThat(value(s, "taar_kill_to_gone_seconds_bucket", "le=\"+Inf\"")).isEqualTo(1.0);
            assertThat(s.keySet().stream().filter(k -> k.startsWith("taar_wire_to_web_seconds_bucket{")).count())
                    .isGreaterThan(10);
            assertThat(value(s, "taar_wire_to_web_seconds_sum", "kind=\"published\"")).isGreaterThan(0.0).isLessThan(60.0);

            assertThat(value(s, "taar_page_requests_total", "result=\"hit\"")).isGreaterThanOrEqualTo(2.0);
            assertThat(value(s, "taar_page_requests_total", "result=\"miss\"")).isGreaterThanOrEqualTo(1.0);
            assertThat(value(s, "taar_page_cache_bytes", "tier=\"pinned\"")).isGreaterThan(0.0);
            // The kill's 410 is pinned; the held story left the bounded tier, so it may be empty now.
            assertThat(value(s, "taar_page_cache_pages", "tier=\"pinned\"")).isGreaterThanOrEqualTo(1.0);
            // One node, which has applied every event (its heartbeat may be a second behind, never ahead).
            assertThat(value(s, "taar_event_lag", "node=\"" + app.config.node().name() + "\"")).isBetween(0.0, 10.0);

            assertThat(s.keySet()).anyMatch(k -> k.startsWith("hikaricp_connections_active{"));
            assertThat(s.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"));
            assertThat(s.keySet()).anyMatch(k -> k.startsWith("jvm_threads_live_threads"));
            assertThat(s.keySet()).anyMatch(k -> k.startsWith("jvm_gc_"));
            assertThat(s.keySet()).anyMatch(k -> k.startsWith("process_uptime_seconds"));
            assertThat(s.keySet()).anyMatch(k -> k.startsWith("system_cpu_count"));
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void hostileClientsNeitherMintLabelsNorReadSecrets(String engine) throws Exception {
        try (App app = new App(config(engine), Clock.systemUTC())) {
            String pushKey = app.pushKeys.create("ians");
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            assertThat(send("POST", "/api/v1/ingest", pushKey, Fixtures.wire("urn:h:1", 1, null, "मानसून", "देश"))
                    .statusCode()).isEqualTo(202);
            app.publisher.catchUp();
            // The unreachable feed's first poll adds its series on its own thread: before the flood, not during it.
            Map<String, Double> before = scrapeUntil(m -> m.keySet().stream().anyMatch(k -> k.startsWith("taar_polls_total")));

            // Only GET and HEAD; HEAD says how long the answer is and sends none of it.
            for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
                HttpResponse<String> r = send(method, "/metrics", null, method.equals("DELETE") ? null : new byte[] {1});
                assertThat(r.statusCode()).as(method).isEqualTo(405);
                assertThat(r.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
            }
            HttpResponse<String> head = send("HEAD", "/metrics", null, null);
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(Long.parseLong(head.headers().firstValue("Content-Length").orElseThrow())).isGreaterThan(1000);

            // A flood of pushes with bad keys, or naming a source of their own, and of made-up pages.
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest?source=evil" + i))
                        .header("Authorization", "Bearer taar_forged" + i).header("X-Source", "evil" + i)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.wire("urn:evil:" + i, 1, null, "x", "देश")))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(401);
                assertThat(get("/evil-page-" + i + "?source=evil" + i).statusCode()).isEqualTo(404);
            }
            HttpResponse<String> queried = get("/metrics?source=evil&name[]=x&debug=true");
            assertThat(queried.statusCode()).isEqualTo(200);
            Map<String, Double> after = series(queried.body());

            assertThat(queried.body()).doesNotContain("evil");
            assertThat(taarSeries(after)).isEqualTo(taarSeries(before));
            assertThat(value(after, "taar_deliveries_total", "source=\"ians\"")).isEqualTo(1.0);
            // The story's article stays in the bounded tier of the cache.
            assertThat(value(after, "taar_page_cache_pages", "tier=\"bounded\"")).isGreaterThanOrEqualTo(1.0);
            assertThat(value(after, "taar_page_cache_bytes", "tier=\"bounded\"")).isGreaterThan(0.0);
            assertThat(value(after, "taar_page_requests_total", "result=\"miss\""))
                    .isGreaterThanOrEqualTo(value(before, "taar_page_requests_total", "result=\"miss\"") + 40);
            // No key, no feed or database password, in the numbers or their names.
            for (String secret : new String[] {pushKey, FEED_PASSWORD, DB_PASSWORD, "taar_forged"}) {
                assertThat(queried.body()).doesNotContain(secret);
            }
            assertThat(queried.body()).doesNotContain("jdbc:").doesNotContain("127.0.0.1:1");
        }
    }

    /** The names and labels of Taar's own series, without their values: what a client must not be able to grow. */
    private static Set<String> taarSeries(Map<String, Double> series) {
        Set<String> out = new TreeSet<>();
        for (String k : series.keySet()) if (k.startsWith("taar_") && !k.startsWith("taar_event_lag")) out.add(k);
        return out;
    }
}
