package org.taar.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.story.Outcome;
import org.taar.story.Story;

class RelatedBackfillTest {
    @TempDir Path dir;

    private App open() {
        return new App(TestEngines.config(TestEngines.SQLITE, dir), new MutableClock(Instant.parse("2025-07-12T05:49:00Z")));
    }

    private static String html(App app, String path) {
        return new String(app.pages.get(path).orElseThrow().body(), StandardCharsets.UTF_8);
    }

    @Test
    void anArticleRenderedWithoutRelatedStoriesGetsThemInTheNextPass() throws Exception {
        try (App app = open()) {
            app.publisher.rebuildAll();
            Outcome o = Fixtures.publish(app, Fixtures.wire("urn:rb:1", 1, null, "पहली ख़बर", "खेल"));
            long id = app.listings.inSection("sports", 1, 0).get(0).id();
            assertThat(html(app, o.url())).doesNotContain("data-role=\"related\"");

            app.articles.related(s -> List.of(new Views.RelatedLink("/sports/other-9", "दूसरी ख़बर")));
            RelatedBackfill backfill = new RelatedBackfill(app.stories, app.articles);
            backfill.pass(Set.of(id));
            assertThat(html(app, o.url())).contains("data-role=\"related\"").contains("दूसरी ख़बर");
        }
    }

    @Test
    void aStoryUpdatedWhileItsRelatedStoriesWereFetchedKeepsItsNewerPage() throws Exception {
        try (App app = open()) {
            app.publisher.rebuildAll();
            Outcome o = Fixtures.publish(app, Fixtures.wire("urn:rb:2", 1, null, "पुराना शीर्षक", "खेल"));
            long id = app.listings.inSection("sports", 1, 0).get(0).id();
            app.articles.related(s -> {
                // The update lands between the query and the replacement of the page.
                app.pipeline.deliver("ians", "file", "v2.txt", Fixtures.wire("urn:rb:2", 2, null, "पुराना शीर्षक", "खेल"), null);
                return List.of(new Views.RelatedLink("/sports/other-9", "दूसरी ख़बर"));
            });
            new RelatedBackfill(app.stories, app.articles).pass(Set.of(id));
            assertThat(html(app, o.url())).as("version 1 with related stories would overwrite version 2")
                    .doesNotContain("data-role=\"related\"");
            Story now = app.stories.byId(id).orElseThrow();
            assertThat(now.version()).isEqualTo(2);
        }
    }

    @Test
    void theStartBacklogIsWorkedOffAFewArticlesPerPass() {
        try (App app = open()) {
            RelatedBackfill backfill = new RelatedBackfill(app.stories, app.articles);
            backfill.later(LongStream.rangeClosed(1, 40).boxed().toList());
            backfill.pass(Set.of());
            assertThat(backfill.waiting()).isEqualTo(40 - RelatedBackfill.BACKLOG_PER_PASS);
            backfill.pass(Set.of());
            assertThat(backfill.waiting()).isZero();
        }
    }
}
