package org.taar.kill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taar.store.AdvisoryStore.Candidate;
import org.taar.normalize.KillAdvisory;

class KillMatcherTest {
    private static final List<Candidate> RECENT = List.of(
            new Candidate(1, "urn:a:1", "केरल में भारी बारिश, स्कूल बंद", "DEL-KERALA-RAIN"),
            new Candidate(2, "urn:a:2", "दिल्ली में ख़बर: मेट्रो सेवा बाधित", "DEL-METRO"),
            new Candidate(3, "urn:a:3", "Storm floods coastal towns", "BC-US-Storm"),
            new Candidate(4, "urn:a:4", "Storm floods coastal towns", "BC-US-Storm-2"));

    private static KillAdvisory advisory(List<String> uris, String slug, List<String> headlines, String text) {
        return new KillAdvisory("KILL", true, uris, slug, headlines, text);
    }

    @Test
    void identifierComesFirst() {
        var m = KillMatcher.match(advisory(List.of("urn:a:3"), "DEL-METRO", List.of(), "KILL"), RECENT);
        assertThat(m.by()).isEqualTo("uri");
        assertThat(m.stories()).extracting(Candidate::id).containsExactly(3L);
    }

    @Test
    void exactSlugIgnoringCase() {
        var m = KillMatcher.match(advisory(List.of("urn:x"), "bc-us-storm", List.of(), "KILL"), RECENT);
        assertThat(m.by()).isEqualTo("slug");
        assertThat(m.stories()).extracting(Candidate::id).containsExactly(3L);
    }

    @Test
    void headlineAfterNormalizingPunctuationQuotesAndNukta() {
        var m = KillMatcher.match(advisory(List.of(), null, List.of("दिल्ली में खबर — मेट्रो सेवा बाधित"), "..."), RECENT);
        assertThat(m.by()).isEqualTo("headline");
        assertThat(m.stories()).extracting(Candidate::id).containsExactly(2L);
    }

    @Test
    void headlineNamedWithoutQuotesInTheAdvisoryText() {
        var m = KillMatcher.match(advisory(List.of(), null, List.of(),
                "कृपया केरल में भारी बारिश स्कूल बंद शीर्षक वाली खबर का उपयोग न करें"), RECENT);
        assertThat(m.stories()).extracting(Candidate::id).containsExactly(1L);
    }

    @Test
    void twoStoriesWithTheSameHeadlineAreBothCandidates() {
        var m = KillMatcher.match(advisory(List.of(), null, List.of("Storm floods coastal towns"), "..."), RECENT);
        assertThat(m.stories()).extracting(Candidate::id).containsExactly(3L, 4L);
    }

    @Test
    void nothingNamedMatchesNothing() {
        var m = KillMatcher.match(advisory(List.of("urn:zzz"), "OTHER", List.of("Other headline entirely"),
                "KILL OTHER"), RECENT);
        assertThat(m.by()).isEqualTo("none");
        assertThat(m.stories()).isEmpty();
    }

    @Test
    void aPlainCancelIsNotMatchedByTextInsideIt() {
        KillAdvisory cancel = new KillAdvisory("CANCELED", false, List.of("urn:zzz"), null, List.of(),
                "Storm floods coastal towns and more");
        assertThat(KillMatcher.match(cancel, RECENT).stories()).isEmpty();
    }
}
