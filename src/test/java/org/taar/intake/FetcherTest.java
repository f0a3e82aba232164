package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taar.Fixtures;
import org.taar.config.Config;

/** One fetch against a hostile or careless server on loopback: every limit holds, with a clear reason. */
class FetcherTest {
    // The test server lives on 127.0.0.1; for these tests that one address counts as public, so the
    // refusal of every other private address (and of redirects to them) can be seen.
    private static final AddressPolicy.Rule TEST_SERVER_IS_PUBLIC =
            a -> a.getHostAddress().equals("127.0.0.1") ? null : AddressPolicy.whyNotPublic(a);
    private static final byte[] STORY = Fixtures.wire("urn:poll:1", 1, null, "पोल की गई ख़बर", "देश");

    private FeedServer server;
    private Fetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = new FeedServer();
        fetcher = new Fetcher(Duration.ofSeconds(2), 2, Clock.systemUTC(), TEST_SERVER_IS_PUBLIC);
        fetcher.start();
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private Config.Feed feed(String path) {
        return Config.Feed.of(URI.create(server.url(path)), 1 << 20).withTimeout(Duration.ofSeconds(3));
    }

    @Test
    void fetchesWithTaarUserAgentAndValidatorsThenGets304() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        server.route("/feed", ex -> {
            var h = ex.getRequestHeaders();
            seen.add(h.getFirst("User-Agent") + " | " + h.getFirst("Accept-Encoding"));
            if ("\"v1\"".equals(h.getFirst("If-None-Match"))) FeedServer.send(ex, 304, null, null, "ETag", "\"v1\"");
            else FeedServer.send(ex, 200, "text/plain; charset=utf-8", STORY, "ETag", "\"v1\"",
                    "Last-Modified", "Sat, 12 Jul 2025 05:49:00 GMT");
        });
        Fetcher.Fetched first = fetcher.fetch(feed("/feed"), null, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(STORY);
        assertThat(first.etag()).isEqualTo("\"v1\"");
        assertThat(first.lastModified()).isEqualTo("Sat, 12 Jul 2025 05:49:00 GMT");
        Fetcher.Fetched second = fetcher.fetch(feed("/feed"), first.etag(), first.lastModified());
        assertThat(second.notModified()).isTrue();
        assertThat(seen.get(0)).contains("Taar").contains("gzip").contains("deflate");
    }

    @Test
    void gzipAndDeflateBodiesAreDecompressed() throws Exception {
        byte[] zlib;
        var b = new java.io.ByteArrayOutputStream();
        try (var d = new java.util.zip.DeflaterOutputStream(b)) {
            d.write(STORY);
        }
        zlib = b.toByteArray();
        var raw = new java.io.ByteArrayOutputStream();
        try (var d = new java.util.zip.DeflaterOutputStream(raw, new java.util.zip.Deflater(6, true))) {
            d.write(STORY);
        }
        byte[] rawDeflate = raw.toByteArray();
        server.route("/gz", ex -> FeedServer.send(ex, 200, "text/plain", FeedServer.gzip(STORY), "Content-Encoding", "gzip"));
        server.route("/zlib", ex -> FeedServer.send(ex, 200, "text/plain", zlib, "Content-Encoding", "deflate"));
        server.route("/raw", ex -> FeedServer.send(ex, 200, "text/plain", rawDeflate, "Content-Encoding", "deflate"));
        assertThat(fetcher.fetch(feed("/gz"), null, null).body()).isEqualTo(STORY);
        assertThat(fetcher.fetch(feed("/zlib"), null, null).body()).isEqualTo(STORY);
        assertThat(fetcher.fetch(feed("/raw"), null, null).body()).isEqualTo(STORY);
    }

    @Test
    void slowDripIsCutAtTheDeadlineNotPerRead() {
        server.route("/drip", FeedServer.drip(200));
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.fetch(feed("/drip").withTimeout(Duration.ofSeconds(1)), null, null))
                .isInstanceOf(Fetcher.FetchException.class)
                .hasMessageContaining("no complete answer within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void endlessBodyIsCutAtTheSizeCap() {
        server.route("/endless", FeedServer.endless());
        assertThatThrownBy(() -> fetcher.fetch(feed("/endless").withMaxBytes(256 * 1024), null, null))
                .isInstanceOf(Fetcher.FetchException.class)
                .hasMessageContaining("larger than 262144 bytes");
    }

    @Test
    void declaredLengthOverTheCapIsRefusedBeforeReading() {
        server.route("/big", ex -> FeedServer.send(ex, 200, "text/plain", new byte[300_000]));
        assertThatThrownBy(() -> fetcher.fetch(feed("/big").withMaxBytes(100_000), null, null))
                .hasMessageContaining("larger than 100000 bytes");
    }

