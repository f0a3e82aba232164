package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Tag;

class ListingsTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void listsOnlyPublishedStoriesNewestFirst(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            Listings listings = new Listings(store);
            Tag rain = new Tag("barish", "बारिश");
            long a = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW, rain));
            long b = Stores.record(writes, Stores.newStory("urn:b", Status.PUBLISHED, "sports", NOW.plusSeconds(1)));
            long c = Stores.record(writes, Stores.newStory("urn:c", Status.PUBLISHED, "india", NOW.plusSeconds(2), rain));
            Stores.record(writes, Stores.newStory("urn:held", Status.HELD, "india", NOW.plusSeconds(3), rain));

            assertThat(listings.latest(10, 0)).extracting(Story::id).containsExactly(c, b, a);
            assertThat(listings.latest(1, 1)).extracting(Story::id).containsExactly(b);
            assertThat(listings.inSection("india", 10, 0)).extracting(Story::id).containsExactly(c, a);
            assertThat(listings.withTag("barish", 10, 0)).extracting(Story::id).containsExactly(c, a);
            assertThat(listings.countInSection("india")).isEqualTo(2);
            assertThat(listings.countWithTag("barish")).isEqualTo(2);
            // Counts stop at their cap.
            assertThat(listings.withTag("barish", 1, 1)).extracting(Story::id).containsExactly(a);
            assertThat(listings.countWithTag("barish", 1)).isEqualTo(1);
            assertThat(listings.countInSection("india", 1)).isEqualTo(1);
            assertThat(listings.countInSection("india", 5)).isEqualTo(2);
            assertThat(listings.tag("barish")).contains(rain);
            assertThat(listings.publishedAfter(null, null, 0, 10)).extracting(Story::id).containsExactly(a, b, c);
            assertThat(listings.publishedAfter(null, NOW, a, 10)).extracting(Story::id).containsExactly(b, c);
            assertThat(listings.publishedBetween(NOW, NOW.plusSeconds(2), 10)).extracting(Listings.Listed::id)
                    .containsExactly(b, a);
            assertThat(listings.firstPublishedAt()).contains(NOW);
            assertThat(listings.latestIds(2)).containsExactly(c, b);
            assertThat(listings.publishedWithUris(List.of("urn:a", "urn:held"))).extracting(Story::id).containsExactly(a);
        }
    }

    /**
     * A tag's page is read in its own index by publication time, which the store copies beside the
     * tag: a story held and released later takes its place by its release, and a tag's page does
     * not depend on how many other stories the site has.
     */
    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aTagPageFollowsEachStorysPublicationTime(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            Listings listings = new Listings(store);
            Tag rain = new Tag("barish", "बारिश");
            long a = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW, rain));
            long held = Stores.record(writes, Stores.newStory("urn:held", Status.HELD, "india", NOW.plusSeconds(1), rain));
            for (int i = 0; i < 30; i++) {
                Stores.record(writes, Stores.newStory("urn:other:" + i, Status.PUBLISHED, "sports", NOW.plusSeconds(2 + i)));
            }
            long b = Stores.record(writes, Stores.newStory("urn:b", Status.PUBLISHED, "india", NOW.plusSeconds(40), rain));
            assertThat(listings.withTag("barish", 10, 0)).extracting(Story::id).containsExactly(b, a);

            // Released after b: newest on the tag's page, as on the home page.
            store.jdbi().useTransaction(h -> writes.change(h, new StatusChange(held, Status.HELD, Status.PUBLISHED, "ok",
                    null, new StoryVersion.Audit("release", "desk:ed", "ok"), NOW.plusSeconds(50))));
            assertThat(listings.withTag("barish", 10, 0)).extracting(Story::id).containsExactly(held, b, a);
            assertThat(listings.latest(1, 0)).extracting(Story::id).containsExactly(held);
            assertThat(listings.withTag("barish", 2, 1)).extracting(Story::id).containsExactly(b, a);

            // Killed: off the page, and the count.
            store.jdbi().useTransaction(h -> writes.change(h, new StatusChange(b, null, Status.KILLED, "k",
                    null, new StoryVersion.Audit("kill", "desk:ed", "k"), NOW.plusSeconds(60))));
            assertThat(listings.withTag("barish", 10, 0)).extracting(Story::id).containsExactly(held, a);
            assertThat(listings.countWithTag("barish")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void neighboursFollowTheSectionThenTheSite(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            Listings listings = new Listings(store);
            long a = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "sports", NOW));
            long b = Stores.record(writes, Stores.newStory("urn:b", Status.PUBLISHED, "india", NOW.plusSeconds(1)));
            long c = Stores.record(writes, Stores.newStory("urn:c", Status.PUBLISHED, "india", NOW.plusSeconds(2)));
            StoryReads reads = new StoryReads(store);
            assertThat(listings.next(reads.byId(c).orElseThrow())).map(Story::id).contains(b);
            assertThat(listings.next(reads.byId(b).orElseThrow())).as("oldest of its section: the site's next").map(Story::id).contains(a);
            assertThat(listings.newerInSection(reads.byId(b).orElseThrow())).map(Story::id).contains(c);
            assertThat(listings.oldestInSection("india")).map(Story::id).contains(b);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void killedStoriesAreListedForTheirGonePages(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            Listings listings = new Listings(store);
            long a = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW));
            long k = Stores.record(writes, Stores.newStory("urn:k", Status.KILLED, "india", NOW));
            Stores.record(writes, Stores.newStory("urn:h", Status.HELD, "india", NOW));
            assertThat(listings.killed()).extracting(Listings.Listed::path).containsExactly("/india/urn-k-" + k);
            assertThat(listings.visibleOrKilledIds()).containsExactly(a, k);
        }
    }
}
