package org.taar.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class HindiAnalysisTest {

    static List<String> tokens(Analyzer a, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(t.toString());
            ts.end();
        }
        return out;
    }

    /** One filter alone over whitespace tokens. */
    static List<String> filter(Function<TokenStream, TokenStream> f, String text) throws IOException {
        WhitespaceTokenizer source = new WhitespaceTokenizer();
        source.setReader(new StringReader(text));
        List<String> out = new ArrayList<>();
        try (TokenStream ts = f.apply(source)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(t.toString());
            ts.end();
        }
        return out;
    }

    @Test
    void foldingDropsNuktaAndTurnsChandrabinduIntoAnusvara() throws IOException {
        // decomposed nukta, precomposed nukta letters, chandrabindu, zero-width joiner
        assertThat(filter(DevanagariFoldingFilter::new, "ज\u093Cमीन \u095Bमीन सिँह हँसी क\u200Dर"))
                .containsExactly("जमीन", "जमीन", "सिंह", "हंसी", "कर");
        assertThat(filter(DevanagariFoldingFilter::new, "\u0958\u0959\u095A\u095C\u095D\u095E\u095F"))
                .containsExactly("कखगडढफय");
        assertThat(filter(DevanagariFoldingFilter::new, "India दिल्ली")).containsExactly("India", "दिल्ली");
    }

    @Test
    void spellingVariantsMapToOneForm() throws IOException {
        assertThat(filter(SpellingVariantFilter::new, "अमरीका अमरीकी अमेरिका भारत"))
                .containsExactly("अमेरिका", "अमेरिकी", "अमेरिका", "भारत");
    }

    @Test
    void stemmedHindiMatchesSpellingVariants() throws IOException {
        Analyzer a = HindiAnalysis.hindiStem();
        assertThat(tokens(a, "सिंह")).isEqualTo(tokens(a, "सिँह"));
        assertThat(tokens(a, "ज़मीन")).isEqualTo(tokens(a, "जमीन"));
        assertThat(tokens(a, "अमरीका")).isEqualTo(tokens(a, "अमेरिका"));
        // inflections share a stem; stop words go
        assertThat(tokens(a, "लड़कियों")).isEqualTo(tokens(a, "लड़की"));
        assertThat(tokens(a, "भारत के लिए")).hasSize(1);
    }

    @Test
    void exactHindiKeepsWordsButFoldsUnicode() throws IOException {
        Analyzer a = HindiAnalysis.hindiExact();
        assertThat(tokens(a, "नरेंद्र मोदी के साथ")).containsExactly("नरेंद्र", "मोदी", "के", "साथ");
        assertThat(tokens(a, "सिँह")).isEqualTo(tokens(a, "सिंह"));
        assertThat(tokens(a, "\u095Bमीन")).isEqualTo(tokens(a, "ज\u093Cमीन")).isEqualTo(tokens(a, "जमीन"));
        assertThat(tokens(a, "ＩＰＬ Cricket")).containsExactly("ipl", "cricket");
        // no stemming: inflected forms stay apart
        assertThat(tokens(a, "लड़कियों")).isNotEqualTo(tokens(a, "लड़की"));
    }

    @Test
    void englishIsStemmedWithoutStopWords() throws IOException {
        Analyzer a = HindiAnalysis.english();
        assertThat(tokens(a, "The Elections of India's states")).containsExactly("elect", "india", "state");
    }

    @Test
    void theEnglishChainKeepsOnlyLatinWords() throws IOException {
        Analyzer a = HindiAnalysis.english();
        assertThat(tokens(a, "भारत ने IPL 2024 में Café Москва जीता")).containsExactly("ipl", "2024", "café");
        assertThat(tokens(a, "ज़मीन")).isEmpty();
    }
}
