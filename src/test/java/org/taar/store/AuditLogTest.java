package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;

class AuditLogTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theTrailSaysWhoChangedAStoryOldestFirst(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            AuditLog audit = new AuditLog(store);
            long id = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW));
            long other = Stores.record(writes, Stores.newStory("urn:b", Status.PUBLISHED, "india", NOW));
            Stores.record(writes, new StoryVersion(new StoryVersion.Row.Keep(id), Stores.item("urn:a", 2, "x"), null,
                    NOW.plusSeconds(5), OutcomeStatus.UPDATED, "fix", null, true, null,
                    List.of(new StoryVersion.Audit("corrected", "agency:test", "version 2 is marked as a correction")),
                    null));

            assertThat(audit.auditTrail(id)).extracting(a -> a.action() + " by " + a.actor())
                    .containsExactly("published by rule:default", "corrected by agency:test");
            AuditLog.AuditEntry last = audit.auditTrail(id).get(1);
            assertThat(last.reason()).isEqualTo("version 2 is marked as a correction");
            assertThat(last.at()).isEqualTo(NOW.plusSeconds(5));
            assertThat(audit.auditTrail(other)).hasSize(1);
        }
    }
}
