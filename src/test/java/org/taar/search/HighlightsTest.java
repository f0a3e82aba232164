package org.taar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class HighlightsTest {
    private static List<SearchResults.Hit> hits(TinyIndex index, String q, long... ids) throws Exception {
        StoryQueries queries = new StoryQueries(index.analyzer, java.time.Clock.systemUTC());
        int[] docs = new int[ids.length];
        for (int i = 0; i < ids.length; i++) docs[i] = index.doc(ids[i]);
        return new Highlights(index.analyzer).hits(index.searcher, queries.words(q), docs);
    }

    @Test
    void matchesAreMarkedAndEverythingElseEscaped() throws Exception {
        try (TinyIndex index = new TinyIndex(TinyIndex.story(1, "मुंबई में <b>बारिश</b>", null,
                "मुंबई में तेज़ बारिश। <script>alert('x')</script> & \"more\""))) {
            SearchResults.Hit hit = hits(index, "बारिश", 1).get(0);
            assertThat(hit.headlineHtml()).isEqualTo("मुंबई में &lt;b&gt;<mark>बारिश</mark>&lt;/b&gt;");
            assertThat(hit.snippetHtml()).contains("<mark>बारिश</mark>", "&lt;script&gt;", "&amp;", "&quot;more&quot;")
                    .doesNotContain("<script>");
            // Element text (where search.jte puts it): read back, it is the story's own text, tags and all.
            assertThat(Jsoup.parseBodyFragment(hit.snippetHtml()).text())
                    .contains("<script>alert('x')</script> & \"more\"");
        }
    }

    @Test
    void aStoryMatchedOnlyInItsTextShowsItsHeadlineWholeAndUnmarked() throws Exception {
        try (TinyIndex index = new TinyIndex(TinyIndex.story(1, "खेल & खिलाड़ी", null, "भारत ने मैच जीता।"))) {
            SearchResults.Hit hit = hits(index, "मैच", 1).get(0);
            assertThat(hit.headlineHtml()).isEqualTo("खेल &amp; खिलाड़ी");
            assertThat(hit.snippetHtml()).isEqualTo("भारत ने <mark>मैच</mark> जीता।");
        }
    }

    @Test
    void aStoryMatchedOnlyInItsHeadlineShowsTheStartOfItsSummaryEscaped() throws Exception {
        String longSummary = "क".repeat(Highlights.SNIPPET_CHARS) + "ख";
        try (TinyIndex index = new TinyIndex(
                TinyIndex.story(1, "चुनाव नतीजे", "<i>सारांश</i>", "कुछ और"),
                TinyIndex.story(2, "चुनाव आयोग", longSummary, "कुछ और"))) {
            List<SearchResults.Hit> hits = hits(index, "चुनाव", 1, 2);
            assertThat(hits).extracting(SearchResults.Hit::id).containsExactly(1L, 2L);
            assertThat(hits.get(0).snippetHtml()).isEqualTo("&lt;i&gt;सारांश&lt;/i&gt;");
            assertThat(hits.get(1).snippetHtml()).isEqualTo("क".repeat(Highlights.SNIPPET_CHARS) + "…");
        }
    }

    @Test
    void noDocumentsNoWork() throws Exception {
        try (TinyIndex index = new TinyIndex(TinyIndex.story(1, "क", null, "ख"))) {
            assertThat(hits(index, "क")).isEmpty();
        }
    }
}
