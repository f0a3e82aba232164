package org.taar.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimilarStoriesTest {
    private static TinyIndex index() throws Exception {
        return new TinyIndex(
                TinyIndex.story(1, "केरल में भारी बारिश, स्कूल बंद", null, "केरल के कई ज़िलों में भारी बारिश से बाढ़ का ख़तरा।"),
                TinyIndex.story(2, "केरल में बाढ़ से सड़कें डूबीं", null, "भारी बारिश के बाद केरल में बाढ़, राहत शिविर खुले।"),
                TinyIndex.story(3, "क्रिकेट: भारत ने ऑस्ट्रेलिया को हराया", null, "मुंबई में खेले गए मैच में भारत की जीत।"),
                TinyIndex.story(4, "<शेयर> बाज़ार & रुपया", null, "सेंसेक्स गिरा, रुपया कमज़ोर।"));
    }

    @Test
    void anIndexedStoryFindsTheOtherOnItsSubjectButNeverItself() throws Exception {
        try (TinyIndex index = index()) {
            SimilarStories similar = new SimilarStories(index.analyzer);
            assertThat(similar.to(index.searcher, 1, 3)).extracting(SearchResults.Hit::id).first().isEqualTo(2L);
            assertThat(similar.to(index.searcher, 1, 3)).extracting(SearchResults.Hit::id).doesNotContain(1L);
            assertThat(similar.to(index.searcher, 99, 3)).isEmpty();
        }
    }

    @Test
    void unindexedTextFindsStoriesLikeItWithHeadlinesAsStored() throws Exception {
        try (TinyIndex index = index()) {
            SimilarStories similar = new SimilarStories(index.analyzer);
            var hits = similar.like(index.searcher, 0, "शेयर बाज़ार में गिरावट", "सेंसेक्स और रुपया दोनों गिरे।", 2);
            assertThat(hits).extracting(SimilarStory::id).first().isEqualTo(4L);
            // Plain text: the related block's template escapes it, once.
            assertThat(hits.get(0).headline()).isEqualTo("<शेयर> बाज़ार & रुपया");
            assertThat(similar.like(index.searcher, 4, "शेयर बाज़ार", "सेंसेक्स रुपया", 2))
                    .extracting(SimilarStory::id).doesNotContain(4L);
        }
    }
}
