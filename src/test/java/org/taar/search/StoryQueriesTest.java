package org.taar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class StoryQueriesTest {
    private final StoryQueries queries = new StoryQueries(HindiAnalysis.perField(StoryFields.HEADLINE, StoryFields.TEXT),
            Clock.fixed(TinyIndex.NOW, ZoneOffset.UTC));

    @Test
    void plainWordsSearchEveryAnalyzedFieldAndPhrasesOnlyTheExactOnes() {
        String plain = queries.words("cricket").toString();
        for (String f : StoryQueries.WEIGHTS.keySet()) assertThat(plain).as(f).contains(f + ":");
        // A Hindi word has no English copy to search.
        String hindi = queries.words("मुंबई").toString();
        assertThat(hindi).contains("headline.hi:", "text.hi:", "headline.exact:", "text.exact:").doesNotContain(".en:");
        String phrase = queries.words("\"भारत ने ऑस्ट्रेलिया\"").toString();
        assertThat(phrase).contains("headline.exact:", "text.exact:").doesNotContain(".hi:", ".en:");
    }

    @Test
    void wildcardsAndFuzzyAreTakenAsWords() {
        assertThat(queries.words("भारत*").toString()).doesNotContain("*");
        assertThat(queries.words("भारत~2").toString()).doesNotContain("~2");
    }

    @Test
    void punctuationAloneMatchesNothing() {
        assertThat(queries.words("!!! ,")).isInstanceOf(MatchNoDocsQuery.class);
        assertThat(queries.words("के")).as("a stop word still matches as written").isNotInstanceOf(MatchNoDocsQuery.class);
    }

    @Test
    void filtersNarrowWithoutScoringAndEverythingIsRankedByRecency() {
        Query words = queries.words("भारत");
        SearchQuery sq = new SearchQuery("भारत", "khel", "cricket", Instant.parse("2026-05-01T00:00:00Z"), null, 1);
        Query ranked = queries.ranked(words, sq);
        assertThat(ranked).isInstanceOf(FunctionScoreQuery.class);
        BooleanQuery b = (BooleanQuery) ((FunctionScoreQuery) ranked).getWrappedQuery();
        assertThat(b.clauses()).hasSize(4);
        assertThat(b.clauses().stream().filter(c -> c.getOccur() == BooleanClause.Occur.FILTER).map(c -> c.getQuery().toString()))
                .containsExactly("section:khel", "tag:cricket", "published:[1777593600000 TO 9223372036854775807]");
        assertThat(((BooleanQuery) ((FunctionScoreQuery) queries.ranked(words, SearchQuery.of("भारत"))).getWrappedQuery())
                .clauses()).hasSize(1);
    }
}
