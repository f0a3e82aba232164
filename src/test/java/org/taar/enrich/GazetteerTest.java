package org.taar.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {
    private final Gazetteer gazetteer = Gazetteer.standard();

    @Test
    void shipsStatesCitiesCountriesPeopleAndOrganisations() {
        Map<String, Long> byType = gazetteer.entities().stream()
                .collect(Collectors.groupingBy(Entity::type, Collectors.counting()));
        System.out.println("gazetteer entities by type: " + byType);
        assertThat(byType.get("place")).isGreaterThan(350);
        assertThat(byType.get("person")).isGreaterThan(80);
        assertThat(byType.get("org")).isGreaterThan(70);
    }

    @Test
    void everyNameMeansOneEntityAndEverySlugIsUnique() {
        assertThat(gazetteer.conflicts()).isEmpty();
        assertThat(gazetteer.entities().stream().collect(Collectors.groupingBy(Entity::slug, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "अमरीका | united-states", "अमेरिका | united-states", "USA | united-states",
        "ग़ाज़ा | gaza", "गाजा | gaza",
        "राहुल गाँधी | rahul-gandhi", "नरेन्द्र मोदी | narendra-modi",
        "बंबई | mumbai", "Bombay | mumbai", "गुड़गांव | gurugram",
        "दिल्ली | delhi", "नई दिल्ली | new-delhi", "नयी दिल्ली | new-delhi",
        "WHO | world-health-organization", "डब्ल्यूएचओ | world-health-organization",
        "उत्तर कोरिया | north-korea", "जम्मू-कश्मीर | jammu-and-kashmir", "J&K | jammu-and-kashmir",
        "तुर्किये | turkey", "सुप्रीम कोर्ट | supreme-court-of-india",
    })
    void variantsLookUpToTheCanonicalEntity(String name, String slug) {
        assertThat(gazetteer.lookup(name)).map(Entity::slug).contains(slug);
    }

    @Test
    void commonWordsAreNotEntities() {
        // आप (you), गया (went), माली (gardener), मक्का (maize), who, us: no tags.
        for (String word : new String[] {"आप", "गया", "माली", "मक्का", "who", "us", "पुरी"}) {
            assertThat(gazetteer.lookup(word)).as(word).isEmpty();
        }
    }

    @Test
    void slugsOfEnglishNames() {
        assertThat(Map.of("North Korea", "north-korea", "Côte d'Ivoire", "cote-divoire", "J. P. Nadda", "j-p-nadda",
                "Janata Dal (United)", "janata-dal-united")).allSatisfy((name, slug) ->
                assertThat(Gazetteer.slugOf(name)).isEqualTo(slug));
    }
}
