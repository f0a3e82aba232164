package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Eventually;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.story.Outcome;
import org.taar.text.Slugger;
import org.taar.site.Page;
import org.taar.site.Publisher;

/**
 * Issue 10: what an anonymous request names (a path, a page number, a tag) creates no state
 * beyond what really exists and sets no loop's range, so no request can delay a kill or grow the
 * server. Over real HTTP on each engine, with the publisher's own threads doing the work.
 */
class AnonymousRequestBoundsTest {
    @TempDir Path dir;
    private App app;
    private String base;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private void start(String engine) throws Exception {
        app = new App(TestEngines.config(engine, dir), clock);
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
    }

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    /** A wire story like {@link Fixtures#wire} with tags of our choosing. */
    private static byte[] wire(String uri, int version, String status, String headline, String tags) {
        String text = new String(Fixtures.wire(uri, version, status, headline, "खेल"), StandardCharsets.UTF_8)
                .replace("Tags: केरल, मौसम विभाग\n", "Tags: " + tags + "\n");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Outcome deliver(byte[] content) {
        clock.advance(Duration.ofMinutes(1));
        var r = app.pipeline.deliver("ians", "file", "story.txt", content, null);
        assertThat(r.outcomes()).hasSize(1);
        return r.outcomes().get(0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private String body(String path) {
        try {
            return get(path).body();
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    private static String link(String url) {
        return "href=\"" + url + "\"";
    }

    /** Waits up to {@code within} for the condition; true if it held in time. */
    private static boolean within(Duration within, Supplier<Boolean> condition) throws Exception {
        // The publisher's own threads must do it in time: that is what is measured, so no catch-up here.
        return Eventually.until(within, condition::get);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void requestsForHugePageNumbersDelayNeitherAPublishNorAKill(String engine) throws Exception {
        start(engine);
        Outcome first = Fixtures.publish(app, wire("urn:bounds:0", 1, null, "पहले हटी ख़बर", "केरल, मौसम विभाग"));
        clock.advance(Duration.ofMinutes(1));
        Outcome doomed = Fixtures.publish(app, wire("urn:bounds:1", 1, null, "हटाई जाने वाली ख़बर", "केरल, मौसम विभाग"));
        String section = doomed.url().substring(0, doomed.url().indexOf('/', 1) + 1);
        String newTag = new Slugger().slug("ज़ोरबापुर");
        List<String> tags = new ArrayList<>(app.tags.all().stream().map(t -> t.slug()).toList());
        assertThat(tags).doesNotContain(newTag);

        // Each names a page that does not exist, of a section, of tags that exist, of one that
        // never will and of one that does not exist yet.
        List<String> probes = new ArrayList<>(List.of(section, "/tag/does-not-exist/", "/tag/" + newTag + "/"));
        tags.forEach(t -> probes.add("/tag/" + t + "/"));
        for (String listing : probes) {
            assertThat(get(listing + "?page=999999999").statusCode()).as(listing).isEqualTo(404);
        }

        // A kill makes the next listings pass refresh every deep page; let it start, then publish and kill.
        deliver(wire("urn:bounds:0", 2, "canceled", "पहले हटी ख़बर", "केरल, मौसम विभाग"));
        assertThat(within(Duration.ofSeconds(5), () -> !body("/").contains(first.url()))).isTrue();
        long started = System.nanoTime();
        Outcome fresh = deliver(wire("urn:bounds:2", 1, null, "नई आई ख़बर", "केरल, ज़ोरबापुर"));
        deliver(wire("urn:bounds:1", 2, "canceled", "हटाई जाने वाली ख़बर", "केरल, मौसम विभाग"));

        Duration second = Duration.ofSeconds(1);
        assertThat(within(second, () -> body("/").contains(fresh.url()) && !body("/").contains(doomed.url())))
                .as("new story on / and killed one gone, within a second").isTrue();
        for (String surface : List.of("/feed.xml", "/sitemap-news.xml", section, "/tag/" + newTag + "/")) {
            long left = Math.max(0, second.toNanos() - (System.nanoTime() - started));
            assertThat(within(Duration.ofNanos(left), () -> !body(surface).contains(doomed.url())))
                    .as("killed story gone from " + surface + " within a second").isTrue();
        }
        assertThat(get(doomed.url()).statusCode()).isEqualTo(410);
        assertThat(app.tags.all().stream().map(t -> t.slug()).toList()).as("the tag exists now").contains(newTag);
        assertThat(within(second, () -> body("/tag/" + newTag + "/").contains(fresh.url()))).isTrue();
    }

    @Test
    void twentyThousandAnonymousAddressesLeaveTheCacheBookkeepingBoundedByTheRealListings() throws Exception {
        start(TestEngines.SQLITE);
        Outcome story = Fixtures.publish(app, Fixtures.wire("urn:bounds:many", 1, null, "अकेली ख़बर", "खेल"));
        String section = story.url().substring(0, story.url().indexOf('/', 1) + 1);
        Map<String, Long> before = app.pages.sizes();
        // What the real site could ever hold beyond what it holds now: every page of every listing.
        int listings = app.config.site().sections().size() + app.tags.all().size();
        long bound = (long) listings * (ListingPages.LISTING_PAGES + 1);

        Random random = new Random(10);
        Semaphore inFlight = new Semaphore(16);
        AtomicInteger unexpected = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String word = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            String path = switch (i % 3) {
                case 0 -> "/" + word + "/";
                case 1 -> "/tag/" + word + "/";
                default -> section + "?page=" + (2 + random.nextInt(999_999_990));
            };
            inFlight.acquire();
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        inFlight.release();
                        if (e != null || r.statusCode() != 404) unexpected.incrementAndGet();
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        assertThat(unexpected.get()).as("every address answered 404").isZero();

        Map<String, Long> after = app.pages.sizes();
        for (var e : after.entrySet()) {
            assertThat(e.getValue()).as("size of the page cache's " + e.getKey() + " map after 20,000 requests "
                    + "(before: " + before + ")").isLessThanOrEqualTo(before.getOrDefault(e.getKey(), 0L) + bound);
        }
    }

    /** Two stories a page, so 26 stories make 13 pages and pages 11 to 13 are rendered on demand. */
    private void startWithSmallPages(String engine) throws Exception {
        Files.writeString(dir.resolve("taar.yml"), "site:\n  section_stories: 2\n");
        start(engine);
    }

    private List<String> publishSection(int count) {
        List<String> urls = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            urls.add(deliver(Fixtures.wire("urn:deep:" + i, 1, null, "गहरी ख़बर " + i, "खेल")).url());
        }
        app.publisher.catchUp();
        return urls;
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void storyKilledFromADeepPageIsGoneFromItOnTheNextRequest(String engine) throws Exception {
        startWithSmallPages(engine);
        List<String> urls = publishSection(26);
        String section = urls.get(0).substring(0, urls.get(0).indexOf('/', 1) + 1);
        // Pages 2 to 10 follow a burst of new stories within Publisher.DEEP_PAGES_EVERY.
        within(Publisher.DEEP_PAGES_EVERY.multipliedBy(3), () -> body(section + "?page=3").contains(link(urls.get(21))));
        // Newest first, two a page: page 3 holds stories 22 and 21, page 12 stories 4 and 3.
        assertThat(body(section + "?page=3")).contains(link(urls.get(21))).contains(link(urls.get(20)));
        assertThat(body(section + "?page=12")).contains(link(urls.get(3))).contains(link(urls.get(2)));
        assertThat(app.pages.get(section + "?page=12")).as("kept after the render").isPresent();

        deliver(Fixtures.wire("urn:deep:21", 2, "canceled", "गहरी ख़बर 21", "खेल"));
        deliver(Fixtures.wire("urn:deep:3", 2, "canceled", "गहरी ख़बर 3", "खेल"));
        app.publisher.catchUp();
        assertThat(body(section + "?page=3")).doesNotContain(link(urls.get(20)))
                .contains(link(urls.get(21))).contains(link(urls.get(19)));
        assertThat(body(section + "?page=12")).doesNotContain(link(urls.get(2)))
                .contains(link(urls.get(1))).contains(link(urls.get(0)));
        assertThat(get(section + "?page=13").statusCode()).as("24 stories make 12 pages").isEqualTo(404);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void deepPageReadBeforeAKillIsNeverServedAfterThePublisherRenderedIt(String engine) throws Exception {
        startWithSmallPages(engine);
        List<String> urls = publishSection(26);
        String section = urls.get(0).substring(0, urls.get(0).indexOf('/', 1) + 1);
        String key = ListingPages.listingKey(section, 12);

        CountDownLatch readBeforeKill = new CountDownLatch(1);
        CountDownLatch killRendered = new CountDownLatch(1);
        AtomicInteger renders = new AtomicInteger();
        // An on-demand render of page 12, held between reading the store and returning its page.
        Thread reader = new Thread(() -> app.pages.loadListing(section, 12, () -> {
            Page page = app.listingPages.page(section, 12);
            if (renders.getAndIncrement() == 0) {
                readBeforeKill.countDown();
                try {
                    killRendered.await(2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return page;
        }));
        reader.start();
        assertThat(readBeforeKill.await(10, TimeUnit.SECONDS)).isTrue();
        deliver(Fixtures.wire("urn:deep:4", 2, "canceled", "गहरी ख़बर 4", "खेल"));
        app.publisher.catchUp();
        killRendered.countDown();
        reader.join(10_000);

        // The page the reader rendered read the store before the kill: no later request may get it.
        app.pages.get(key).ifPresent(p -> assertThat(new String(p.body(), StandardCharsets.UTF_8))
                .as("cached page 12").doesNotContain(link(urls.get(3))));
        assertThat(body(key)).doesNotContain(link(urls.get(3))).contains(link(urls.get(2))).contains(link(urls.get(1)));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void queryValuesBeyondWhatExistsAnswerAsClientErrorsAndKeepNothing(String engine) throws Exception {
        start(engine);
        Outcome story = Fixtures.publish(app, Fixtures.wire("urn:bounds:q", 1, null, "सवालों वाली ख़बर", "खेल"));
        String section = story.url().substring(0, story.url().indexOf('/', 1) + 1);
        List<String> slugs = app.tags.all().stream().map(t -> t.slug()).toList();
        app.tags.merge(slugs.get(0), slugs.get(1));
        app.publisher.tagsChanged(slugs);
        app.publisher.catchUp();
        Map<String, Long> before = app.pages.sizes();

        // Instants a date-time can name but the store's epoch milliseconds cannot hold.
        for (String since : List.of("+300000000-01-01T00:00:00Z", "-300000000-01-01T00:00:00Z")) {
            HttpResponse<String> r = get("/api/v1/stories?since=" + java.net.URLEncoder.encode(since, StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as("since=" + since + ": " + r.body()).isEqualTo(400);
        }
        assertThat(get("/api/v1/stories?since=1970-01-01T00:00:00Z").body()).contains(story.url());
        assertThat(get("/api/v1/stories/999999999999999999").statusCode()).isEqualTo(404);
        assertThat(get(section + "no-such-story-999999999999999999").statusCode()).isEqualTo(404);
        assertThat(get("/search?q=" + java.net.URLEncoder.encode("ख़बर", StandardCharsets.UTF_8) + "&page=999999999")
                .statusCode()).isEqualTo(400);
        for (String listing : List.of(section, "/tag/" + slugs.get(1) + "/")) {
            assertThat(get(listing + "?page=999999999").statusCode()).as(listing).isEqualTo(404);
        }
        HttpResponse<String> moved = get("/tag/" + slugs.get(0) + "/?page=999999999");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(get(moved.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(404);
        assertThat(app.pages.sizes()).isEqualTo(before);
    }
}
