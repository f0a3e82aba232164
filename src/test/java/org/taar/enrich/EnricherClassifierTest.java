package org.taar.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.config.Config;
import org.taar.config.ConfigException;
import org.taar.config.ConfigLoader;
import org.taar.item.NewsItem;
import org.taar.text.Slugger;

class EnricherClassifierTest {
    @TempDir Path dir;
    private static final SectionModel MODEL = SectionModel.train(Examples.tiny(), new SectionModel.Options(16, 20, 0.5, 1e-5, 42));
    private final Config config = new ConfigLoader(Map.of()).load(Path.of("target/no-such-dir"), null, null);
    private final Config.Source none = config.source("x");
    private final Config.Source businessDesk = new Config.Source("s", null, "business", null);

    private static NewsItem item(String headline, String section) {
        NewsItem.Builder b = NewsItem.builder();
        b.uri = "urn:x";
        b.headline = headline;
        b.section = section;
        b.tags = new ArrayList<>();
        return b.build();
    }

    private Enricher enricher(double threshold, SectionModel model) {
        Config.Site s = config.site();
        Config.Site site = new Config.Site(s.name(), s.baseUrl(), s.language(), s.zone(), s.sections(), s.defaultSection(),
                s.homeStories(), s.sectionStories(), threshold);
        return new Enricher(site, new Slugger(), Optional.ofNullable(model));
    }

    @Test
    void predictedSectionIsUsedWhenTheDeclaredOneDoesNotMap() {
        Enricher e = enricher(0.3, MODEL);
        assertThat(e.enrich(item("भारत ने क्रिकेट मैच जीता", null), businessDesk).section()).isEqualTo("sports");
        assertThat(e.enrich(item("नई फिल्म का ट्रेलर रिलीज", "कुछ और"), none).section()).isEqualTo("entertainment");
        // "technology-news" maps through the suffix rule onto technology.
        assertThat(e.enrich(item("Apple launches new smartphone", null), none).section()).isEqualTo("technology");
    }

    @Test
    void aDeclaredSectionThatMapsWinsOverTheModel() {
        assertThat(enricher(0.0, MODEL).enrich(item("भारत ने क्रिकेट मैच जीता", "विदेश"), none).section()).isEqualTo("world");
    }

    @Test
    void belowTheThresholdOrWithoutAModelTheSourceDefaultApplies() {
        assertThat(enricher(1.0, MODEL).enrich(item("भारत ने क्रिकेट मैच जीता", null), businessDesk).section()).isEqualTo("business");
        assertThat(enricher(0.0, null).enrich(item("भारत ने क्रिकेट मैच जीता", null), businessDesk).section()).isEqualTo("business");
        assertThat(new Enricher(config.site(), new Slugger()).enrich(item("क्रिकेट", null), none).section()).isEqualTo("india");
    }

    @Test
    void labelsMapThroughAliasesSuffixesAndRomanizedNames() {
        Enricher e = enricher(0.6, null);
        assertThat(e.sectionForLabel("business")).isEqualTo("business");
        assertThat(e.sectionForLabel("international")).isEqualTo("world");
        assertThat(e.sectionForLabel("national")).isEqualTo("india");
        assertThat(e.sectionForLabel("health-news-hindi")).isEqualTo("health");
        assertThat(e.sectionForLabel("technology-news")).isEqualTo("technology");
        assertThat(e.sectionForLabel("khel")).isEqualTo("sports");
        assertThat(e.sectionForLabel("Entertainment")).isEqualTo("entertainment");
        assertThat(e.sectionForLabel("automobile")).isNull();
        assertThat(e.sectionForLabel("crime-news-hindi")).isNull();
    }

    @Test
    void anUnmappableLabelFallsBack() {
        List<Example> ex = new ArrayList<>(Examples.tiny());
        ex.replaceAll(x -> new Example(x.text(), "automobile"));
        ex.add(new Example("कुछ", "politics"));
        SectionModel m = SectionModel.train(ex, new SectionModel.Options(12, 5, 0.5, 0, 1));
        assertThat(enricher(0.0, m).enrich(item("भारत ने क्रिकेट मैच जीता", null), businessDesk).section()).isEqualTo("business");
    }

    @Test
    void thresholdIsReadFromSiteConfigWithADefault() throws Exception {
        assertThat(config.site().classifierThreshold()).isEqualTo(0.6);
        Path yml = Files.writeString(dir.resolve("taar.yml"), "site:\n  classifier_threshold: 0.75\n");
        assertThat(new ConfigLoader(Map.of()).load(dir, yml, null).site().classifierThreshold()).isEqualTo(0.75);
        Path bad = Files.writeString(dir.resolve("bad.yml"), "site:\n  classifier_threshold: 2\n");
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(dir, bad, null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("classifier_threshold");
    }
}
