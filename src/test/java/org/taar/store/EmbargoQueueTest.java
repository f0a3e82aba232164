package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.story.EventKind;
import org.taar.story.Status;
import org.taar.story.Story;

class EmbargoQueueTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aStoryIsReleasedOnceWhenItsTimeComes(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            EmbargoQueue queue = new EmbargoQueue(store);
            // Stores.newStory embargoes for an hour.
            long id = Stores.record(writes, Stores.newStory("urn:e", Status.EMBARGOED, "india", NOW));
            assertThat(queue.embargoesDue(NOW)).isEmpty();
            assertThat(queue.releaseEmbargo(id, NOW)).as("too early").isFalse();

            assertThat(queue.embargoesDue(NOW.plusSeconds(3600))).containsExactly(id);
            assertThat(queue.releaseEmbargo(id, NOW.plusSeconds(3600))).isTrue();
            assertThat(queue.releaseEmbargo(id, NOW.plusSeconds(3601))).as("only once").isFalse();

            Story s = new StoryReads(store).byId(id).orElseThrow();
            assertThat(s.status()).isEqualTo(Status.PUBLISHED);
            assertThat(s.publishedAt()).isEqualTo(NOW.plusSeconds(3600));
            assertThat(new EventLog(store).eventsAfter(0, 10)).extracting(Event::kind)
                    .containsExactly(EventKind.EMBARGOED, EventKind.PUBLISHED);
            assertThat(new AuditLog(store).auditTrail(id)).extracting(AuditLog.AuditEntry::actor)
                    .containsExactly("rule:default", "rule:embargo");
        }
    }
}
