package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;

class ReceivedItemsTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theLastDecidedVersionsComeNewestFirstWithoutKillsDuplicatesOrUnreadableItems(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            long firstId = Stores.record(writes, Stores.newStory("urn:1", Status.PUBLISHED, "india", NOW));
            Stores.record(writes, Stores.newStory("urn:2", Status.HELD, "world", NOW.plusSeconds(1)));
            Stores.record(writes, Stores.newStory("urn:3", Status.KILLED, "india", NOW.plusSeconds(2)));
            Stores.record(writes, Stores.newStory("urn:5", Status.EMBARGOED, "sports", NOW.plusSeconds(4)));
            long broken = Stores.record(writes, Stores.newStory("urn:6", Status.PUBLISHED, "india", NOW.plusSeconds(5)));
            store.jdbi().useHandle(h -> h.createUpdate("UPDATE versions SET item = 'not json' WHERE story_id = :id")
                    .bind("id", broken).execute());
            // A copy from another agency, linked to the first story: recorded, but no rule decided it.
            store.jdbi().useHandle(h -> h.createUpdate("""
                            INSERT INTO versions (story_id, version, outcome, reason, item, received_at)
                            SELECT story_id, 2, 'duplicate', 'same as urn:1', item, received_at + 9000
                            FROM versions WHERE story_id = :id""")
                    .bind("id", firstId).execute());
            ReceivedItems received = new ReceivedItems(store);

            assertThat(received.latest(100)).extracting(ReceivedItems.Received::uri)
                    .containsExactly("urn:5", "urn:2", "urn:1");
            ReceivedItems.Received first = received.latest(100).get(0);
            assertThat(first.outcome()).isEqualTo(OutcomeStatus.EMBARGOED);
            assertThat(first.section()).isEqualTo("sports");
            assertThat(first.source()).isEqualTo("test");
            assertThat(first.item().headline()).isEqualTo("ख़बर urn:5");
            assertThat(first.receivedAt()).isEqualTo(NOW.plusSeconds(4));

            assertThat(received.latest(2)).as("the unreadable row counts against the limit").extracting(ReceivedItems.Received::uri)
                    .containsExactly("urn:5");
            assertThat(received.latest(0)).isEmpty();
            assertThat(received.latest(-3)).isEmpty();
        }
    }
}
