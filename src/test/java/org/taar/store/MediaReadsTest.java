package org.taar.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taar.store.Stores.NOW;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.taar.MediaFixture;
import org.taar.item.Media;
import org.taar.store.MediaReads.Lookup;
import org.taar.store.MediaReads.Shown;
import org.taar.store.MediaReads.Verdict;
import org.taar.story.Status;

/** What readers are shown of the media tables, and what the /media/ route may serve, on both engines. */
class MediaReadsTest {
    @TempDir Path dir;

    private static long story(StoryWrites writes, String uri, Status status) {
        return Stores.record(writes, Stores.newStory(uri, status, "india", NOW));
    }

    private static void setStatus(Store store, long storyId, String status) {
        store.jdbi().useHandle(h -> h.createUpdate("UPDATE stories SET status = :s WHERE id = :id")
                .bind("s", status).bind("id", storyId).execute());
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aStoryShowsItsReadyMediaInItsOwnOrderWithTheirRenditions(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            MediaFixture media = new MediaFixture(store, dir);
            MediaReads reads = new MediaReads(store);
            long s = story(new StoryWrites(store), "urn:m:1", Status.PUBLISHED);
            long second = media.picture("urn:p:second", 1600, 900, "दूसरी तस्वीर", "IANS", null, true, 2);
            long lead = media.picture("urn:p:lead", 1600, 1067, "पहली तस्वीर", "IANS/Photo", "मंच पर नेता", false, 1);
            long pending = media.picture("urn:p:pending", 800, 600, null, null, null, false, 3);
            long video = media.video("urn:v:1", MediaFixture.bytes(1000), "वीडियो", "ANI");
            media.status(pending, "pending");
            media.show(s, second, 1);
            media.show(s, lead, 0);
            media.show(s, pending, 2);
            media.show(s, video, 3);

            List<Shown> shown = reads.shown(s);
            assertThat(shown).extracting(Shown::id).as("position order, pending left out").containsExactly(lead, second, video);
            Shown first = shown.get(0);
            assertThat(first.kind()).isEqualTo(Media.Kind.PICTURE);
            assertThat(first.caption()).isEqualTo("पहली तस्वीर");
            assertThat(first.credit()).isEqualTo("IANS/Photo");
            assertThat(first.alt()).isEqualTo("मंच पर नेता");
            assertThat(first.rendition("w640", "jpeg").orElseThrow().width()).isEqualTo(640);
            assertThat(first.rendition("w640", "jpeg").orElseThrow().height()).isEqualTo(427);
            assertThat(first.rendition("w640", "webp")).as("made without WebP").isEmpty();
            assertThat(shown.get(1).rendition("w640", "webp")).isPresent();
            assertThat(first.renditions()).hasSize(8);
            assertThat(shown.get(2).kind()).isEqualTo(Media.Kind.VIDEO);
            assertThat(shown.get(2).rendition("original", "mp4").orElseThrow().size()).isEqualTo(1000);
            assertThat(reads.shown(s + 100)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void theLeadPicturesOfAListingPageComeInOneReadAndSkipWhatIsNotReady(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            MediaFixture media = new MediaFixture(store, dir);
            MediaReads reads = new MediaReads(store);
            StoryWrites writes = new StoryWrites(store);
            long pictured = story(writes, "urn:l:1", Status.PUBLISHED);
            long withdrawnLead = story(writes, "urn:l:2", Status.PUBLISHED);
            long plain = story(writes, "urn:l:3", Status.PUBLISHED);
            long videoOnly = story(writes, "urn:l:4", Status.PUBLISHED);
            long a = media.picture("urn:p:a", 1600, 900, "क", null, null, false, 1);
            long gone = media.picture("urn:p:gone", 1600, 900, "ख", null, null, false, 2);
            long b = media.picture("urn:p:b", 1600, 900, "ग", null, null, false, 3);
            media.show(pictured, a, 0);
            media.show(withdrawnLead, gone, 0);
            media.show(withdrawnLead, b, 1);
            media.status(gone, "withdrawn");
            media.show(videoOnly, media.video("urn:v:only", MediaFixture.bytes(10), null, null), 0);

            Map<Long, Shown> leads = reads.leadPictures(List.of(pictured, withdrawnLead, plain, videoOnly));
            assertThat(leads.keySet()).containsExactlyInAnyOrder(pictured, withdrawnLead);
            assertThat(leads.get(pictured).id()).isEqualTo(a);
            assertThat(leads.get(withdrawnLead).id()).as("the next ready picture leads").isEqualTo(b);
            assertThat(reads.leadPictures(List.of(pictured), List.of("og")).get(pictured).renditions())
                    .extracting(MediaReads.Served::name).containsExactly("og");
            assertThat(reads.leadPictures(List.of())).isEmpty();

            // More stories than one statement binds: read in batches, none lost.
            List<Long> many = new ArrayList<>();
            for (long i = 0; i < MediaReads.BATCH * 2 + 5; i++) many.add(100_000 + i);
            many.add(pictured);
            assertThat(reads.leadPictures(many).keySet()).containsExactly(pictured);
        }
    }

    @ParameterizedTest
    @MethodSource("org.taar.TestEngines#all")
    void aRenditionIsServedWhilePublishedGoneAfterAKillOrWithdrawalAndMissingOtherwise(String engine) {
        try (Store store = Stores.open(engine, dir)) {
            MediaFixture media = new MediaFixture(store, dir);
            MediaReads reads = new MediaReads(store);
            StoryWrites writes = new StoryWrites(store);
            long one = story(writes, "urn:k:1", Status.PUBLISHED);
            long two = story(writes, "urn:k:2", Status.PUBLISHED);
            long held = story(writes, "urn:k:3", Status.HELD);
            long shared = media.picture("urn:p:shared", 1600, 900, null, null, null, false, 1);
            long own = media.picture("urn:p:own", 1600, 900, null, null, null, false, 2);
            long heldOnly = media.picture("urn:p:held", 1600, 900, null, null, null, false, 3);
            long loose = media.picture("urn:p:loose", 1600, 900, null, null, null, false, 4);
            media.show(one, shared, 0);
            media.show(two, shared, 0);
            media.show(one, own, 1);
            media.show(held, heldOnly, 0);
            String sharedSha = media.renditionsOf(shared).get("w640.jpeg").sha256();
            String ownSha = media.renditionsOf(own).get("w320.jpeg").sha256();

            Lookup served = reads.bySha256(sharedSha);
            assertThat(served.verdict()).isEqualTo(Verdict.SERVE);
            assertThat(served.rendition().name()).isEqualTo("w640");
            assertThat(served.rendition().contentType()).isEqualTo("image/jpeg");
            assertThat(served.mediaId()).isEqualTo(shared);
            assertThat(served.surrogateKeys()).isEqualTo("media-" + shared + " story-" + one + " story-" + two);

            setStatus(store, one, "killed");
            assertThat(reads.bySha256(ownSha).verdict()).as("its only story is killed").isEqualTo(Verdict.GONE);
            assertThat(reads.bySha256(ownSha).surrogateKeys()).isEqualTo("media-" + own + " story-" + one);
            assertThat(reads.bySha256(sharedSha).verdict()).as("another published story shows it").isEqualTo(Verdict.SERVE);

            media.status(shared, "withdrawn");
            assertThat(reads.bySha256(sharedSha).verdict()).isEqualTo(Verdict.GONE);
            media.status(shared, "unlicensed");
            assertThat(reads.bySha256(sharedSha).verdict()).isEqualTo(Verdict.GONE);

            assertThat(reads.bySha256(media.renditionsOf(heldOnly).get("og.jpeg").sha256()).verdict())
                    .as("only on a held story: not shown yet").isEqualTo(Verdict.MISSING);
            assertThat(reads.bySha256(media.renditionsOf(loose).get("og.jpeg").sha256()).verdict())
                    .as("on no story").isEqualTo(Verdict.MISSING);
            assertThat(reads.bySha256("0".repeat(64)).verdict()).isEqualTo(Verdict.MISSING);
            assertThat(reads.rendition(own, "w1024", "jpeg").orElseThrow().width()).isEqualTo(1024);
            assertThat(reads.rendition(own, "w1024", "webp")).isEmpty();
        }
    }
}
