package org.taar.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SectionModelTest {
    @TempDir Path dir;
    static final SectionModel.Options SMALL_BITS = new SectionModel.Options(16, 20, 0.5, 1e-5, 42);

    @Test
    void learnsTheTinySetAndGeneralizesToNewHeadlines() {
        SectionModel m = SectionModel.train(Examples.tiny(), SMALL_BITS);
        for (Example e : Examples.tiny()) assertThat(m.predict(e.text()).label()).isEqualTo(e.label());
        assertThat(m.predict("क्रिकेट टीम ने मैच जीता").label()).isEqualTo("sports");
        assertThat(m.predict("शेयर बाजार में तेजी, सेंसेक्स चढ़ा").label()).isEqualTo("business");
        assertThat(m.predict("नई फिल्म का ट्रेलर").label()).isEqualTo("entertainment");
        assertThat(m.predict("new smartphone launch").label()).isEqualTo("technology-news");
        Prediction p = m.predict("क्रिकेट मैच");
        assertThat(p.confidence()).isBetween(0.25, 1.0);
        assertThat(m.labels()).containsExactly("business", "entertainment", "sports", "technology-news");
    }

    @Test
    void trainingIsDeterministic() {
        SectionModel a = SectionModel.train(Examples.tiny(), SMALL_BITS);
        SectionModel b = SectionModel.train(Examples.tiny(), SMALL_BITS);
        assertThat(a.predict("मैच और फिल्म")).isEqualTo(b.predict("मैच और फिल्म"));
    }

    @Test
    void saveAndLoadGiveTheSamePredictions() throws IOException {
        SectionModel m = SectionModel.train(Examples.tiny(), SMALL_BITS);
        Path file = dir.resolve("models/section.model");
        m.save(file);
        SectionModel back = SectionModel.load(file);
        for (String t : List.of("क्रिकेट", "सेंसेक्स", "फिल्म", "ऐप", "कुछ भी नहीं")) {
            assertThat(back.predict(t)).isEqualTo(m.predict(t));
        }
        assertThat(back.labels()).isEqualTo(m.labels());
    }

    @Test
    void loadRejectsOtherFiles() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk"), "hello");
        assertThatThrownBy(() -> SectionModel.load(junk)).isInstanceOf(IOException.class);
        Path gz = dir.resolve("gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("NOTAMODEL".getBytes());
        }
        assertThatThrownBy(() -> SectionModel.load(gz)).isInstanceOf(IOException.class).hasMessageContaining("not a Taar section model");
    }

    @Test
    void naiveBayesBaselineLearnsTooAndGivesProbabilities() {
        NaiveBayesBaseline nb = NaiveBayesBaseline.train(Examples.tiny());
        assertThat(nb.predict("क्रिकेट मैच में भारत की जीत").label()).isEqualTo("sports");
        assertThat(nb.predict("सेंसेक्स और निफ्टी").label()).isEqualTo("business");
        assertThat(nb.predict("सेंसेक्स").confidence()).isBetween(0.0, 1.0);
        assertThat(NaiveBayesBaseline.trigrams("ab")).containsExactly(" ab", "ab ");
    }

    @Test
    void csvHandlesQuotesNewlinesCrlfBomAndLabelsColumn() throws IOException {
        String csv = "\uFEFFtext,labels\r\n\"a, \"\"quoted\"\" one\",sports\r\nplain,business\r\n\"two\nlines\",\"tech\"\n\n";
        List<Example> ex = ExamplesCsv.read(new StringReader(csv));
        assertThat(ex).containsExactly(new Example("a, \"quoted\" one", "sports"), new Example("plain", "business"),
                new Example("two\nlines", "tech"));
        assertThat(ExamplesCsv.read(new StringReader("label,text\nx,y"))).containsExactly(new Example("y", "x"));
        assertThat(ExamplesCsv.read(new StringReader("text,label\n\"\",x"))).containsExactly(new Example("", "x"));
        assertThatThrownBy(() -> ExamplesCsv.read(new StringReader("headline,section\na,b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text and label");
        assertThatThrownBy(() -> ExamplesCsv.read(new StringReader("text,label\n\"open,x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
