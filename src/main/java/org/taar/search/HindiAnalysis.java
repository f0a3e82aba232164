package org.taar.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hi.HindiNormalizationFilter;
import org.apache.lucene.analysis.hi.HindiStemFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Every analysis chain of the search index, in one place, read top to bottom like the chain
 * itself. Each indexed text is analyzed three ways:
 *
 * <ul>
 *   <li>{@link #HI_STEM} ({@code *.hi}): recall for Hindi: normalized, folded, stop words out, stemmed;</li>
 *   <li>{@link #HI_EXACT} ({@code *.exact}): words as written, only Unicode-normalized and folded,
 *       so names survive and quoted phrases match word for word;</li>
 *   <li>{@link #EN} ({@code *.en}): English words in Hindi copy (and English stories), stemmed;
 *       words in other scripts are left to the two Hindi copies.</li>
 * </ul>
 */
public final class HindiAnalysis {
    public static final String HI_STEM = "hi";
    public static final String HI_EXACT = "exact";
    public static final String EN = "en";

    private HindiAnalysis() {}

    /** hi_stem: StandardTokenizer → lowercase → Indic and Hindi normalization → folding → variants → stop → stem. */
    public static Analyzer hindiStem() {
        CharArraySet stop = HindiAnalyzer.getDefaultStopSet();
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream t = new LowerCaseFilter(source);
                t = new IndicNormalizationFilter(t);
                t = new DevanagariFoldingFilter(t);
                t = new SpellingVariantFilter(t);
                t = new HindiNormalizationFilter(t);
                t = new StopFilter(t, stop);
                t = new HindiStemFilter(t);
                return new TokenStreamComponents(source, t);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new HindiNormalizationFilter(new DevanagariFoldingFilter(
                        new IndicNormalizationFilter(new LowerCaseFilter(in))));
            }
        };
    }

    /** hi_exact: ICU word segmentation → NFKC case folding → nukta/chandrabindu folding. No stemming. */
    public static Analyzer hindiExact() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new ICUTokenizer();
                TokenStream t = new ICUNormalizer2Filter(source); // NFKC_Casefold by default
                t = new DevanagariFoldingFilter(t);
                return new TokenStreamComponents(source, t);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new DevanagariFoldingFilter(new ICUNormalizer2Filter(in));
            }
        };
    }

    /** en: StandardTokenizer → Latin words only → possessive → lowercase → English stop words → Porter stemmer. */
    public static Analyzer english() {
        CharArraySet stop = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream t = new LatinWordsFilter(source);
                t = new EnglishPossessiveFilter(t);
                t = new LowerCaseFilter(t);
                t = new StopFilter(t, stop);
                t = new PorterStemFilter(t);
                return new TokenStreamComponents(source, t);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /**
     * The index's analyzer: a field named {@code NAME.hi}, {@code NAME.exact} or {@code NAME.en}
     * gets that chain; every other field (id, section, tags) is a keyword.
     */
    public static Analyzer perField(String... textFields) {
        Analyzer stem = hindiStem(), exact = hindiExact(), en = english();
        var map = new java.util.HashMap<String, Analyzer>();
        for (String f : textFields) {
            map.put(f + "." + HI_STEM, stem);
            map.put(f + "." + HI_EXACT, exact);
            map.put(f + "." + EN, en);
        }
        return new PerFieldAnalyzerWrapper(new org.apache.lucene.analysis.core.KeywordAnalyzer(), Map.copyOf(map));
    }
}
