package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;

class ListingPagesTest {
    @TempDir Path dir;

    @Test
    void aMaterializedPageAndTheSamePageOnDemandAreOneRoutinesBytes() throws Exception {
        Files.writeString(dir.resolve("taar.yml"), "site:\n  section_stories: 2\n");
        MutableClock clock = new MutableClock(Instant.parse("2025-07-12T05:49:00Z"));
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), clock)) {
            app.publisher.rebuildAll();
            for (int i = 1; i <= 5; i++) {
                Fixtures.publish(app, Fixtures.wire("urn:lp:" + i, 1, null, "ख़बर " + i, "खेल"));
                clock.advance(Duration.ofMinutes(1));
            }
            app.publisher.rebuildAll(); // every kept page, not only the first

            String path = "/sports/";
            for (int page = 1; page <= 3; page++) {
                Page cached = app.pages.get(ListingPages.listingKey(path, page)).orElseThrow();
                assertThat(app.listingPages.page(path, page).etag()).as(path + page).isEqualTo(cached.etag());
            }
            assertThat(app.listingPages.page(path, 4)).as("beyond the last page").isNull();
            assertThat(app.pages.get(ListingPages.listingKey(path, 4))).as("nor is one kept").isEmpty();
            String third = new String(app.listingPages.page("/sports/", 3).body(), StandardCharsets.UTF_8);
            assertThat(third).contains("rel=\"prev\" href=\"/sports/?page=2\"").doesNotContain("rel=\"next\"");
            assertThat(app.listingPages.page("/nowhere/", 1)).as("no such section").isNull();
            assertThat(app.listingPages.page("/tag/nowhere/", 1)).as("no such tag").isNull();
            assertThat(ListingPages.listingKey("/sports/", 1)).isEqualTo("/sports/");
        }
    }
}
