package org.taar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.App;
import org.taar.Fixtures;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.story.Outcome;
import org.taar.site.RelatedStories;

/** The index follows the store's events on both engines: published in, killed and held out. */
class IndexerTest {
    @TempDir Path dir;

    private static Outcome deliver(App app, byte[] content) {
        List<Outcome> out = app.pipeline.deliver("ians", "file", "story.txt", content, null).outcomes();
        assertThat(out).hasSize(1);
        app.indexer().catchUp();
        app.publisher.catchUp();
        return out.get(0);
    }

    private static List<String> paths(App app, String q) {
        return app.searchIndex().search(SearchQuery.of(q)).hits().stream().map(SearchResults.Hit::path).toList();
    }

    /** The related stories the index finds for a story, by the id at the end of its URL. */
    private static List<String> relatedPaths(App app, Outcome story) {
        long id = Long.parseLong(story.url().substring(story.url().lastIndexOf('-') + 1));
        return app.searchIndex().related(id, 4).stream().map(SearchResults.Hit::path).toList();
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void publishedStoriesAreFoundAndKilledOrHeldOnesDisappear(String engine) {
        var config = TestEngines.config(engine, dir);
        try (App app = new App(config, new MutableClock(Instant.parse("2025-07-12T05:49:00Z")))) {
            app.indexer().startUp();
            app.publisher.related(new RelatedStories(app.searchIndex(), 4));
            app.publisher.rebuildAll();
            Outcome a = deliver(app, Fixtures.wire("urn:s:1", 1, null, "केरल में भारी बारिश से बाढ़ का ख़तरा", "खेल"));
            Outcome b = deliver(app, Fixtures.wire("urn:s:2", 1, null, "केरल में बारिश के बाद राहत कार्य", "खेल"));
            assertThat(paths(app, "बारिश")).containsExactlyInAnyOrder(a.url(), b.url());
            assertThat(paths(app, "खतरा")).containsExactly(a.url());

            // The second story's article lists the first as related.
            String html = new String(app.pages.get(b.url()).orElseThrow().body(), StandardCharsets.UTF_8);
            assertThat(html).contains("data-role=\"related\"").contains("href=\"" + a.url() + "\"");

            assertThat(relatedPaths(app, b)).contains(a.url());

            Outcome kill = deliver(app, Fixtures.wire("urn:s:1", 1, "canceled", "केरल में भारी बारिश से बाढ़ का ख़तरा", "खेल"));
            assertThat(kill.status().label()).isEqualTo("killed");
            assertThat(paths(app, "बारिश")).containsExactly(b.url());
            assertThat(paths(app, "खतरा")).isEmpty();
            // The killed story is related to nothing any more, and nothing is related to it.
            assertThat(relatedPaths(app, b)).doesNotContain(a.url());
            assertThat(relatedPaths(app, kill)).isEmpty();

            Outcome hold = deliver(app, Fixtures.wire("urn:s:2", 2, "withheld", "केरल में बारिश के बाद राहत कार्य", "खेल"));
            assertThat(hold.status().label()).isEqualTo("held");
            assertThat(paths(app, "बारिश")).isEmpty();

            Outcome c = deliver(app, Fixtures.wire("urn:s:3", 1, null, "दिल्ली में बारिश", "खेल"));
            assertThat(app.indexer().rebuild()).isEqualTo(1);
            assertThat(paths(app, "बारिश")).containsExactly(c.url());
        }
        // A restart resumes from the committed sequence and sees what was written meanwhile.
        try (App app = new App(config, new MutableClock(Instant.parse("2025-07-12T06:00:00Z")))) {
            app.pipeline.deliver("ians", "file", "s.txt", Fixtures.wire("urn:s:4", 1, null, "मुंबई में बारिश", "खेल"), null);
            app.indexer().startUp();
            assertThat(app.searchIndex().isFresh()).isFalse();
            assertThat(paths(app, "बारिश")).hasSize(2);
        }
    }
}