    @Test
    void gzipBombStopsAtTheCapAfterDecompression() {
        byte[] bomb = FeedServer.gzip(new byte[10 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(20 * 1024);
        server.route("/bomb", ex -> FeedServer.send(ex, 200, "application/xml", bomb, "Content-Encoding", "gzip"));
        assertThatThrownBy(() -> fetcher.fetch(feed("/bomb").withMaxBytes(1 << 20), null, null))
                .isInstanceOf(Fetcher.FetchException.class)
                .hasMessage("the body is larger than 1048576 bytes after decompression (gzip)");
    }

    @Test
    void redirectToAPrivateAddressIsRefusedAtThatHop() {
        server.route("/moved", ex -> FeedServer.send(ex, 302, null, null,
                "Location", "http://127.0.0.2:" + server.port() + "/feed"));
        server.route("/feed", ex -> FeedServer.send(ex, 200, "text/plain", STORY));
        assertThatThrownBy(() -> fetcher.fetch(feed("/moved"), null, null))
                .hasMessageContaining("refused 127.0.0.2")
                .hasMessageContaining("loopback")
                .hasMessageContaining("allow_private");
        assertThat(server.hits("/feed")).isZero();
    }

    @Test
    void hostNameResolvingToLoopbackIsRefusedByTheResolver() throws Exception {
        server.route("/feed", ex -> FeedServer.send(ex, 200, "text/plain", STORY));
        try (Fetcher strict = new Fetcher(Duration.ofSeconds(2), 2, Clock.systemUTC())) {
            strict.start();
            Config.Feed byName = Config.Feed.of(URI.create("http://localhost:" + server.port() + "/feed"), 1 << 20);
            assertThatThrownBy(() -> strict.fetch(byName, null, null))
                    .hasMessageContaining("refused localhost")
                    .hasMessageContaining("loopback");
            assertThatThrownBy(() -> strict.fetch(feed("/feed"), null, null))
                    .hasMessageContaining("refused 127.0.0.1");
            assertThat(server.hits("/feed")).isZero();
            // Trusted with allow_private, the same source is fetched.
            assertThat(strict.fetch(byName.withAllowPrivate(true), null, null).body()).isEqualTo(STORY);
        }
    }

    @Test
    void allowPrivateTrustsTheFeedsHostButNotARedirectToAnotherPrivateHost() throws Exception {
        server.route("/moved", ex -> FeedServer.send(ex, 302, null, null,
                "Location", "http://localhost:" + server.port() + "/feed"));
        server.route("/feed", ex -> FeedServer.send(ex, 200, "text/plain", STORY));
        try (Fetcher strict = new Fetcher(Duration.ofSeconds(2), 2, Clock.systemUTC())) {
            strict.start();
            Config.Feed trusted = feed("/moved").withAllowPrivate(true);
            assertThatThrownBy(() -> strict.fetch(trusted, null, null))
                    .hasMessageContaining("redirect to localhost")
                    .hasMessageContaining("allow_private_hosts");
            assertThat(server.hits("/feed")).isZero();
            assertThat(strict.fetch(feed("/feed").withAllowPrivate(true), null, null).body())
                    .as("the configured host itself is still trusted").isEqualTo(STORY);
            Config.Feed listed = trusted.withPrivateHosts(java.util.Set.of("127.0.0.1", "LOCALHOST"));
            assertThat(strict.fetch(listed, null, null).body()).as("a hop listed in allow_private_hosts").isEqualTo(STORY);
        }
    }

    @Test
    void redirectsToOtherSchemesAndEndlessRedirectsAreRefused() {
        server.route("/file", ex -> FeedServer.send(ex, 301, null, null, "Location", "file:///etc/passwd"));
        server.route("/loop", ex -> FeedServer.send(ex, 307, null, null, "Location", "/loop"));
        assertThatThrownBy(() -> fetcher.fetch(feed("/file"), null, null))
                .hasMessageContaining("only http and https");
        assertThatThrownBy(() -> fetcher.fetch(feed("/loop"), null, null))
                .hasMessageContaining("more than 5 redirects");
        assertThat(server.hits("/loop")).isEqualTo(6);
    }

    @Test
    void credentialsGoToTheFeedsOriginOnly() throws Exception {
        List<String> auth = new CopyOnWriteArrayList<>();
        server.route("/private", ex -> {
            auth.add(ex.getRequestHeaders().getFirst("Authorization") + " " + ex.getRequestHeaders().getFirst("X-Key"));
            FeedServer.send(ex, 302, null, null, "Location", "http://localhost:" + server.port() + "/elsewhere");
        });
        server.route("/elsewhere", ex -> {
            auth.add(ex.getRequestHeaders().getFirst("Authorization") + " " + ex.getRequestHeaders().getFirst("X-Key"));
            FeedServer.send(ex, 200, "text/plain", STORY);
        });
        Config.Feed f = feed("/private").withPrivateHosts(java.util.Set.of("127.0.0.1", "localhost")).withCredentials("pti", "s3cret")
                .withHeaders(Map.of("X-Key", "k1"));
        assertThat(fetcher.fetch(f, null, null).body()).isEqualTo(STORY);
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString("pti:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(auth).containsExactly(basic + " k1", "null null");
    }

    @Test
    void tooManyRequestsCarriesRetryAfterInSecondsOrAsADate() {
        server.route("/busy", ex -> FeedServer.send(ex, 429, "text/plain", "slow down".getBytes(), "Retry-After", "120"));
        assertThatThrownBy(() -> fetcher.fetch(feed("/busy"), null, null))
                .isInstanceOfSatisfying(Fetcher.FetchException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)))
                .hasMessageContaining("HTTP 429");
        Instant now = Instant.parse("2025-07-12T05:00:00Z");
        assertThat(Fetcher.retryAfter("Sat, 12 Jul 2025 05:10:00 GMT", now)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Fetcher.retryAfter("soon", now)).isNull();
        assertThat(Fetcher.retryAfter("-5", now)).isEqualTo(Duration.ZERO);
    }
}
