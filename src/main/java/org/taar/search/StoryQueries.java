package org.taar.search;

import static org.taar.search.StoryFields.HEADLINE;
import static org.taar.search.StoryFields.PUBLISHED;
import static org.taar.search.StoryFields.SECTION;
import static org.taar.search.StoryFields.TAG;
import static org.taar.search.StoryFields.TEXT;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A reader's search as Lucene queries: the words, parsed without wildcards or fuzziness; then the
 * filters (section, tag, dates) around them; then ranking, the fields' BM25 relevance multiplied by
 * a recency boost on the published time.
 */
final class StoryQueries {
    /** Weights of the analyzed fields in a plain (unquoted) query. */
    static final Map<String, Float> WEIGHTS = Map.of(
            HEADLINE + ".hi", 3f, HEADLINE + ".exact", 4f, HEADLINE + ".en", 2f,
            TEXT + ".hi", 1f, TEXT + ".exact", 1.5f, TEXT + ".en", 0.7f);
    /** Quoted phrases match word for word, on the exact fields only. */
    static final Map<String, Float> PHRASE_WEIGHTS = Map.of(HEADLINE + ".exact", 3f, TEXT + ".exact", 1f);
    static final Duration RECENCY_HALF_LIFE = Duration.ofDays(3);
    static final double RECENCY_WEIGHT = 1.0;

    private final Analyzer analyzer;
    private final Clock clock;

    StoryQueries(Analyzer analyzer, Clock clock) {
        this.analyzer = analyzer;
        this.clock = clock;
    }

    /** The words of a reader's query as a Lucene query, before filters and ranking (what the highlighter marks). */
    Query words(String q) {
        StoryQueryParser parser = new StoryQueryParser(analyzer);
        parser.setDefaultOperator(Occur.MUST);
        return parser.parse(q);
    }

    /** The words narrowed by the search's filters and ranked newest-first among equals. */
    Query ranked(Query words, SearchQuery sq) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(words, Occur.MUST);
        if (sq.section() != null) b.add(new TermQuery(new Term(SECTION, sq.section())), Occur.FILTER);
        if (sq.tag() != null) b.add(new TermQuery(new Term(TAG, sq.tag())), Occur.FILTER);
        if (sq.from() != null || sq.to() != null) {
            long from = sq.from() == null ? Long.MIN_VALUE : sq.from().toEpochMilli();
            long to = sq.to() == null ? Long.MAX_VALUE : sq.to().toEpochMilli();
            b.add(LongPoint.newRangeQuery(PUBLISHED, from, to), Occur.FILTER);
        }
        return FunctionScoreQuery.boostByValue(b.build(), new RecencyBoost(PUBLISHED,
                clock.millis(), RECENCY_HALF_LIFE.toMillis(), RECENCY_WEIGHT));
    }

    /** Plain words on every analyzed field; quoted phrases on the exact fields only; no wildcards or fuzzy. */
    static final class StoryQueryParser extends SimpleQueryParser {
        static final int FLAGS = AND_OPERATOR | OR_OPERATOR | NOT_OPERATOR | PHRASE_OPERATOR
                | PRECEDENCE_OPERATORS | ESCAPE_OPERATOR | WHITESPACE_OPERATOR;

        StoryQueryParser(Analyzer analyzer) {
            super(analyzer, WEIGHTS, FLAGS);
        }

        @Override
        protected Query newPhraseQuery(String text, int slop) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Map.Entry<String, Float> e : PHRASE_WEIGHTS.entrySet()) {
                Query q = createPhraseQuery(e.getKey(), text, slop);
                if (q != null) b.add(e.getValue() == 1f ? q : new BoostQuery(q, e.getValue()), Occur.SHOULD);
            }
            return simplify(b.build());
        }
    }
}
