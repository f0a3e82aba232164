package org.taar.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.ScriptedItems.alone;
import static org.taar.ScriptedItems.canceled;
import static org.taar.ScriptedItems.pack;
import static org.taar.ScriptedItems.picture;
import static org.taar.ScriptedItems.ref;
import static org.taar.ScriptedItems.story;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.Fixtures;
import org.taar.MediaApp;
import org.taar.MutableClock;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.format.Attachment;
import org.taar.intake.DeliveryResult;
import org.taar.item.PubStatus;
import org.taar.media.SamplePictures;
import org.taar.store.MediaStore;
import org.taar.store.MediaWork;
import org.taar.story.Outcome;
import org.taar.story.OutcomeStatus;
import org.taar.text.Digest;

/** The media step of the pipeline: rows, links, parts, packages, withdrawal and licence, on each engine. */
class MediaPipelineTest {
    private static final Instant NOW = Instant.parse("2025-07-12T05:49:00Z");
    @TempDir Path dir;

    private MediaApp open(String engine) {
        return new MediaApp(TestEngines.config(engine, dir), new MutableClock(NOW));
    }

    private static List<String> uris(MediaApp m, Outcome story) {
        return m.app.media.ofStory(MediaApp.storyId(story)).stream().map(MediaStore.Entry::uri).toList();
    }

