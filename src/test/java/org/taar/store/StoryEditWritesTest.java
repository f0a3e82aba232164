package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.item.NewsItem;
import org.taar.story.EventKind;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Tag;

/** The desk's writes: an edit as a version of its own, a scheduled release, a restore without an event, the row lock. */
class StoryEditWritesTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anEditIsAVersionThatMovesTheStoryAndIsKnownAsTheCopyUntilAnAgencyVersion(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            StoryReads reads = new StoryReads(store);
            long id = Stores.record(writes, Stores.newStory("urn:e", Status.PUBLISHED, "india", NOW, new Tag("a", "अ")));
            Story s = reads.byId(id).orElseThrow();
            String oldPath = s.path();
            StoryReads.Stamp before = store.jdbi().withHandle(h -> reads.stamp(h, id));
            assertThat(showsEdit(store, reads, id)).isFalse();

            NewsItem edited = s.item().toBuilder().build();
            NewsItem.Builder b = edited.toBuilder();
            b.headline = "नया शीर्षक";
            Instant at = NOW.plus(Duration.ofMinutes(5));
            store.jdbi().useTransaction(h -> writes.edit(h, new StoryEdit(s, b.build(), "states", "naya-shirshak",
                    List.of(new Tag("b", "ब")), new StoryVersion.Audit("edited", "editor:asha", "typo"), at)));

            Story after = reads.byId(id).orElseThrow();
            assertThat(after.headline()).isEqualTo("नया शीर्षक");
            assertThat(after.path()).isEqualTo("/states/naya-shirshak-" + id);
            assertThat(after.version()).isEqualTo(s.version());
            assertThat(after.updatedAt()).isEqualTo(at);
            assertThat(after.tags()).containsExactly(new Tag("b", "ब"));
            assertThat(StoryHistory.former(store, id)).containsExactly(oldPath);
            StoryReads.VersionEntry v = reads.versionHistory(id).get(1);
            assertThat(v.outcome()).isEqualTo(OutcomeStatus.EDITED);
            assertThat(v.deliveryId()).isNull();
            assertThat(v.reason()).isEqualTo("typo");
            assertThat(new EventLog(store).eventsAfter(0, 10)).extracting(Event::kind).endsWith(EventKind.UPDATED);
            assertThat(new AuditLog(store).auditTrail(id)).extracting(AuditLog.AuditEntry::actor).endsWith("editor:asha");
            StoryReads.Stamp stamp = store.jdbi().withHandle(h -> reads.stamp(h, id));
            assertThat(stamp.versions()).isEqualTo(before.versions() + 1);
            assertThat(stamp.audits()).isEqualTo(before.audits() + 1);
            assertThat(showsEdit(store, reads, id)).isTrue();

            // A stale version recorded afterwards does not hide the edit; the agency's next version does.
            Stores.record(writes, StoryVersion.recordedOnly(id, s.item(), null, at, OutcomeStatus.DUPLICATE, "stale"));
            assertThat(showsEdit(store, reads, id)).isTrue();
            Stores.record(writes, StoryVersion.recordedOnly(id, s.item(), null, at, OutcomeStatus.UPDATED, "newer"));
            assertThat(showsEdit(store, reads, id)).isFalse();
        }
    }

    private static boolean showsEdit(Store store, StoryReads reads, long id) {
        return store.jdbi().withHandle(h -> reads.showsEdit(h, id));
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aScheduleEmbargoesTheStoryOnlyFromTheStatusSeenAndARestoreTellsReadersNothing(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            StoryReads reads = new StoryReads(store);
            long id = Stores.record(writes, Stores.newStory("urn:s", Status.HELD, "india", NOW));
            Instant until = NOW.plus(Duration.ofHours(3));
            StoryVersion.Audit audit = new StoryVersion.Audit("scheduled", "editor:asha", "later");
            assertThat((boolean) store.jdbi().inTransaction(h -> writes.schedule(h, id, Status.PUBLISHED, until, "r", audit, NOW)))
                    .as("the story is not published").isFalse();
            assertThat((boolean) store.jdbi().inTransaction(h -> writes.schedule(h, id, Status.HELD, until, "r", audit, NOW))).isTrue();
            Story s = reads.byId(id).orElseThrow();
            assertThat(s.status()).isEqualTo(Status.EMBARGOED);
            assertThat(s.embargoUntil()).isEqualTo(until);
            EmbargoQueue queue = new EmbargoQueue(store);
            assertThat(queue.embargoesDue(until.minusSeconds(1))).isEmpty();
            assertThat(queue.embargoesDue(until)).containsExactly(id);
            assertThat(queue.releaseEmbargo(id, until)).isTrue();
            assertThat(queue.releaseEmbargo(id, until)).as("once").isFalse();

            store.jdbi().useTransaction(h -> writes.change(h, new StatusChange(id, null, Status.KILLED, "k",
                    EventKind.KILLED, new StoryVersion.Audit("killed", "editor:asha", "k"), NOW)));
            long seq = new EventLog(store).lastEventSeq();
            assertThat((boolean) store.jdbi().inTransaction(h -> writes.change(h, new StatusChange(id, Status.KILLED, Status.HELD,
                    "back", null, new StoryVersion.Audit("restored", "editor:asha", "back"), NOW)))).isTrue();
            assertThat(reads.byId(id).orElseThrow().status()).isEqualTo(Status.HELD);
            assertThat(new EventLog(store).lastEventSeq()).as("no event: readers still see 410").isEqualTo(seq);
            assertThat(new AuditLog(store).auditTrail(id)).extracting(AuditLog.AuditEntry::action).endsWith("restored");

            assertThat((boolean) store.jdbi().inTransaction(h -> writes.lock(h, id))).isTrue();
            assertThat((boolean) store.jdbi().inTransaction(h -> writes.lock(h, 987654))).isFalse();
        }
    }
}
