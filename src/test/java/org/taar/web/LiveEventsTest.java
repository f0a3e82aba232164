package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.store.EventLog.Change;
import org.taar.story.EventKind;

/** GET /events over real HTTP on loopback, read as a browser's EventSource would read it. */
class LiveEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;
    private App app;
    private String base;
    private String key;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Stream<String>> open = new ArrayList<>();

    private void start(String engine, int maxClients) throws Exception {
        Config c = TestEngines.config(engine, dir);
        c = new Config(c.dataDir(), c.jdbcUrl(), 0, 64 * 1024, c.site().withLiveClients(maxClients), c.sources());
        app = new App(c, Clock.systemUTC());
        key = app.pushKeys.create("ians");
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0, false);
    }

    @AfterEach
    void stop() {
        open.forEach(Stream::close);
        if (app != null) app.close();
    }

    /** One server-sent event as EventSource sees it. */
    record Sse(String id, String event, String data) {
        JsonNode json() throws Exception {
            return JSON.readTree(data);
        }
    }

    /** An open /events stream, parsed on a thread of its own. */
    final class Reader {
        final HttpResponse<Stream<String>> response;
        final BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        final List<String> retry = new ArrayList<>();
        volatile String lastId;
        /** Counted down when the first id line is read. */
        final CountDownLatch opened = new CountDownLatch(1);

        Reader(String lastEventId) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/events")).GET();
            if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
            open.add(response.body());
            if (response.statusCode() != 200) return;
            Thread t = new Thread(() -> {
                String id = null;
                String event = null;
                StringBuilder data = new StringBuilder();
                try {
                    for (var it = response.body().iterator(); it.hasNext(); ) {
                        String line = it.next();
                        if (line.isEmpty()) {
                            if (id != null) {
                                lastId = id;
                                opened.countDown();
                            }
                            if (event != null) events.add(new Sse(id, event, data.toString()));
                            id = null;
                            event = null;
                            data.setLength(0);
                        } else if (line.startsWith("id: ")) {
                            id = line.substring(4);
                        } else if (line.startsWith("event: ")) {
                            event = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            data.append(line.substring(6));
                        } else if (line.startsWith("retry: ")) {
                            retry.add(line.substring(7));
                        }
                    }
                } catch (RuntimeException e) {
                    // the stream was closed by the test
                }
            }, "sse-reader");
            t.setDaemon(true);
            t.start();
        }

        Sse next() throws InterruptedException {
            Sse e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("an event within 10 s").isNotNull();
            return e;
        }

        /** Waits until the opening lines are read, which also says the server has registered us. */
        String openingId() throws InterruptedException {
            assertThat(opened.await(5, TimeUnit.SECONDS)).as("opening id line within 5 s").isTrue();
            return lastId;
        }
    }

    private JsonNode push(byte[] body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest"))
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void pushedStoryArrivesAsPublishedOnceItsPageIsServed(String engine) throws Exception {
        start(engine, 100);
        Reader reader = new Reader(null);
        assertThat(reader.response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(reader.response.headers().firstValue("Cache-Control")).hasValue("no-store");
        String opening = reader.openingId();
        assertThat(reader.retry).containsExactly(String.valueOf(LiveEvents.RETRY_MILLIS));

        JsonNode answer = push(Fixtures.wire("urn:live:1", 1, null, "सीधे प्रसारण की पहली ख़बर", "खेल"));
        Sse e = reader.next();
        assertThat(e.event()).isEqualTo("published");
        JsonNode data = e.json();
        assertThat(data.path("url").asText()).isEqualTo(answer.path("url").asText());
        assertThat(data.path("section").asText()).isEqualTo("sports");
        assertThat(data.path("headline").asText()).isEqualTo("सीधे प्रसारण की पहली ख़बर");
        assertThat(data.path("id").asLong()).isPositive();
        assertThat(Long.parseLong(e.id())).isGreaterThan(Long.parseLong(opening));
        // The event comes after the page is materialized: the very next request finds it.
        HttpResponse<String> page = get(data.path("url").asText());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("सीधे प्रसारण की पहली ख़बर");

        push(Fixtures.wire("urn:live:1", 2, null, "सीधे प्रसारण की पहली ख़बर, नया संस्करण", "खेल"));
        Sse update = reader.next();
        assertThat(update.event()).isEqualTo("updated");
        assertThat(update.json().path("headline").asText()).endsWith("नया संस्करण");
        assertThat(Long.parseLong(update.id())).isGreaterThan(Long.parseLong(e.id()));
    }

    /**
     * Under a burst the publisher applies hundreds of events in one batch: a reader that is keeping
     * up gets the whole batch, in order and once, though it is larger than a reader's queue.
     */
    @org.junit.jupiter.api.Test
    void aBatchLargerThanAReadersQueueArrivesWholeAndInOrder() throws Exception {
        start("sqlite", 10);
        Reader reader = new Reader(null);
        long opening = Long.parseLong(reader.openingId());
        int size = LiveEvents.QUEUE_MAX * 2 + 3;
        List<Change> batch = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            batch.add(new Change(opening + i, EventKind.PUBLISHED, 1000 + i, "published", "sports", "burst-" + i, "ख़बर " + i));
        }
        app.liveEvents().applied(batch);
        for (int i = 1; i <= size; i++) {
            Sse e = reader.next();
            assertThat(Long.parseLong(e.id())).isEqualTo(opening + i);
            assertThat(e.json().path("url").asText()).isEqualTo("/sports/burst-" + i + "-" + (1000 + i));
        }
        // The next batch still reaches it: it was not dropped as too slow.
        app.liveEvents().applied(List.of(new Change(opening + size + 1, EventKind.KILLED, 1001, "killed", "sports", "burst-1", null)));
        assertThat(reader.next().event()).isEqualTo("killed");
        assertThat(app.liveEvents().clients()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void killArrivesAsKilledWithoutHeadline(String engine) throws Exception {
        start(engine, 100);
        Reader reader = new Reader(null);
        reader.openingId();
        JsonNode answer = push(Fixtures.wire("urn:live:kill", 1, null, "वापस ली जाने वाली ख़बर", "देश"));
        assertThat(reader.next().event()).isEqualTo("published");

        push(Fixtures.wire("urn:live:kill", 2, "canceled", "वापस ली जाने वाली ख़बर", "देश"));
        Sse killed = reader.next();
        assertThat(killed.event()).isEqualTo("killed");
        JsonNode data = killed.json();
        assertThat(data.path("url").asText()).isEqualTo(answer.path("url").asText());
        assertThat(data.path("section").asText()).isEqualTo("india");
        assertThat(data.has("id")).isTrue();
        assertThat(data.has("headline")).isFalse();
        assertThat(get(answer.path("url").asText()).statusCode()).isEqualTo(410);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void lastEventIdReplaysWhatWasMissed(String engine) throws Exception {
        start(engine, 100);
        Reader first = new Reader(null);
        String before = first.openingId();
        first.response.body().close();

        // Two stories while nobody listens; then a kill of the first.
        String url1 = push(Fixtures.wire("urn:live:r1", 1, null, "छूटी हुई पहली ख़बर", "खेल")).path("url").asText();
        String url2 = push(Fixtures.wire("urn:live:r2", 1, null, "छूटी हुई दूसरी ख़बर", "खेल")).path("url").asText();
        waitForStatus(url2, 200);

        Reader back = new Reader(before);
        Sse a = back.next();
        Sse b = back.next();
        assertThat(List.of(a.event(), b.event())).containsExactly("published", "published");
        assertThat(List.of(a.json().path("url").asText(), b.json().path("url").asText())).containsExactly(url1, url2);
        assertThat(Long.parseLong(b.id())).isGreaterThan(Long.parseLong(a.id()));

        // From the first event on, only the second is missed; live events follow without a gap.
        Reader later = new Reader(a.id());
        Sse only = later.next();
        assertThat(only.json().path("url").asText()).isEqualTo(url2);
        push(Fixtures.wire("urn:live:r3", 1, null, "ताज़ा तीसरी ख़बर", "खेल"));
        Sse live = later.next();
        assertThat(live.json().path("headline").asText()).isEqualTo("ताज़ा तीसरी ख़बर");
        assertThat(later.events).isEmpty();

        // A reader up to date gets nothing again; a nonsense Last-Event-ID replays nothing either.
        Reader current = new Reader(live.id());
        Reader nonsense = new Reader("abc");
        current.openingId();
        nonsense.openingId();
        assertThat(current.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
        assertThat(nonsense.events).isEmpty();
    }

    @Test
    void readersBeyondTheCapAreAnswered503() throws Exception {
        start(TestEngines.SQLITE, 2);
        Reader one = new Reader(null);
        Reader two = new Reader(null);
        one.openingId();
        two.openingId();
        Reader three = new Reader(null);
        assertThat(three.response.statusCode()).isEqualTo(503);
        assertThat(three.response.headers().firstValue("Retry-After")).isPresent();
        // The two admitted readers still get news.
        push(Fixtures.wire("urn:live:cap", 1, null, "सीमा के भीतर पाठकों के लिए ख़बर", "खेल"));
        assertThat(one.next().event()).isEqualTo("published");
        assertThat(two.next().event()).isEqualTo("published");
        // Pages are unaffected by the cap.
        assertThat(get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void heldAndEmbargoedChangesAreNotTold() throws Exception {
        assertThat(LiveEvents.message(new Change(5, EventKind.HELD, 1, "held", "india", "x", "h"))).isNull();
        assertThat(LiveEvents.message(new Change(5, EventKind.EMBARGOED, 1, "embargoed", "india", "x", "h"))).isNull();
        // Published, then killed before the reader heard: do not send a link to a 410.
        assertThat(LiveEvents.message(new Change(5, EventKind.PUBLISHED, 1, "killed", "india", "x", "h"))).isNull();
        String m = new String(LiveEvents.message(new Change(7, EventKind.PUBLISHED, 3, "published", "india", "slug",
                "line one\nline \"two\"")), StandardCharsets.UTF_8);
        assertThat(m).startsWith("id: 7\nevent: published\ndata: ").endsWith("\n\n");
        String data = m.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
        assertThat(m.lines().filter(l -> !l.isEmpty()).count()).as("id, event and one data line").isEqualTo(3);
        assertThat(JSON.readTree(data).path("headline").asText()).isEqualTo("line one\nline \"two\"");
        assertThat(JSON.readTree(data).path("url").asText()).isEqualTo("/india/slug-3");
        assertThat(LiveEvents.lastEventId("12")).isEqualTo(12);
        assertThat(LiveEvents.lastEventId(" 12 ")).isEqualTo(12);
        assertThat(LiveEvents.lastEventId("-1")).isEqualTo(-1);
        assertThat(LiveEvents.lastEventId("99999999999999999999")).isEqualTo(-1);
    }

    /** Once the publisher has applied every event written so far, the page answers {@code status}. */
    private void waitForStatus(String path, int status) throws Exception {
        app.publisher.catchUp();
        assertThat(get(path).statusCode()).as(path).isEqualTo(status);
    }
}
