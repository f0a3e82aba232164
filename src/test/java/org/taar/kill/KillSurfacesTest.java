package org.taar.kill;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.site.Feeds;
import org.taar.story.Outcome;
import org.taar.story.Story;
import org.taar.story.Tag;

/**
 * After each kind of kill, the story is gone from every surface a reader, a crawler or an API
 * client reaches, on a running server, and the audit trail says who killed it.
 */
class KillSurfacesTest {
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    /** One kind of kill: the story, a related story, the kill, and a search word of the story. */
    record Case(String name, String source, byte[] story, byte[] related, byte[] kill, String word) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> kills() {
        Case canceled = new Case("agency canceled", "ians",
                Fixtures.wire("urn:ians:k1", 1, null, "केरल में भारी बारिश से स्कूल बंद", "देश"),
                Fixtures.wire("urn:ians:k2", 1, null, "केरल में भारी बारिश से राहत कार्य", "देश"),
                Fixtures.wire("urn:ians:k1", 2, "canceled", "केरल में भारी बारिश से स्कूल बंद", "देश"), "स्कूल");
        Case anpa = new Case("ANPA KILL advisory", "ap",
                KillsTest.anpa("BC-IN--Kerala-Rain,0300", "^Kerala rain shuts schools<\n"
                        + "   KOCHI, India (AP) -- Heavy rain in Kerala shut schools across the state on Saturday."),
                KillsTest.anpa("BC-IN--Kerala-Relief,0300", "^Kerala rain relief work begins<\n"
                        + "   KOCHI, India (AP) -- Relief work began in Kerala after heavy rain on Saturday."),
                KillsTest.anpa("BC-IN--Kerala-Rain, MANDATORY KILL,0000", "MANDATORY KILL\n   The story is withdrawn."),
                "schools");
        Case hindi = new Case("Hindi advisory", "ians",
                Fixtures.wire("urn:ians:h1", 1, null, "केरल में भारी बारिश से स्कूल बंद", "देश"),
                Fixtures.wire("urn:ians:h2", 1, null, "केरल में भारी बारिश से राहत कार्य", "देश"),
                KillsTest.wire("urn:ians:h-adv", "संपादकों के लिए सूचना", null,
                        "कृपया 'केरल में भारी बारिश से स्कूल बंद' शीर्षक वाली ख़बर का उपयोग न करें।"), "स्कूल");
        return TestEngines.all().flatMap(e -> Stream.of(canceled, anpa, hindi).map(c -> Arguments.of(e, c)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Outcome deliver(App app, String source, byte[] content) {
        List<Outcome> out = app.pipeline.deliver(source, "file", "f.txt", content, null).outcomes();
        assertThat(out).hasSize(1);
        app.indexer().catchUp();
        app.publisher.catchUp();
        return out.get(0);
    }

    /** Every surface that lists stories, path to body. */
    private Map<String, String> surfaces(Story s, String relatedPath, String word) throws Exception {
        List<String> paths = new java.util.ArrayList<>(List.of("/", "/" + s.section() + "/", "/feed.xml",
                "/" + s.section() + "/feed.xml", Feeds.monthPath(YearMonth.now(java.time.ZoneId.of("Asia/Kolkata"))),
                "/sitemap-news.xml", "/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
                "/api/v1/stories", relatedPath));
        for (Tag t : s.tags()) paths.add("/tag/" + t.slug() + "/");
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String p : paths) bodies.put(p, get(p).body());
        return bodies;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kills")
    void aKilledStoryIsGoneFromEverySurface(String engine, Case c) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
            Outcome story = deliver(app, c.source(), c.story());
            Outcome related = deliver(app, c.source(), c.related());
            assertThat(story.status().label()).isEqualTo("published");
            long id = KillsTest.id(story);
            Story s = app.stories.byId(id).orElseThrow();
            // The related block of the other story is rendered with the first one in the index.
            app.publisher.rebuildAll();
            Map<String, String> before = surfaces(s, related.url(), c.word());
            before.forEach((path, body) -> assertThat(body).as("before the kill, " + path).contains(story.url()));
            assertThat(get("/api/v1/stories/" + id).statusCode()).isEqualTo(200);

            long start = System.nanoTime();
            Outcome kill = deliver(app, c.source(), c.kill());
            assertThat(kill.status().label()).isEqualTo("killed");
            assertThat(kill.url()).isEqualTo(story.url());
            HttpResponse<String> article = get(story.url());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(article.statusCode()).isEqualTo(410);
            surfaces(s, related.url(), c.word()).forEach((path, body) ->
                    assertThat(body).as("after the kill, " + path).doesNotContain(story.url()));
            assertThat(get("/api/v1/stories/" + id).statusCode()).isEqualTo(404);
            var trail = app.audit.auditTrail(id);
            assertThat(trail.get(trail.size() - 1).action()).isEqualTo("killed");
            assertThat(trail.get(trail.size() - 1).actor()).isEqualTo("agency:" + c.source());
            System.out.println("kill to 410 and all surfaces clean (" + engine + ", " + c + "): " + millis + " ms");
        }
    }
}
