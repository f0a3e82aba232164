package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.format.NinjsSchema;

/** GET /api/v1/stories and /api/v1/stories/{id} over real HTTP on loopback, on each store engine. */
class StoriesEndpointTest {
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String base;
    private String key;

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String push(String uri, int version, String status, String headline) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.wire(uri, version, status, headline, "खेल")))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return json.readTree(r.body()).path("url").asText();
    }

    private static String id(String url) {
        return url.substring(url.lastIndexOf('-') + 1);
    }

    private static List<String> uris(JsonNode list) {
        List<String> uris = new ArrayList<>();
        list.path("items").forEach(i -> uris.add(i.path("uri").asText()));
        return uris;
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void listsPublishedStoriesAsValidNinjsPagedAndDropsKilledOnes(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            key = app.pushKeys.create("ians");
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            String a = push("urn:api:a", 1, null, "पहली ख़बर");
            String b = push("urn:api:b", 1, null, "दूसरी ख़बर");
            String c = push("urn:api:c", 1, null, "तीसरी ख़बर");

            HttpResponse<String> first = get("/api/v1/stories?limit=2");
            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("max-age=");
            JsonNode page1 = json.readTree(first.body());
            assertThat(uris(page1)).containsExactly("urn:api:a", "urn:api:b");
            String next = page1.path("next").asText();
            assertThat(next).isNotEmpty();
            JsonNode page2 = json.readTree(get("/api/v1/stories?limit=2&cursor=" + next).body());
            assertThat(uris(page2)).containsExactly("urn:api:c");
            assertThat(page2.path("next").isNull()).isTrue();
            assertThat(uris(json.readTree(get("/api/v1/stories").body())))
                    .containsExactly("urn:api:a", "urn:api:b", "urn:api:c");

            for (JsonNode item : page1.path("items")) {
                assertThat(NinjsSchema.errors(item.toString())).as(item.toString()).isEmpty();
            }
            JsonNode web = page1.path("items").get(0).path("renditions").get(0);
            assertThat(web.path("name").asText()).isEqualTo("web");
            assertThat(web.path("href").asText()).startsWith("http").endsWith(a);

            HttpResponse<String> one = get("/api/v1/stories/" + id(b));
            assertThat(one.statusCode()).isEqualTo(200);
            JsonNode item = json.readTree(one.body());
            assertThat(item.path("uri").asText()).isEqualTo("urn:api:b");
            assertThat(NinjsSchema.errors(one.body())).isEmpty();
            String etag = one.headers().firstValue("ETag").orElseThrow();
            assertThat(get("/api/v1/stories/" + id(b), "If-None-Match", etag).statusCode()).isEqualTo(304);
            String listEtag = first.headers().firstValue("ETag").orElseThrow();
            assertThat(get("/api/v1/stories?limit=2", "If-None-Match", listEtag).statusCode()).isEqualTo(304);

            // Future `since` is an empty list, not an error; a past one is everything.
            assertThat(uris(json.readTree(get("/api/v1/stories?since=2999-01-01T00:00:00Z").body()))).isEmpty();
            assertThat(uris(json.readTree(get("/api/v1/stories?since="
                    + URLEncoder.encode("2000-01-01T05:30:00+05:30", StandardCharsets.UTF_8)).body()))).hasSize(3);

            push("urn:api:b", 1, "canceled", "दूसरी ख़बर");
            HttpResponse<String> gone = get("/api/v1/stories/" + id(b));
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(json.readTree(gone.body()).path("error").asText()).isNotEmpty();
            assertThat(uris(json.readTree(get("/api/v1/stories").body()))).containsExactly("urn:api:a", "urn:api:c");
            assertThat(get("/api/v1/stories?limit=2", "If-None-Match", listEtag).statusCode())
                    .as("the list changed, so its ETag did").isEqualTo(200);
            assertThat(get("/api/v1/stories/" + id(c)).statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void badInputIs400AndUnknownIdsAre404Json(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            for (String q : new String[] {"since=yesterday", "since=2025-07-12", "since=2025-13-01T00:00:00Z",
                    "limit=0", "limit=201", "limit=abc", "limit=-5", "cursor=notacursor"}) {
                HttpResponse<String> r = get("/api/v1/stories?" + q);
                assertThat(r.statusCode()).as(q).isEqualTo(400);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
                String error = json.readTree(r.body()).path("error").asText();
                assertThat(error).as(q).contains(q.substring(0, q.indexOf('=')));
            }
            assertThat(get("/api/v1/stories?limit=200").statusCode()).isEqualTo(200);
            for (String id : new String[] {"999999", "abc", "1/2", "99999999999999999999999"}) {
                HttpResponse<String> r = get("/api/v1/stories/" + id);
                assertThat(r.statusCode()).as(id).isEqualTo(404);
                assertThat(json.readTree(r.body()).path("status").asInt()).isEqualTo(404);
            }
        }
    }

    /** The feeds' guid, as an altid: the same for every version, while the web rendition follows the headline. */
    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aNewHeadlineMovesTheWebRenditionButNotTheUriOrGuid(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            key = app.pushKeys.create("ians");
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            String site = app.config.site().baseUrl().replaceAll("/$", "");
            String before = push("urn:api:guid", 1, null, "पटना में बाढ़ का ख़तरा");
            JsonNode v1 = json.readTree(get("/api/v1/stories/" + id(before)).body());
            String after = push("urn:api:guid", 2, null, "पटना में बाढ़, सेना बुलाई गई");
            assertThat(after).isNotEqualTo(before);
            JsonNode v2 = json.readTree(get("/api/v1/stories/" + id(after)).body());
            assertThat(v2.path("version").asText()).isEqualTo("2");
            assertThat(v2.path("uri").asText()).isEqualTo(v1.path("uri").asText()).isEqualTo("urn:api:guid");
            assertThat(guid(v2)).isEqualTo(guid(v1)).isEqualTo(site + "/api/v1/stories/" + id(before));
            assertThat(v1.path("renditions").get(0).path("href").asText()).endsWith(before);
            assertThat(v2.path("renditions").get(0).path("href").asText()).endsWith(after);
            assertThat(NinjsSchema.errors(v2.toString())).as(v2.toString()).isEmpty();
            // The guid names the story's own resource here: it answers with the newest version.
            HttpResponse<String> byGuid = get(guid(v1).substring(site.length()));
            assertThat(byGuid.statusCode()).isEqualTo(200);
            assertThat(json.readTree(byGuid.body()).path("version").asText()).isEqualTo("2");
            JsonNode listed = json.readTree(get("/api/v1/stories").body()).path("items").get(0);
            assertThat(guid(listed)).isEqualTo(guid(v1));
        }
    }

    private static String guid(JsonNode item) {
        for (JsonNode alt : item.path("altids")) {
            if (alt.path("role").asText().equals(StoriesEndpoint.GUID_ROLE)) return alt.path("value").asText();
        }
        throw new AssertionError("no guid altid in " + item);
    }
}
