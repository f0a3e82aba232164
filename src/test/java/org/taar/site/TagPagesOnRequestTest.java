package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;

/**
 * A changed tag's pages are forgotten, not rendered by the publisher (ListingPages.forgetTag):
 * each request after a change renders what the store holds then, never a page from before it.
 */
class TagPagesOnRequestTest {
    @TempDir Path dir;
    private App app;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:00:00Z"));

    @AfterEach
    void stop() {
        if (app != null) app.close();
    }

    private String tagPage(String path) {
        return new String(app.pages.get(path).or(() -> app.onDemand.find(path).map(a -> a.page())).orElseThrow().body(),
                StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aTagPageReadAfterEachChangeShowsThatChange(String engine) {
        app = new App(TestEngines.config(engine, dir), clock);
        app.publisher.rebuildAll();
        Fixtures.publish(app, Fixtures.wire("urn:tag:1", 1, null, "पहली केरल ख़बर", "देश"));
        assertThat(app.pages.get("/tag/kerala/")).as("not rendered ahead of a request").isEmpty();
        assertThat(tagPage("/tag/kerala/")).contains("पहली केरल ख़बर");
        assertThat(app.pages.get("/tag/kerala/")).as("kept once rendered").isPresent();
        assertThat(app.pages.get("/tag/kerala/?page=2")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        Fixtures.publish(app, Fixtures.wire("urn:tag:2", 1, null, "दूसरी केरल ख़बर", "देश"));
        assertThat(app.pages.get("/tag/kerala/")).as("the kept page is forgotten by the change").isEmpty();
        assertThat(tagPage("/tag/kerala/")).contains("पहली केरल ख़बर", "दूसरी केरल ख़बर");

        Fixtures.publish(app, Fixtures.wire("urn:tag:1", 2, "canceled", "पहली केरल ख़बर", "देश"));
        assertThat(tagPage("/tag/kerala/")).contains("दूसरी केरल ख़बर").doesNotContain("पहली केरल ख़बर");
    }
}
