package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.story.Outcome;
import org.taar.story.Story;

class ArticlePagesTest {
    @TempDir Path dir;

    @Test
    void publishedStoryIs200WithItsKeysAndKilledOneIsTheShared410() throws Exception {
        try (App app = new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.publisher.rebuildAll();
            Outcome o = Fixtures.publish(app, Fixtures.wire("urn:ap:1", 1, null, "पहली ख़बर", "खेल"));
            Story s = app.listings.inSection("sports", 1, 0).get(0);
            app.articles.related(story -> List.of(new Views.RelatedLink("/sports/x-1", "A & B <i>")));

            Page page = app.articles.page(s);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.surrogateKeys()).isEqualTo(ArticlePages.keys(s)).startsWith("story-" + s.id() + " section-sports");
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).as("a request's render waits for no related search")
                    .doesNotContain("data-role=\"related\"");
            // The related thread's next pass adds them.
            app.publisher.catchUp();
            String html = new String(app.pages.get(o.url()).orElseThrow().body(), StandardCharsets.UTF_8);
            assertThat(html).as("a related headline is escaped once").contains(">A &amp; B &lt;i&gt;</a>");

            Fixtures.publish(app, Fixtures.wire("urn:ap:1", 2, "canceled", "पहली ख़बर", "खेल"));
            Story killed = app.stories.byId(s.id()).orElseThrow();
            assertThat(app.articles.page(killed).status()).isEqualTo(410);
            assertThat(app.pages.get(o.url()).orElseThrow().status()).as("the publisher put the 410 in the cache").isEqualTo(410);
        }
    }
}
