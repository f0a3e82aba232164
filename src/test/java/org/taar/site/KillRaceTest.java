package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.TestEngines;

/**
 * A kill the publisher has rendered is final: an on-demand render of the same article that read
 * the story before the kill, and finishes after the publisher wrote the 410, never brings the
 * published page back.
 */
class KillRaceTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void killedPageNeverRevertsUnderAConcurrentOnDemandRender(String engine) throws Exception {
        try (App app = new App(TestEngines.config(engine, dir), Clock.systemUTC())) {
            String url = Fixtures.publish(app, Fixtures.wire("urn:race:1", 1, null, "दौड़ वाली ख़बर", "देश")).url();
            long id = Long.parseLong(url.substring(url.lastIndexOf('-') + 1));
            app.pages.evict(url);

            CountDownLatch readPublished = new CountDownLatch(1);
            CountDownLatch killWritten = new CountDownLatch(1);
            // The render of OnDemand, held between reading the store and returning its page.
            Thread reader = new Thread(() -> app.pages.load(url, k -> {
                Page page = app.articles.page(app.stories.byId(id).orElseThrow());
                readPublished.countDown();
                try {
                    // A correct cache makes the publisher's write wait for this render, so do not wait forever.
                    killWritten.await(500, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return page;
            }));
            reader.start();
            assertThat(readPublished.await(10, TimeUnit.SECONDS)).isTrue();
            Thread killer = new Thread(() -> {
                Fixtures.publish(app, Fixtures.wire("urn:race:1", 2, "canceled", "दौड़ वाली ख़बर", "देश"));
                killWritten.countDown();
            });
            killer.start();
            reader.join(10_000);
            killer.join(10_000);
            assertThat(killWritten.getCount()).as("kill published").isZero();

            // No eviction now: what the cache holds is what every later reader gets.
            assertThat(app.pages.get(url).orElseThrow().status()).isEqualTo(410);
            assertThat(app.onDemand.find(url).orElseThrow().page().status()).isEqualTo(410);
        }
    }
}
