package org.taar.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A multiplier from a story's published time (epoch millis doc value):
 * {@code 1 + weight * halfLife / (halfLife + age)}, so a story published now scores
 * {@code 1 + weight} times its relevance, one {@code halfLife} old {@code 1 + weight/2}, and very
 * old stories keep their plain relevance.
 */
final class RecencyBoost extends DoubleValuesSource {
    private final String field;
    private final long now;
    private final double halfLifeMillis;
    private final double weight;

    RecencyBoost(String field, long now, double halfLifeMillis, double weight) {
        this.field = field;
        this.now = now;
        this.halfLifeMillis = halfLifeMillis;
        this.weight = weight;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), field);
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                if (published.advanceExact(doc)) {
                    double age = Math.max(0, now - published.longValue());
                    value = 1 + weight * halfLifeMillis / (halfLifeMillis + age);
                } else {
                    value = 1;
                }
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, field);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecencyBoost r && r.field.equals(field) && r.now == now
                && r.halfLifeMillis == halfLifeMillis && r.weight == weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, now, halfLifeMillis, weight);
    }

    @Override
    public String toString() {
        return "recency(" + field + ", halfLife=" + halfLifeMillis + "ms, weight=" + weight + ")";
    }
}
