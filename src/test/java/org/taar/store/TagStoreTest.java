package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.item.NewsItem;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Tag;

class TagStoreTest {
    private static final Instant NOW = Instant.parse("2025-07-12T05:49:00Z");

    @TempDir Path dir;

    private Store open(String engine) {
        Config config = TestEngines.config(engine, dir);
        return Store.open(config.jdbcUrl(), config.dataDir());
    }

    private static long story(StoryWrites stories, String uri, Tag... tags) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = uri;
        b.headline = "ख़बर " + uri;
        NewsItem item = b.build();
        return stories.store().jdbi().inTransaction(h -> stories.record(h, new StoryVersion(
                new StoryVersion.Row.Insert("test", Status.PUBLISHED, "india", uri.replace(':', '-'), NOW, null), item,
                null, NOW, OutcomeStatus.PUBLISHED, null, List.of(tags), false, null, List.of(), null)));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void mergeMovesStoriesAndKeepsTheOldSlugAsAlias(String engine) {
        try (Store store = open(engine)) {
            StoryWrites stories = new StoryWrites(store);
            StoryReads reads = new StoryReads(store);
            TagStore tags = new TagStore(store, Clock.fixed(NOW, ZoneOffset.UTC));
            Tag namo = new Tag("namo", "नमो");
            Tag modi = new Tag("narendra-modi", "नरेंद्र मोदी");
            long onlyOld = story(stories, "urn:a", namo);
            long both = story(stories, "urn:b", namo, modi);

            assertThat(tags.merge("namo", "narendra-modi")).isEqualTo("narendra-modi");

            assertThat(tags.storyIds("narendra-modi")).containsExactly(onlyOld, both);
            assertThat(tags.storyIds("namo")).isEmpty();
            assertThat(tags.aliasTarget("namo")).contains("narendra-modi");
            assertThat(tags.find("namo").orElseThrow().mergedInto()).isEqualTo("narendra-modi");
            assertThat(reads.byId(both).orElseThrow().tags()).containsExactly(modi);
            assertThat(tags.spellings()).contains(new TagStore.Spelling("नमो", "narendra-modi", "नरेंद्र मोदी"));

            // A new story that still produces the old slug lands on the canonical tag.
            long later = story(stories, "urn:c", namo, modi);
            assertThat(reads.byId(later).orElseThrow().tags()).containsExactly(modi);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void mergingIntoAMergedTagFollowsItAndAliasesNeverChain(String engine) {
        try (Store store = open(engine)) {
            StoryWrites stories = new StoryWrites(store);
            StoryReads reads = new StoryReads(store);
            TagStore tags = new TagStore(store, Clock.fixed(NOW, ZoneOffset.UTC));
            long a = story(stories, "urn:a", new Tag("a-tag", "अ"));
            story(stories, "urn:b", new Tag("b-tag", "ब"));
            story(stories, "urn:c", new Tag("c-tag", "स"));
            tags.merge("a-tag", "b-tag");
            tags.merge("b-tag", "c-tag");
            assertThat(tags.aliasTarget("a-tag")).contains("c-tag");
            assertThat(tags.aliasTarget("b-tag")).contains("c-tag");
            assertThat(tags.find("a-tag").orElseThrow().mergedInto()).isEqualTo("c-tag");
            assertThat(tags.storyIds("c-tag")).hasSize(3).contains(a);
            // Merging a tag into one of its own aliases would make a cycle.
            assertThatThrownBy(() -> tags.merge("c-tag", "a-tag")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot merge c-tag into a-tag");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void renameKeepsTheOldSlugAsAlias(String engine) {
        try (Store store = open(engine)) {
            StoryWrites stories = new StoryWrites(store);
            StoryReads reads = new StoryReads(store);
            TagStore tags = new TagStore(store, Clock.fixed(NOW, ZoneOffset.UTC));
            long id = story(stories, "urn:a", new Tag("bambai", "बंबई"));

            tags.rename("bambai", "बंबई शहर", null);
            assertThat(tags.find("bambai").orElseThrow().name()).isEqualTo("बंबई शहर");

            tags.rename("bambai", "मुंबई", "mumbai");
            assertThat(reads.byId(id).orElseThrow().tags()).containsExactly(new Tag("mumbai", "मुंबई"));
            assertThat(tags.aliasTarget("bambai")).contains("mumbai");
            assertThatThrownBy(() -> tags.rename("bambai", "x", "y")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tags.merge("nope", "mumbai")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
