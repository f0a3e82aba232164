package org.taar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;

class StoryFieldsTest {
    @Test
    void aStoryComesBackFromItsStoredDocumentAsAHit() throws Exception {
        IndexedStory s = new IndexedStory(42, "/khel/match-42", "भारत जीता", "सारांश", "पूरा पाठ", "khel",
                List.of("cricket"), Instant.parse("2026-05-30T08:15:00Z"), "hi");
        try (TinyIndex index = new TinyIndex(s)) {
            Document d = index.searcher.storedFields().document(index.doc(42));
            assertThat(d.get(StoryFields.HEADLINE_HI)).isEqualTo("भारत जीता");
            assertThat(d.get(StoryFields.TEXT_HI)).isEqualTo("पूरा पाठ");
            assertThat(d.get(StoryFields.SUMMARY)).isEqualTo("सारांश");
            assertThat(StoryFields.hit(d, "<b>h</b>", "snip")).isEqualTo(new SearchResults.Hit(42, "/khel/match-42",
                    "<b>h</b>", "snip", "khel", Instant.parse("2026-05-30T08:15:00Z"), "hi"));
        }
    }

    @Test
    void headlineAndTextAreIndexedUnderEveryAnalysisButStoredOnce() {
        Document d = StoryFields.document(TinyIndex.story(1, "शीर्षक", null, null));
        for (String f : List.of("headline.hi", "headline.exact", "headline.en", "text.hi", "text.exact", "text.en"))
            assertThat(d.getField(f)).as(f).isNotNull();
        assertThat(d.getField("headline.exact").fieldType().stored()).isFalse();
        assertThat(d.get(StoryFields.TEXT_HI)).as("a story without text is indexed with empty text").isEmpty();
        assertThat(d.get(StoryFields.SUMMARY)).isNull();
    }
}
