package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Tag;

class StoryReadsTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void findsAStoryByIdOrAgencyIdentityAndItsVersions(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            StoryReads reads = new StoryReads(store);
            long id = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW, new Tag("x", "एक")));

            assertThat(reads.byId(id).orElseThrow().tags()).containsExactly(new Tag("x", "एक"));
            assertThat(reads.byId(id + 1)).isEmpty();
            store.jdbi().useHandle(h -> {
                assertThat(reads.find(h, "test", "urn:a").orElseThrow().id()).isEqualTo(id);
                assertThat(reads.find(h, "other", "urn:a")).as("the source is part of the identity").isEmpty();
                assertThat(reads.byId(h, id).orElseThrow().uri()).isEqualTo("urn:a");
                assertThat(reads.versionSeen(h, id, 1, 42)).as("no delivery 42 brought it").isFalse();
            });
            StoryReads.VersionEntry v = reads.versionHistory(id).get(0);
            assertThat(v.outcome()).isEqualTo(OutcomeStatus.PUBLISHED);
            assertThat(v.item().headline()).isEqualTo("ख़बर urn:a");
            assertThat(v.deliveryId()).isNull();
            assertThat(v.receivedAt()).isEqualTo(NOW);
        }
    }
}
