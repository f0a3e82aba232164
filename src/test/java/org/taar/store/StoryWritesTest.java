package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.story.EventKind;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Tag;

class StoryWritesTest {
    @TempDir Path dir;

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void recordWritesRowTagsVersionEventAndAuditTogether(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            long id = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW, new Tag("barish", "बारिश")));

            Story s = new StoryReads(store).byId(id).orElseThrow();
            assertThat(s.status()).isEqualTo(Status.PUBLISHED);
            assertThat(s.publishedAt()).isEqualTo(NOW);
            assertThat(s.tags()).containsExactly(new Tag("barish", "बारिश"));
            assertThat(new StoryReads(store).versionHistory(id)).extracting(v -> v.outcome().label()).containsExactly("published");
            assertThat(new EventLog(store).eventsAfter(0, 10)).extracting(Event::storyId, Event::kind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(id, EventKind.PUBLISHED));
            assertThat(new AuditLog(store).auditTrail(id)).extracting(AuditLog.AuditEntry::action).containsExactly("published");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aFailedRecordLeavesNothingBehind(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            long id = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW));
            EventLog events = new EventLog(store);
            long before = events.lastEventSeq();
            // The same source + uri again breaks the unique key half-way: the version, event and
            // audit entry written before the failure must go with it.
            StoryVersion again = Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW);
            StoryVersion withTags = new StoryVersion(new StoryVersion.Row.Keep(id), again.item(), null, NOW,
                    OutcomeStatus.UPDATED, "x", List.of(new Tag("t", "ट")), false, EventKind.UPDATED, List.of(), null);
            assertThatThrownBy(() -> store.jdbi().useTransaction(h -> {
                writes.record(h, withTags);
                writes.record(h, again);
            })).isInstanceOf(RuntimeException.class);
            assertThat(events.lastEventSeq()).isEqualTo(before);
            assertThat(new StoryReads(store).versionHistory(id)).hasSize(1);
            assertThat(new StoryReads(store).byId(id).orElseThrow().tags()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void reviseMovesTheStoryToItsNewSlugAndKillKeepsItsItem(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            StoryReads reads = new StoryReads(store);
            long id = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW));
            Story v1 = reads.byId(id).orElseThrow();
            Stores.record(writes, new StoryVersion(new StoryVersion.Row.Revise(v1, Status.PUBLISHED, "nayi-khabar", NOW,
                    NOW.plusSeconds(60), null), Stores.item("urn:a", 2, "नई ख़बर"), null, NOW.plusSeconds(60),
                    OutcomeStatus.UPDATED, "rule default", null, true, EventKind.UPDATED, List.of(), null));
            Story v2 = reads.byId(id).orElseThrow();
            assertThat(v2.version()).isEqualTo(2);
            assertThat(v2.slug()).isEqualTo("nayi-khabar");
            assertThat(v2.section()).isEqualTo("india");
            assertThat(v2.updatedAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(StoryHistory.former(store, id)).containsExactly(v1.path());
            assertThat(StoryHistory.correctedAt(store, id)).contains(NOW.plusSeconds(60));

            Stores.record(writes, new StoryVersion(new StoryVersion.Row.Kill(id), Stores.item("urn:a", 3, "रद्द"), null,
                    NOW.plusSeconds(120), OutcomeStatus.KILLED, "killed by the agency", null, false, EventKind.KILLED,
                    List.of(new StoryVersion.Audit("killed", "agency:test", "killed by the agency")), null));
            Story killed = reads.byId(id).orElseThrow();
            assertThat(killed.status()).isEqualTo(Status.KILLED);
            assertThat(killed.headline()).isEqualTo("नई ख़बर");
            assertThat(killed.reason()).isEqualTo("killed by the agency");
            assertThat(reads.versionHistory(id)).extracting(v -> v.outcome().label())
                    .containsExactly("published", "updated", "killed");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aCopyIsLinkedAndItsOriginalIsToldItWasReported(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            long original = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW));
            StoryVersion copy = new StoryVersion(new StoryVersion.Row.Insert("test", Status.DUPLICATE, "india", "copy",
                    null, null), Stores.item("urn:b", 1, "नक़ल"), null, NOW, OutcomeStatus.DUPLICATE, "the same text",
                    List.of(), false, null, List.of(), new StoryVersion.Fingerprint.CopyOf(original, 1.0, "exact"));
            long id = Stores.record(writes, copy);
            assertThat(new FingerprintStore(store).originalOf(id)).contains(original);
            assertThat(new EventLog(store).eventsAfter(0, 10)).extracting(Event::storyId, Event::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(original, EventKind.PUBLISHED),
                    org.assertj.core.groups.Tuple.tuple(original, EventKind.REPORTED));
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anEditorsChangeAppliesOnlyWhileTheStoryIsAsSeen(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            long id = Stores.record(writes, Stores.newStory("urn:a", Status.HELD, "india", NOW));
            StoryVersion.Audit audit = new StoryVersion.Audit("published", "editor:asha", "ok");
            boolean released = store.jdbi().inTransaction(h -> writes.change(h, new StatusChange(id, Status.HELD,
                    Status.PUBLISHED, "ok", EventKind.PUBLISHED, audit, NOW)));
            boolean again = store.jdbi().inTransaction(h -> writes.change(h, new StatusChange(id, Status.HELD,
                    Status.PUBLISHED, "ok", EventKind.PUBLISHED, audit, NOW)));
            assertThat(released).isTrue();
            assertThat(again).as("no longer held").isFalse();
            assertThat(new StoryReads(store).byId(id).orElseThrow().publishedAt()).isEqualTo(NOW);
            assertThat(new EventLog(store).eventsAfter(0, 10)).extracting(Event::kind)
                    .containsExactly(EventKind.HELD, EventKind.PUBLISHED);
            assertThat(new AuditLog(store).auditTrail(id)).extracting(AuditLog.AuditEntry::actor)
                    .containsExactly("rule:default", "editor:asha");
        }
    }
}