    private static int mediaEvents(MediaApp m, long storyId) {
        return m.app.store.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM events WHERE kind = 'media' AND story_id = :id")
                .bind("id", storyId).mapTo(Integer.class).one());
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPartRenditionIsTheArchivedAttachmentOfThatName(String engine) throws Exception {
        try (MediaApp m = open(engine)) {
            byte[] jpeg = SamplePictures.jpeg(64, 48, 1);
            Outcome o = m.one(m.items.put("k1", story("urn:s:1", 1, "केरल में बारिश", picture("urn:pic:1", 1, "part:photo.jpg"))),
                    new Attachment("photo.jpg", "image/jpeg", jpeg));
            assertThat(o.status()).isEqualTo(OutcomeStatus.PUBLISHED);
            MediaStore.Entry pic = m.app.media.find("ians", "urn:pic:1").orElseThrow();
            assertThat(pic.status()).isEqualTo(MediaStore.PENDING);
            assertThat(pic.href()).isNull();
            assertThat(pic.originalSha256()).isEqualTo(Digest.sha256Hex(jpeg));
            assertThat(Files.readAllBytes(m.app.archive.pathOf(pic.originalSha256()))).isEqualTo(jpeg);
            assertThat(pic.caption()).isEqualTo("कैप्शन urn:pic:1");
            assertThat(uris(m, o)).containsExactly("urn:pic:1");

            // A part the delivery does not have: the picture fails with the reason, the story goes out.
            Outcome missing = m.one(m.items.put("k2", story("urn:s:2", 1, "दिल्ली में गर्मी",
                    picture("urn:pic:2", 1, "part:nothere.jpg"))));
            assertThat(missing.status()).isEqualTo(OutcomeStatus.PUBLISHED);
            MediaStore.Entry bad = m.app.media.find("ians", "urn:pic:2").orElseThrow();
            assertThat(bad.status()).isEqualTo(MediaStore.FAILED);
            assertThat(bad.warning()).isEqualTo("the delivery has no part named nothere.jpg");
            assertThat(m.app.audit.auditTrail(MediaApp.storyId(missing))).extracting(a -> a.action())
                    .contains("media-failed");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void anAttachmentNoItemNamesBelongsToEveryStoryOfTheDelivery(String engine) {
        try (MediaApp m = open(engine)) {
            byte[] first = SamplePictures.jpeg(64, 48, 1);
            byte[] second = SamplePictures.png(64, 48, 2);
            byte[] inside = SamplePictures.jpeg(32, 32, 3);
            byte[] named = SamplePictures.jpeg(40, 30, 4);
            byte[] key = m.items.put("k1", story("urn:s:1", 1, "पहली ख़बर", picture("urn:pic:n", 1, "part:named.jpg")),
                    story("urn:s:2", 1, "दूसरी ख़बर"));
            // An e-mail's attached picture, handed over by its parser while it reads.
            m.items.inside("k1", new Attachment("mailed.jpg", "image/jpeg", inside));
            DeliveryResult r = m.deliver(key, new Attachment("a.jpg", null, first), new Attachment("named.jpg", null, named),
                    new Attachment("b.png", "image/png", second), new Attachment("notes.txt", "text/plain",
                            "केवल नोट".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(r.outcomes()).extracting(Outcome::status).containsOnly(OutcomeStatus.PUBLISHED);
            String a = "sha256:" + Digest.sha256Hex(first);
            String b = "sha256:" + Digest.sha256Hex(second);
            String c = "sha256:" + Digest.sha256Hex(inside);
            assertThat(uris(m, r.outcomes().get(0))).containsExactly("urn:pic:n", a, b, c);
            assertThat(uris(m, r.outcomes().get(1))).as("the named part is only its own item's").containsExactly(a, b, c);
            assertThat(m.app.media.find("ians", c).orElseThrow().originalSha256()).isEqualTo(Digest.sha256Hex(inside));
            // Every attachment is in the archive, the text note too, though it is no picture.
            for (byte[] bytes : List.of(first, second, inside, named,
                    "केवल नोट".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                assertThat(Files.exists(m.app.archive.pathOf(Digest.sha256Hex(bytes)))).isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aNewerStoryVersionReplacesItsMediaAndAnOlderOneChangesNothing(String engine) {
        try (MediaApp m = open(engine)) {
            Outcome v1 = m.one(m.items.put("v1", story("urn:s:1", 1, "चुनाव की ख़बर",
                    picture("urn:pic:a", 1, "https://cdn.example/a.jpg"), picture("urn:pic:b", 1, "https://cdn.example/b.jpg"))));
            assertThat(uris(m, v1)).containsExactly("urn:pic:a", "urn:pic:b");
            Outcome v2 = m.one(m.items.put("v2", story("urn:s:1", 2, "चुनाव की ख़बर जारी",
                    picture("urn:pic:c", 1, "https://cdn.example/c.jpg"), picture("urn:pic:a", 1, "https://cdn.example/a.jpg"))));
            assertThat(v2.status()).isEqualTo(OutcomeStatus.UPDATED);
            assertThat(uris(m, v2)).containsExactly("urn:pic:c", "urn:pic:a");
            Outcome stale = m.one(m.items.put("v1again", story("urn:s:1", 1, "चुनाव की पुरानी ख़बर",
                    picture("urn:pic:d", 1, "https://cdn.example/d.jpg"))));
            assertThat(stale.status()).isEqualTo(OutcomeStatus.DUPLICATE);
            assertThat(uris(m, v2)).containsExactly("urn:pic:c", "urn:pic:a");
            // The same delivery again (a retried push after a crash) sets the same links: nothing changes.
            assertThat(m.one(m.items.put("v2", story("urn:s:1", 2, "चुनाव की ख़बर जारी",
                    picture("urn:pic:c", 1, "https://cdn.example/c.jpg"), picture("urn:pic:a", 1,
                            "https://cdn.example/a.jpg")))).status()).isEqualTo(OutcomeStatus.DUPLICATE);
            assertThat(uris(m, v2)).containsExactly("urn:pic:c", "urn:pic:a");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPackageBeforeItsStoryAndItsPictureAfterBothEndWithTheStoryShowingIt(String engine) {
        try (MediaApp m = open(engine)) {
            Outcome p = m.one(m.items.put("p", pack("urn:s:1", 1, ref("urn:pic:1"), ref("urn:pic:2"))));
            assertThat(p.status()).isEqualTo(OutcomeStatus.MEDIA);
            assertThat(p.url()).isNull();
            assertThat(p.reason()).contains("not yet received");
            assertThat(m.app.media.find("ians", "urn:pic:1").orElseThrow().version()).isZero();

            Outcome s = m.one(m.items.put("s", story("urn:s:1", 1, "संसद का सत्र")));
            assertThat(s.status()).isEqualTo(OutcomeStatus.PUBLISHED);
            assertThat(uris(m, s)).containsExactly("urn:pic:1", "urn:pic:2");

            Outcome pic = m.one(m.items.put("pic", alone(picture("urn:pic:1", 1, "https://cdn.example/1.jpg"),
                    PubStatus.USABLE)));
            assertThat(pic.status()).isEqualTo(OutcomeStatus.MEDIA);
            assertThat(pic.uri()).isEqualTo("urn:pic:1");
            assertThat(pic.url()).isEqualTo(s.url());
            assertThat(new MediaWork(m.app.store).due(NOW.plusSeconds(1), 10)).extracting(MediaStore.Entry::href)
                    .containsExactly("https://cdn.example/1.jpg");
            int stories = m.app.store.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM stories")
                    .mapTo(Integer.class).one());
            assertThat(stories).as("a picture or a package alone is no story").isEqualTo(1);

            // A newer package replaces only what the package gave; an older one changes nothing.
            m.one(m.items.put("p2", pack("urn:s:1", 2, ref("urn:pic:2"))));
            assertThat(uris(m, s)).containsExactly("urn:pic:2");
            assertThat(m.one(m.items.put("p1again", pack("urn:s:1", 1, ref("urn:pic:3")))).reason())
                    .contains("not newer");
            assertThat(uris(m, s)).containsExactly("urn:pic:2");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPackageAfterItsStoryGivesItThePicturesAfterItsOwn(String engine) {
        try (MediaApp m = open(engine)) {
            Outcome s = m.one(m.items.put("s", story("urn:s:1", 1, "खेल समाचार", picture("urn:pic:own", 1,
                    "https://cdn.example/own.jpg"))));
            Outcome p = m.one(m.items.put("p", pack("urn:s:1", 1, ref("urn:pic:1"))));
            assertThat(p.url()).isEqualTo(s.url());
            assertThat(uris(m, s)).containsExactly("urn:pic:own", "urn:pic:1");
            // The story's next version keeps the package's pictures after its own new list.
            m.one(m.items.put("s2", story("urn:s:1", 2, "खेल समाचार अद्यतन")));
            assertThat(uris(m, s)).containsExactly("urn:pic:1");
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aCanceledPictureIsWithdrawnAndEveryPublishedStoryShowingItIsTold(String engine) {
        try (MediaApp m = open(engine)) {
            Outcome a = m.one(m.items.put("a", story("urn:s:a", 1, "पहली ख़बर", picture("urn:pic:1", 1, "https://cdn.example/1.jpg"))));
            Outcome b = m.one(m.items.put("b", story("urn:s:b", 1, "दूसरी ख़बर", picture("urn:pic:1", 1, "https://cdn.example/1.jpg"))));
            assertThat(mediaEvents(m, MediaApp.storyId(a))).isZero();
            Outcome w = m.one(m.items.put("w", alone(canceled("urn:pic:1", 2), PubStatus.CANCELED)));
            assertThat(w.status()).isEqualTo(OutcomeStatus.MEDIA);
            assertThat(w.reason()).contains("withdrawn");
            assertThat(m.app.media.find("ians", "urn:pic:1").orElseThrow().status()).isEqualTo(MediaStore.WITHDRAWN);
            assertThat(mediaEvents(m, MediaApp.storyId(a))).isEqualTo(1);
            assertThat(mediaEvents(m, MediaApp.storyId(b))).isEqualTo(1);
            assertThat(new MediaWork(m.app.store).due(NOW.plusSeconds(1), 10)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aSourceWithoutAPictureLicenceKeepsItsMediaUnlicensedAndPublishesItsText(String engine) throws Exception {
        Config base = TestEngines.config(engine, dir);
        Config config = new Config(base.dataDir(), base.jdbcUrl(), 0, base.maxDeliveryBytes(), base.site(),
                Map.of("ians", new Config.Source("ians", "आईएएनएस", null, null, null, false, false, true, false)));
        try (MediaApp m = new MediaApp(config, new MutableClock(NOW))) {
            byte[] jpeg = SamplePictures.jpeg(64, 48, 7);
            Outcome o = m.one(m.items.put("k", story("urn:s:1", 1, "मौसम", picture("urn:pic:1", 1, "https://cdn.example/1.jpg"))),
                    new Attachment("extra.jpg", null, jpeg));
            assertThat(o.status()).isEqualTo(OutcomeStatus.PUBLISHED);
            assertThat(m.app.media.ofStory(MediaApp.storyId(o))).extracting(MediaStore.Entry::status)
                    .containsOnly(MediaStore.UNLICENSED).hasSize(2);
            assertThat(new MediaWork(m.app.store).due(NOW.plusSeconds(60), 10)).as("never fetched").isEmpty();
            assertThat(Files.exists(m.app.archive.pathOf(Digest.sha256Hex(jpeg)))).as("kept in the archive").isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aPictureFileAfterItsStoryFileJoinsItsStories(String engine) {
        try (MediaApp m = open(engine)) {
            var app = m.app;
            DeliveryResult story = app.pipeline.deliver("ians", "file", "in/story.txt",
                    Fixtures.wire("urn:s:file", 1, null, "केरल में भारी बारिश", "देश"), null);
            byte[] jpeg = SamplePictures.jpeg(64, 48, 5);
            DeliveryResult pic = app.pipeline.deliver("ians", "file", "in/story.jpg", jpeg, null);
            Outcome o = pic.outcomes().get(0);
            assertThat(o.status()).isEqualTo(OutcomeStatus.MEDIA);
            assertThat(o.url()).isEqualTo(story.outcomes().get(0).url());
            assertThat(uris(m, story.outcomes().get(0))).containsExactly("sha256:" + Digest.sha256Hex(jpeg));

            // Another name, or a push (which names no file), joins nothing: a picture on its own.
            Outcome other = app.pipeline.deliver("ians", "file", "in/other.jpg", SamplePictures.jpeg(64, 48, 6), null)
                    .outcomes().get(0);
            assertThat(other.url()).isNull();
            assertThat(other.reason()).contains("no story file named in/other");
            Outcome pushed = app.pipeline.deliver("ians", "push", "push", SamplePictures.jpeg(64, 48, 8), null)
                    .outcomes().get(0);
            assertThat(pushed.status()).isEqualTo(OutcomeStatus.MEDIA);
            assertThat(pushed.url()).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theIngestCommandsPassLeavesNoPictureOfItsStoriesWaiting(String engine) {
        try (MediaApp m = open(engine)) {
            Outcome o = m.one(m.items.put("k", story("urn:s:1", 1, "रात की ख़बर", picture("urn:pic:1", 1, "part:a.jpg"))),
                    new Attachment("a.jpg", "image/jpeg", SamplePictures.jpeg(80, 60, 9)));
            assertThat(new MediaWork(m.app.store).due(NOW, 10)).hasSize(1);
            assertThat(m.app.mediaPass()).isEqualTo(1);
            assertThat(new MediaWork(m.app.store).due(NOW.plusSeconds(3600), 10)).isEmpty();
            // Ready with the renderer App is given, or failed with its reason: either way settled, the story out.
            assertThat(m.app.media.ofStory(MediaApp.storyId(o)).get(0).status()).isIn(MediaStore.READY, MediaStore.FAILED);
            assertThat(m.app.stories.byId(MediaApp.storyId(o)).orElseThrow().isPublished()).isTrue();
        }
    }
}
