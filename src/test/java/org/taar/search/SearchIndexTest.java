package org.taar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index alone, on a temp directory. */
class SearchIndexTest {
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    @TempDir Path dir;
    SearchIndex index;

    @BeforeEach
    void open() {
        index = SearchIndex.open(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        put(1, "राहुल गांधी ने अमरीका में भाषण दिया", "कांग्रेस नेता राहुल गांधी ने वाशिंगटन में छात्रों से बात की।", "rajniti", List.of("congress"), 1);
        put(2, "सिँह इज़ किंग: मनमोहन सिंह की किताब", "पूर्व प्रधानमंत्री की नई किताब बाज़ार में आई।", "desh", List.of("kitab"), 2);
        put(3, "क्रिकेट: भारत ने ऑस्ट्रेलिया को हराया", "मुंबई में खेले गए मैच में भारत की जीत। <script>alert(1)</script> & more", "khel", List.of("cricket"), 3);
        put(4, "पुरानी ख़बर: भारत ने मैच जीता", "बहुत पहले भारत की जीत हुई थी।", "khel", List.of("cricket"), 400);
        index.commit(4);
    }

    @AfterEach
    void close() {
        index.close();
    }

    void put(long id, String headline, String text, String section, List<String> tags, int daysAgo) {
        index.put(new IndexedStory(id, "/" + section + "/s-" + id, headline, null, text, section, tags,
                NOW.minus(Duration.ofDays(daysAgo)), "hi"));
    }

    List<Long> ids(String q) {
        return ids(new SearchQuery(q, null, null, null, null, 1));
    }

    List<Long> ids(SearchQuery q) {
        return index.search(q).hits().stream().map(SearchResults.Hit::id).toList();
    }

    @Test
    void variantsMatchEachOther() {
        assertThat(ids("सिंह")).contains(2L);
        assertThat(ids("सिँह")).contains(2L);
        assertThat(ids("इज")).contains(2L);
        assertThat(ids("अमेरिका")).containsExactly(1L);
        assertThat(ids("बाजार")).containsExactly(2L);
    }

    @Test
    void recentStoriesRankFirstAmongEquals() {
        assertThat(ids("भारत जीत")).containsExactly(3L, 4L);
    }

    @Test
    void quotedPhraseMatchesWordForWord() {
        assertThat(ids("\"भारत ने ऑस्ट्रेलिया\"")).containsExactly(3L);
        assertThat(ids("\"ऑस्ट्रेलिया ने भारत\"")).isEmpty();
    }

    @Test
    void filtersNarrowBySectionTagAndDate() {
        assertThat(ids(new SearchQuery("भारत", "khel", null, null, null, 1))).containsExactlyInAnyOrder(3L, 4L);
        assertThat(ids(new SearchQuery("भारत", "desh", null, null, null, 1))).isEmpty();
        assertThat(ids(new SearchQuery("भारत", null, "cricket", NOW.minus(Duration.ofDays(30)), null, 1)))
                .containsExactly(3L);
        assertThat(ids(new SearchQuery("भारत", null, null, null, NOW.minus(Duration.ofDays(30)), 1)))
                .containsExactly(4L);
    }

    @Test
    void snippetsEscapeHtmlAndMarkMatches() {
        SearchResults.Hit hit = index.search(SearchQuery.of("मुंबई")).hits().get(0);
        assertThat(hit.snippetHtml()).contains("<mark>मुंबई</mark>").contains("&lt;script&gt;")
                .doesNotContain("<script>").contains("&amp;");
        assertThat(index.search(SearchQuery.of("ऑस्ट्रेलिया")).hits().get(0).headlineHtml())
                .contains("<mark>ऑस्ट्रेलिया</mark>");
    }

    @Test
    void deletedStoryDisappears() {
        assertThat(ids("मनमोहन")).containsExactly(2L);
        index.delete(2);
        index.commit(5);
        assertThat(ids("मनमोहन")).isEmpty();
        assertThat(index.lastSeq()).isEqualTo(5);
    }

    @Test
    void oddInputNeverThrows() {
        for (String q : List.of("\"", "*", "-", "((", "a*b~2", "\\", "+ - | \"\"", "OR AND NOT", "के"))
            index.search(SearchQuery.of(q));
        assertThat(ids("")).isEmpty();
    }

    @Test
    void relatedFindsStoriesOnTheSameSubject() {
        assertThat(index.related(3, 2)).extracting(SearchResults.Hit::id).first().isEqualTo(4L);
        assertThat(index.related(99, 2)).isEmpty();
    }

    @Test
    void sequenceSurvivesReopen() {
        index.close();
        index = SearchIndex.open(dir, Clock.systemUTC());
        assertThat(index.isFresh()).isFalse();
        assertThat(index.lastSeq()).isEqualTo(4);
        assertThat(index.size()).isEqualTo(4);
    }
}
