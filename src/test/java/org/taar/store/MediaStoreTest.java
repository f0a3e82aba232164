package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.item.Media;
import org.taar.story.EventKind;
import org.taar.story.Status;

/** Media rows, their versions, claims and links, on each engine. */
class MediaStoreTest {
    @TempDir Path dir;

    private static MediaStore.Incoming picture(String uri, int version, String href) {
        return new MediaStore.Incoming("ians", uri, version, Media.Kind.PICTURE, MediaStore.PENDING, "कैप्शन v" + version,
                "आईएएनएस", null, href, null, null);
    }

    private static <T> T tx(Store store, org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        return store.jdbi().inTransaction(work);
    }

    private static List<String> mediaEvents(Store store) {
        return store.jdbi().withHandle(h -> h.createQuery("SELECT story_id || ':' || kind FROM events WHERE kind = 'media' ORDER BY seq")
                .mapTo(String.class).list());
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aNewerVersionReplacesTheRowAndTheSameOrAnOlderOneChangesNothing(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            MediaStore media = new MediaStore(store);
            MediaWork work = new MediaWork(store);
            var first = tx(store, h -> media.register(h, picture("urn:pic:1", 2, "https://cdn.example/a.jpg"), NOW));
            assertThat(first.changed()).isTrue();
            var same = tx(store, h -> media.register(h, picture("urn:pic:1", 2, "https://cdn.example/b.jpg"), NOW));
            var older = tx(store, h -> media.register(h, picture("urn:pic:1", 1, "https://cdn.example/c.jpg"), NOW));
            assertThat(same.changed()).isFalse();
            assertThat(older.changed()).isFalse();
            assertThat(same.id()).isEqualTo(first.id());
            assertThat(media.find("ians", "urn:pic:1").orElseThrow().href()).isEqualTo("https://cdn.example/a.jpg");

            // Made ready, then re-sent: back to pending at the new version, its tries counted afresh.
            MediaStore.Entry e = work.due(NOW, 10).get(0);
            var claim = work.claim(e, NOW, NOW.plusSeconds(60)).orElseThrow();
            assertThat(work.ready(claim, Media.Kind.PICTURE, "ab".repeat(32), "image/jpeg", 800, 600, null,
                    List.of(new MediaStore.StoredRendition("w320", "jpeg", "cd".repeat(32), "image/jpeg", 320, 240, 1000)),
                    NOW)).isTrue();
            var newer = tx(store, h -> media.register(h, picture("urn:pic:1", 3, "https://cdn.example/d.jpg"), NOW));
            assertThat(newer.changed()).isTrue();
            MediaStore.Entry now = media.find("ians", "urn:pic:1").orElseThrow();
            assertThat(now.status()).isEqualTo(MediaStore.PENDING);
            assertThat(now.version()).isEqualTo(3);
            assertThat(now.caption()).isEqualTo("कैप्शन v3");
            assertThat(now.attempts()).isZero();
            assertThat(media.renditions(now.id())).as("kept until the new ones are made").hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aReferenceMakesAnEmptyRowThatThePictureSentAloneFills(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            MediaStore media = new MediaStore(store);
            MediaWork work = new MediaWork(store);
            long id = tx(store, h -> media.reference(h, "ians", "urn:pic:ref", Media.Kind.PICTURE, "पहले", null, null, NOW));
            MediaStore.Entry empty = media.byId(id).orElseThrow();
            assertThat(empty.version()).isZero();
            assertThat(empty.status()).isEqualTo(MediaStore.PENDING);
            assertThat(work.due(NOW, 10)).as("nothing to read yet").isEmpty();
            assertThat(MediaStoreTest.<Long>tx(store, h -> media.reference(h, "ians", "urn:pic:ref", Media.Kind.PICTURE, "x", null, null, NOW)))
                    .isEqualTo(id);

            var filled = tx(store, h -> media.register(h, picture("urn:pic:ref", 1, "https://cdn.example/r.jpg"), NOW));
            assertThat(filled.id()).isEqualTo(id);
            assertThat(filled.changed()).isTrue();
            assertThat(work.due(NOW, 10)).extracting(MediaStore.Entry::href).containsExactly("https://cdn.example/r.jpg");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void linksKeepTheirOrderAndAWithdrawalTellsEveryPublishedStoryShowingIt(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            MediaStore media = new MediaStore(store);
            MediaWork work = new MediaWork(store);
            long live = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW));
            long held = Stores.record(writes, Stores.newStory("urn:b", Status.HELD, "india", NOW));
            long p1 = tx(store, h -> media.register(h, picture("urn:pic:1", 1, "https://x.example/1.jpg"), NOW)).id();
            long p2 = tx(store, h -> media.register(h, picture("urn:pic:2", 1, "https://x.example/2.jpg"), NOW)).id();
            assertThat(MediaStoreTest.<Boolean>tx(store, h -> media.link(h, live, List.of(p2, p1, p2), NOW))).isTrue();
            assertThat(MediaStoreTest.<Boolean>tx(store, h -> media.link(h, live, List.of(p2, p1), NOW))).as("the same list again").isFalse();
            assertThat(MediaStoreTest.<Boolean>tx(store, h -> media.link(h, held, List.of(p1), NOW))).isTrue();
            assertThat(media.ofStory(live)).extracting(MediaStore.Entry::uri).containsExactly("urn:pic:2", "urn:pic:1");
            assertThat(mediaEvents(store)).as("nothing ready, nothing shown: no event").isEmpty();

            var w = tx(store, h -> media.withdraw(h, "ians", "urn:pic:1", 2, Media.Kind.PICTURE, NOW));
            assertThat(w.changed()).isTrue();
            assertThat(media.byId(p1).orElseThrow().status()).isEqualTo(MediaStore.WITHDRAWN);
            assertThat(mediaEvents(store)).containsExactly(live + ":media");
            assertThat(tx(store, h -> media.withdraw(h, "ians", "urn:pic:1", 2, Media.Kind.PICTURE, NOW)).changed())
                    .as("withdrawn once").isFalse();
            // A withdrawn item stays down, whatever version comes after.
            assertThat(tx(store, h -> media.register(h, picture("urn:pic:1", 9, "https://x.example/9.jpg"), NOW))
                    .changed()).isFalse();
            // A withdrawal for an item never seen keeps a withdrawn row, so a late copy is never shown.
            tx(store, h -> media.withdraw(h, "ians", "urn:pic:never", 1, Media.Kind.PICTURE, NOW));
            assertThat(tx(store, h -> media.register(h, picture("urn:pic:never", 1, "https://x.example/n.jpg"), NOW))
                    .changed()).isFalse();
            assertThat(media.find("ians", "urn:pic:never").orElseThrow().status()).isEqualTo(MediaStore.WITHDRAWN);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aClaimIsHeldOnceAndOnlyItsHolderMayFinishIt(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            MediaStore media = new MediaStore(store);
            MediaWork work = new MediaWork(store);
            long live = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW));
            long id = tx(store, h -> media.register(h, picture("urn:pic:1", 1, "https://x.example/1.jpg"), NOW)).id();
            tx(store, h -> media.link(h, live, List.of(id), NOW));
            MediaStore.Entry e = work.due(NOW, 10).get(0);
            var claim = work.claim(e, NOW, NOW.plusSeconds(60)).orElseThrow();
            assertThat(work.claim(e, NOW, NOW.plusSeconds(60))).as("a second worker").isEmpty();
            assertThat(work.due(NOW.plusSeconds(30), 10)).as("leased").isEmpty();

            // The lease runs out (the first worker died): another takes it, and the first may no longer finish.
            Instant later = NOW.plusSeconds(61);
            MediaStore.Entry again = work.due(later, 10).get(0);
            assertThat(again.attempts()).isEqualTo(1);
            var second = work.claim(again, later, later.plusSeconds(60)).orElseThrow();
            assertThat(work.ready(claim, Media.Kind.PICTURE, null, "image/jpeg", 1, 1, null, List.of(), later)).isFalse();
            assertThat(work.retry(claim, "late", later, later)).isFalse();
            assertThat(mediaEvents(store)).isEmpty();
            assertThat(work.ready(second, Media.Kind.PICTURE, "ab".repeat(32), "image/jpeg", 640, 480, null,
                    List.of(new MediaStore.StoredRendition("w320", "jpeg", "cd".repeat(32), "image/jpeg", 320, 240, 99)),
                    later)).isTrue();
            assertThat(work.ready(second, Media.Kind.PICTURE, null, "image/jpeg", 1, 1, null, List.of(), later))
                    .as("ready once").isFalse();
            assertThat(mediaEvents(store)).containsExactly(live + ":media");
            MediaStore.Entry ready = media.byId(id).orElseThrow();
            assertThat(ready.status()).isEqualTo(MediaStore.READY);
            assertThat(ready.width()).isEqualTo(640);
            assertThat(media.renditions(id)).extracting(MediaStore.StoredRendition::name).containsExactly("w320");
            assertThat(new EventLog(store).eventsAfter(0, 10)).extracting(Event::kind).contains(EventKind.MEDIA);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aFailureLeavesItsReasonOnEveryStoryShowingIt(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            StoryWrites writes = new StoryWrites(store);
            MediaStore media = new MediaStore(store);
            MediaWork work = new MediaWork(store);
            AuditLog audit = new AuditLog(store);
            long a = Stores.record(writes, Stores.newStory("urn:a", Status.PUBLISHED, "india", NOW));
            long b = Stores.record(writes, Stores.newStory("urn:b", Status.HELD, "india", NOW));
            long id = tx(store, h -> media.register(h, picture("urn:pic:1", 1, "https://x.example/1.jpg"), NOW)).id();
            tx(store, h -> media.link(h, a, List.of(id), NOW));
            tx(store, h -> media.link(h, b, List.of(id), NOW));
            var claim = work.claim(work.due(NOW, 1).get(0), NOW, NOW.plusSeconds(60)).orElseThrow();
            Instant next = NOW.plus(Duration.ofMinutes(1));
            assertThat(work.retry(claim, "HTTP 404", next, NOW)).isTrue();
            assertThat(work.due(NOW, 10)).isEmpty();
            MediaStore.Entry waiting = work.due(next, 10).get(0);
            assertThat(waiting.warning()).isEqualTo("HTTP 404");
            var last = work.claim(waiting, next, next.plusSeconds(60)).orElseThrow();
            assertThat(work.failed(last, "HTTP 404 (after 2 tries)", null, next)).isTrue();
            assertThat(media.byId(id).orElseThrow().status()).isEqualTo(MediaStore.FAILED);
            for (long story : List.of(a, b)) {
                assertThat(audit.auditTrail(story)).filteredOn(x -> x.action().equals("media-failed"))
                        .singleElement().satisfies(x -> {
                            assertThat(x.reason()).isEqualTo("picture urn:pic:1: HTTP 404 (after 2 tries)");
                            assertThat(x.actor()).isEqualTo(MediaStore.ACTOR);
                        });
            }
            assertThat(mediaEvents(store)).as("it never showed").isEmpty();

            // A story that links the failed picture later is told too.
            long c = Stores.record(writes, Stores.newStory("urn:c", Status.PUBLISHED, "india", NOW));
            tx(store, h -> media.link(h, c, List.of(id), NOW));
            assertThat(audit.auditTrail(c)).extracting(AuditLog.AuditEntry::action).contains("media-failed");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aNewerPackageReplacesItsListAndAnOlderOneChangesNothing(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            MediaStore media = new MediaStore(store);
            MediaWork work = new MediaWork(store);
            long p1 = tx(store, h -> media.reference(h, "ians", "urn:pic:1", Media.Kind.PICTURE, null, null, null, NOW));
            long p2 = tx(store, h -> media.reference(h, "ians", "urn:pic:2", Media.Kind.PICTURE, null, null, null, NOW));
            assertThat(MediaStoreTest.<Boolean>tx(store, h -> media.setPackage(h, "ians", "urn:text", 1, List.of(p1, p2)))).isTrue();
            assertThat(MediaStoreTest.<Boolean>tx(store, h -> media.setPackage(h, "ians", "urn:text", 1, List.of(p2)))).isFalse();
            assertThat(tx(store, (Handle h) -> media.packaged(h, "ians", "urn:text"))).containsExactly(p1, p2);
            assertThat(MediaStoreTest.<Boolean>tx(store, h -> media.setPackage(h, "ians", "urn:text", 2, List.of(p2)))).isTrue();
            assertThat(tx(store, (Handle h) -> media.packaged(h, "ians", "urn:text"))).containsExactly(p2);
            assertThat(tx(store, (Handle h) -> media.packaged(h, "pti", "urn:text"))).isEmpty();
        }
    }
}
