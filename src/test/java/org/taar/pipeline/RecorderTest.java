package org.taar.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.taar.dedupe.Duplicates;
import org.taar.dedupe.Fingerprint;
import org.taar.dedupe.Fingerprinter;
import org.taar.enrich.Enrichment;
import org.taar.item.NewsItem;
import org.taar.rules.Decision;
import org.taar.store.StoryVersion;
import org.taar.store.StoryVersion.Row;
import org.taar.story.EventKind;
import org.taar.story.OutcomeStatus;
import org.taar.story.Status;
import org.taar.story.Story;
import org.taar.story.Tag;

/** The record step's plan for each thing identify can find, without a database. */
class RecorderTest {
    private static final Instant NOW = Instant.parse("2025-07-12T05:49:00Z");
    private static final Enrichment E = new Enrichment("india", "nayi-khabar", List.of(new Tag("barish", "बारिश")));

    private static NewsItem item(int version, boolean correction) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:a";
        b.version = version;
        b.headline = "नई ख़बर";
        b.correction = correction;
        return b.build();
    }

    private static Story stored(Status status, Instant publishedAt) {
        return new Story(7, "ians", "urn:a", 1, status, "rule default", "desh", "purani-khabar", item(1, false), List.of(),
                NOW.minusSeconds(60), publishedAt, null, null);
    }

    @Test
    void anUpdateOfAPublishedStoryIsUpdatedKeepsItsSectionAndMovesItsSlug() {
        StoryVersion v = Recorder.version("ians", item(2, false), E, new Identified.Update(stored(Status.PUBLISHED,
                NOW.minusSeconds(60)), false), Decision.publish("default"), 5L, NOW);
        assertThat(v.outcome()).isEqualTo(OutcomeStatus.UPDATED);
        assertThat(v.event()).isEqualTo(EventKind.UPDATED);
        Row.Revise r = (Row.Revise) v.row();
        assertThat(r.slug()).isEqualTo("nayi-khabar");
        assertThat(r.publishedAt()).isEqualTo(NOW.minusSeconds(60));
        assertThat(r.updatedAt()).isEqualTo(NOW);
        assertThat(v.tags()).isEqualTo(E.tags());
        assertThat(v.audits()).as("the status did not change: nothing to audit").isEmpty();
        assertThat(v.deliveryId()).isEqualTo(5L);
    }

    @Test
    void anAgencyVersionThatReplacesAnEditorsEditSaysSoInTheAudit() {
        StoryVersion v = Recorder.version("ians", item(2, false), E, new Identified.Update(stored(Status.PUBLISHED,
                NOW.minusSeconds(60)), true), Decision.publish("default"), 5L, NOW);
        assertThat(v.outcome()).isEqualTo(OutcomeStatus.UPDATED);
        assertThat(v.audits()).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("edit-replaced");
            assertThat(a.actor()).isEqualTo("agency:ians");
            assertThat(a.reason()).isEqualTo("agency version 2 replaced an editor's edit");
        });
    }

    @Test
    void aCorrectionIsNotedAndAReleasedHoldIsAudited() {
        StoryVersion v = Recorder.version("ians", item(2, true), E, new Identified.Update(stored(Status.HELD, null), false),
                Decision.publish("default"), null, NOW);
        assertThat(v.outcome()).as("never up before: published, not updated").isEqualTo(OutcomeStatus.PUBLISHED);
        assertThat(v.corrected()).isTrue();
        assertThat(v.audits()).extracting(StoryVersion.Audit::action).containsExactly("corrected", "published");
        assertThat(((Row.Revise) v.row()).publishedAt()).isEqualTo(NOW);
    }

    @Test
    void aDiscardedNewStoryIsKeptHeldAndRemembersItsFingerprint() {
        Fingerprinter f = new Fingerprinter();
        Fingerprint fp = f.of(item(1, false));
        Duplicates.Check check = new Duplicates.Check(fp, f.minHash().bandKeys(fp.signature()), Optional.empty());
        StoryVersion v = Recorder.version("ians", item(1, false), E, new Identified.New("IANS", check),
                new Decision(Decision.Action.DISCARD, "spam", "not news", null), null, NOW);
        Row.Insert r = (Row.Insert) v.row();
        assertThat(r.status()).isEqualTo(Status.HELD);
        assertThat(r.publishedAt()).isNull();
        assertThat(v.reason()).isEqualTo("not news (rule spam)");
        assertThat(v.event()).isEqualTo(EventKind.HELD);
        StoryVersion.Fingerprint.Original o = (StoryVersion.Fingerprint.Original) v.fingerprint();
        assertThat(o.contentHash()).isEqualTo(fp.contentHash());
        assertThat(o.agency()).isEqualTo("IANS");
        assertThat(o.forgetBefore()).isEqualTo(NOW.minus(Duplicates.WINDOW));
    }

    @Test
    void aKillOfAnUnknownUriKeepsAKilledRowAndAKillOfAStoryTakesItDown() {
        NewsItem kill = item(2, false).toBuilder().build();
        StoryVersion unknown = Recorder.version("ians", kill, E, new Identified.Kill(Optional.empty()), null, null, NOW);
        assertThat(((Row.Insert) unknown.row()).status()).isEqualTo(Status.KILLED);
        StoryVersion known = Recorder.version("ians", kill, E, new Identified.Kill(Optional.of(stored(Status.PUBLISHED, NOW))),
                null, null, NOW);
        assertThat(known.row()).isEqualTo(new Row.Kill(7));
        assertThat(known.event()).isEqualTo(EventKind.KILLED);
        assertThat(known.audits()).extracting(StoryVersion.Audit::actor).containsExactly("agency:ians");
    }

    @Test
    void staleAndPostKillVersionsAreOnlyRecorded() {
        StoryVersion stale = Recorder.version("ians", item(1, false), E, new Identified.Stale(stored(Status.PUBLISHED, NOW)),
                null, null, NOW);
        assertThat(stale.row()).isEqualTo(new Row.Keep(7));
        assertThat(stale.outcome()).isEqualTo(OutcomeStatus.DUPLICATE);
        assertThat(stale.reason()).isEqualTo("version 1 is not newer than the stored version 1");
        assertThat(stale.event()).isNull();
        assertThat(stale.tags()).isNull();
        StoryVersion afterKill = Recorder.version("ians", item(3, false), E,
                new Identified.AfterKill(stored(Status.KILLED, NOW)), null, null, NOW);
        assertThat(afterKill.outcome()).isEqualTo(OutcomeStatus.KILLED);
        assertThat(afterKill.event()).isNull();
        assertThat(afterKill.audits()).isEmpty();
    }

    @Test
    void aCopyIsStoredUnpublishedAndLinkedToTheFirstStory() {
        Duplicates.Match m = new Duplicates.Match(3, "exact", 1.0, "pti");
        StoryVersion v = Recorder.version("ians", item(1, false), E, new Identified.Duplicate(m, "/desh/pehli-3"), null,
                null, NOW);
        assertThat(((Row.Insert) v.row()).status()).isEqualTo(Status.DUPLICATE);
        assertThat(v.event()).as("the copy itself is never shown").isNull();
        assertThat(v.fingerprint()).isEqualTo(new StoryVersion.Fingerprint.CopyOf(3, 1.0, "exact"));
        assertThat(v.audits()).extracting(StoryVersion.Audit::actor).containsExactly("rule:duplicate");
    }
}
