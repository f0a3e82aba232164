package org.taar.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.item.NewsItem;
import org.taar.story.Tag;
import org.taar.text.Slugger;

class EnricherTest {
    private final Config config = new ConfigLoader(Map.of()).load(Path.of("target/no-such-dir"), null, null);
    private final Enricher enricher = new Enricher(config.site(), new Slugger());

    private static NewsItem item(String section, List<String> tags) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:x";
        b.headline = "रूस के शीर्ष राजनयिक";
        b.section = section;
        b.tags = new java.util.ArrayList<>(tags);
        return b.build();
    }

    @Test
    void declaredSectionMapsByNameAliasOrSlug() {
        Config.Source none = config.source("x");
        assertThat(enricher.enrich(item("खेल", List.of()), none).section()).isEqualTo("sports");
        assertThat(enricher.enrich(item("Cricket", List.of()), none).section()).isEqualTo("sports");
        assertThat(enricher.enrich(item("world", List.of()), none).section()).isEqualTo("world");
    }

    @Test
    void unknownSectionFallsBackToSourceThenSiteDefault() {
        assertThat(enricher.enrich(item("कुछ और", List.of()), new Config.Source("s", null, "business", null)).section())
                .isEqualTo("business");
        NewsItem.Builder plain = NewsItem.builder();
        plain.uri = "urn:x";
        plain.headline = "शीर्ष अधिकारी ने बैठक की";
        assertThat(enricher.enrich(plain.build(), config.source("x")).section()).isEqualTo("india");
    }

    @Test
    void tagsAreDeduplicatedBySlugAndCappedAtEight() {
        List<String> names = List.of("भारत", "भारत ", "अमेरिका", "a", "b", "c", "d", "e", "f", "g", "h");
        List<Tag> tags = enricher.enrich(item(null, names), config.source("x")).tags();
        assertThat(tags).hasSize(8);
        assertThat(tags.get(0).name()).isEqualTo("भारत");
        assertThat(tags).extracting(Tag::slug).doesNotHaveDuplicates();
    }

    @Test
    void slugIsReadableAscii() {
        String slug = enricher.enrich(item(null, List.of()), config.source("x")).slug();
        assertThat(slug).matches("[a-z0-9-]+").doesNotContain("rusa-ke-sirsa");
    }

    @Test
    void foundEntitiesFollowDeclaredTagsAndTheSlugUsesEnglishNames() {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:x";
        b.headline = "उत्तर कोरिया के नेता किम जोंग उन से मिले पुतिन";
        b.bodyHtml = "<p>मॉस्को में रूस के राष्ट्रपति व्लादिमीर पुतिन ने कहा...</p>";
        b.tags = new java.util.ArrayList<>(List.of("कूटनीति"));
        Enrichment e = enricher.enrich(b.build(), config.source("x"));
        assertThat(e.slug()).isEqualTo("north-korea-neta-kim-jong-un-mile-vladimir-putin");
        assertThat(e.tags()).extracting(Tag::slug)
                // All three are in the headline; Putin is named again in the body, so he leads.
                .containsExactly("kutniti", "vladimir-putin", "north-korea", "kim-jong-un", "moscow", "russia");
    }

    @Test
    void agencyCategoryCodesAndMediaTopicsMapToSections() {
        Config.Source none = config.source("x");
        assertThat(enricher.enrich(item("SPO", List.of()), none).section()).isEqualTo("sports");
        assertThat(enricher.enrich(item("FGN", List.of()), none).section()).isEqualTo("world");
        assertThat(enricher.enrich(item("medtop:04000000", List.of()), none).section()).isEqualTo("business");
    }
}
