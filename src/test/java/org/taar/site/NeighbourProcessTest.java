package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.story.Outcome;

/**
 * A server notices, within a second, what another process (a `taar ingest` beside it, or another
 * node) stored: two Apps on one store, each with its own connection pool, stand in for them.
 */
class NeighbourProcessTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void storyIngestedByAnotherProcessIsServedWithinASecond(String engine) throws Exception {
        Config config = TestEngines.config(engine, dir);
        HttpClient http = HttpClient.newHttpClient();
        try (App server = new App(config, Clock.systemUTC())) {
            int port = server.serve("127.0.0.1", 0, false);
            Outcome published;
            Outcome killed;
            try (App ingest = new App(config, Clock.systemUTC())) {
                published = ingest.pipeline.deliver("pti", "file", "a.txt",
                        Fixtures.wire("urn:n:1", 1, null, "पड़ोसी प्रक्रिया की ख़बर", "देश"), null).outcomes().get(0);
            }
            URI url = URI.create("http://127.0.0.1:" + port + published.url());
            assertThat(statusWithin(http, url, 200, 1_000)).isEqualTo(200);

            try (App ingest = new App(config, Clock.systemUTC())) {
                killed = ingest.pipeline.deliver("pti", "file", "b.txt",
                        Fixtures.wire("urn:n:1", 2, "canceled", "पड़ोसी प्रक्रिया की ख़बर", "देश"), null).outcomes().get(0);
            }
            assertThat(killed.status().label()).isEqualTo("killed");
            assertThat(statusWithin(http, url, 410, 1_000)).isEqualTo(410);
        }
    }

    /** The server's own threads must notice the other process in time: that is what is measured, so no catch-up. */
    private static int statusWithin(HttpClient http, URI url, int wanted, long millis) throws Exception {
        return Eventually.value(Duration.ofMillis(millis),
                () -> http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode(),
                status -> status == wanted);
    }
}
