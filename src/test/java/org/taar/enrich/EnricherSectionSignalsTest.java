package org.taar.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.item.Subject;
import org.taar.text.Slugger;

/** Each signal that chooses a section when the declared one is not the site's, and that it is recorded. */
class EnricherSectionSignalsTest {
    private final Config config = new ConfigLoader(Map.of()).load(Path.of("target/no-such-dir"), null, null);
    private final Config.Source none = config.source("x");
    private final Enricher enricher = new Enricher(config.site(), new Slugger());

    private static NewsItem.Builder story(String headline) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:x";
        b.headline = headline;
        b.tags = new ArrayList<>();
        return b;
    }

    private SectionChoice choice(NewsItem.Builder b) {
        return enricher.enrich(b.build(), none).why();
    }

    private Enricher siteWith(List<Config.Section> sections, String defaultSection) {
        Config.Site s = config.site();
        return new Enricher(new Config.Site(s.name(), s.baseUrl(), s.language(), s.zone(), sections, defaultSection,
                s.homeStories(), s.sectionStories()), new Slugger());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "कूटनीति | world", "Diplomacy | world", "foreign | world", "अंतर्राष्ट्रीय संबंध | world",
        "World News | world", "International > Asia | world", "दुनिया भर की खबरें | world",
        "IPL | sports", "Cricket > IPL 2025 | sports", "फ़ुटबॉल | sports", "खेल समाचार | sports",
        "शेयर बाज़ार | business", "शेयर बाजार | business", "Markets | business", "अर्थ जगत | business",
        "बॉलीवुड | entertainment", "Movies | entertainment", "वेब सीरीज | entertainment",
        "Gadgets | technology", "विज्ञान | technology", "योग | health",
        "बिहार | states", "Uttar Pradesh | states", "पाकिस्तान | world", "Politics & Government | india",
    })
    void aDeclaredSectionTheSiteDoesNotNameGoesWhereItsMeaningDoes(String declared, String section) {
        NewsItem.Builder b = story("खबर");
        b.section = declared;
        SectionChoice c = choice(b);
        assertThat(c.section()).isEqualTo(section);
        assertThat(c.signal()).isIn(SectionChoice.DECLARED, SectionChoice.DECLARED_MEANING);
    }

    @Test
    void theSeedStoryGoesToWorldByTheMeaningOfItsDeclaredSection() {
        NewsItem.Builder b = story("उत्तर कोरिया के नेता किम जोंग उन से मिले रूस के विदेश मंत्री");
        b.section = "कूटनीति";
        b.located = "वाशिंगटन";
        b.bodyHtml = "<p>वाशिंगटन, 12 जुलाई (आईएएनएस)। रूस और उत्तर कोरिया ने...</p>";
        SectionChoice c = choice(b);
        assertThat(c.section()).isEqualTo("world");
        assertThat(c.signal()).isEqualTo(SectionChoice.DECLARED_MEANING);
        assertThat(c.reason()).isEqualTo("world (declared-meaning: कूटनीति means world)");
    }

    @Test
    void meaningsReachTheSiteSectionByItsNamesAndDoNothingForASectionTheSiteLacks() {
        Enricher custom = siteWith(List.of(new Config.Section("desh", "देश", List.of()),
                new Config.Section("duniya", "दुनिया", List.of()), new Config.Section("khel", "खेल", List.of())), "desh");
        NewsItem.Builder diplomacy = story("खबर");
        diplomacy.section = "कूटनीति";
        assertThat(custom.enrich(diplomacy.build(), none).section()).isEqualTo("duniya");
        NewsItem.Builder markets = story("खबर");
        markets.section = "शेयर बाज़ार";
        SectionChoice c = custom.enrich(markets.build(), none).why();
        assertThat(c.section()).isEqualTo("desh");
        assertThat(c.signal()).isEqualTo(SectionChoice.DEFAULT);
    }

    @Test
    void aDatelineAbroadMeansWorld() {
        NewsItem.Builder b = story("बैठक के बाद बयान जारी");
        b.located = "वाशिंगटन";
        SectionChoice c = choice(b);
        assertThat(List.of(c.section(), c.signal())).containsExactly("world", SectionChoice.DATELINE);
        assertThat(c.detail()).contains("वाशिंगटन").contains("outside India").contains("United States");
        NewsItem.Builder joint = story("बैठक के बाद बयान जारी");
        joint.located = "JERUSALEM/GAZA";
        assertThat(choice(joint).section()).isEqualTo("world");
        NewsItem.Builder english = story("Talks end without a deal");
        english.located = "LONDON";
        english.language = "en";
        assertThat(choice(english).section()).isEqualTo("world");
    }

    @Test
    void aDatelineInAStatesCityMeansStatesAndTheCapitalStaysIndia() {
        NewsItem.Builder lucknow = story("बैठक के बाद बयान जारी");
        lucknow.located = "लखनऊ";
        SectionChoice c = choice(lucknow);
        assertThat(List.of(c.section(), c.signal())).containsExactly("states", SectionChoice.DATELINE);
        assertThat(c.detail()).contains("Uttar Pradesh");
        // A town Taar does not know, in the state the dateline names after it.
        NewsItem.Builder town = story("बैठक के बाद बयान जारी");
        town.located = "मलिहाबाद";
        town.places = new ArrayList<>(List.of(new Place("उत्तर प्रदेश", Place.STATE), new Place("भारत", Place.COUNTRY)));
        assertThat(choice(town).section()).isEqualTo("states");
        for (String capital : List.of("नई दिल्ली", "नयी दिल्ली", "NEW DELHI", "दिल्ली")) {
            NewsItem.Builder delhi = story("बैठक के बाद बयान जारी");
            delhi.located = capital;
            SectionChoice d = choice(delhi);
            assertThat(List.of(d.section(), d.signal())).as(capital).containsExactly("india", SectionChoice.DATELINE);
        }
    }

    @Test
    void aForeignCountryAfterTheCityOutweighsTheCitysNameAndASiteWithoutStatesKeepsIndia() {
        NewsItem.Builder b = story("बैठक के बाद बयान जारी");
        b.located = "हैदराबाद";
        b.places = new ArrayList<>(List.of(new Place("पाकिस्तान", Place.COUNTRY)));
        assertThat(choice(b).section()).isEqualTo("world");
        Enricher noStates = siteWith(List.of(new Config.Section("india", "देश", List.of()),
                new Config.Section("world", "विदेश", List.of())), "india");
        NewsItem.Builder patna = story("बैठक के बाद बयान जारी");
        patna.located = "पटना";
        assertThat(noStates.enrich(patna.build(), none).why())
                .extracting(SectionChoice::section, SectionChoice::signal).containsExactly("india", SectionChoice.DATELINE);
    }

    @Test
    void thePlacesAndOrganisationsTheStoryNamesDecideWithoutADateline() {
        NewsItem.Builder b = story("इस्लामाबाद में पाकिस्तान सरकार का फैसला");
        b.bodyHtml = "<p>पाकिस्तान की सरकार ने इस्लामाबाद में कहा कि...</p>";
        SectionChoice c = choice(b);
        assertThat(List.of(c.section(), c.signal())).containsExactly("world", SectionChoice.PLACES);
        NewsItem.Builder cricket = story("बीसीसीआई ने आईपीएल का कार्यक्रम जारी किया");
        assertThat(choice(cricket).section()).isEqualTo("sports");
        NewsItem.Builder up = story("गोरखपुर और वाराणसी में बारिश");
        assertThat(choice(up).section()).isEqualTo("states");
    }

    @Test
    void anEnglishItemWithNothingToGoByIsRecordedAsTheDefault() {
        NewsItem.Builder b = story("Ten tips for a better garden");
        b.language = "en";
        b.bodyHtml = "<p>Water in the morning, mulch often.</p>";
        SectionChoice c = choice(b);
        assertThat(List.of(c.section(), c.signal())).containsExactly("india", SectionChoice.DEFAULT);
        assertThat(c.detail()).contains("nothing").contains("en");
    }

    @Test
    void anAgencySubjectCodeDecidesByItsTopLevelTopic() {
        NewsItem.Builder b = story("खबर");
        b.subjects = new ArrayList<>(List.of(new Subject("cricket", "subj:15017000")));
        SectionChoice c = choice(b);
        assertThat(List.of(c.section(), c.signal())).containsExactly("sports", SectionChoice.SUBJECT);
        NewsItem.Builder named = story("खबर");
        named.subjects = new ArrayList<>(List.of(new Subject("stock market", "medtop:20000385")));
        assertThat(choice(named).section()).isEqualTo("business");
    }

    @Test
    void theSourcesOwnSectionBeatsAGuessFromGeography() {
        NewsItem.Builder b = story("बैठक के बाद बयान जारी");
        b.located = "वाशिंगटन";
        SectionChoice c = enricher.enrich(b.build(), new Config.Source("s", null, "business", null)).why();
        assertThat(List.of(c.section(), c.signal())).containsExactly("business", SectionChoice.SOURCE_DEFAULT);
    }

    @Test
    void hostileDeclaredSectionsAndPlacesChooseTheDefaultAndKeepGoing() {
        NewsItem.Builder b = story("खबर");
        b.section = "<script>alert(1)</script>" + "/".repeat(10_000) + "x".repeat(100_000);
        b.located = "\u200B\u0000" + "(".repeat(1000);
        SectionChoice c = choice(b);
        assertThat(c.signal()).isEqualTo(SectionChoice.DEFAULT);
        assertThat(new Enricher(config.site(), new Slugger(), Optional.empty()).section(b.build(), none)).isEqualTo("india");
    }
}
