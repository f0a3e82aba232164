package org.taar.search;

import static org.taar.search.StoryFields.HEADLINE_HI;
import static org.taar.search.StoryFields.TEXT_HI;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.taar.text.HtmlEscape;

/**
 * Stories on the same subject, by Lucene's more-like-this over headline and text: the words that
 * are frequent in the given story and rare in the index. Headlines come back as stored, in plain text,
 * for the page to escape once.
 */
final class SimilarStories {
    private final Analyzer analyzer;

    SimilarStories(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** Up to {@code n} stories most like indexed story {@code id}; empty when it is not in the index. */
    List<SearchResults.Hit> to(IndexSearcher s, long id, int n) throws IOException {
        TopDocs self = s.search(new TermQuery(StoryFields.idTerm(id)), 1);
        if (self.scoreDocs.length == 0) return List.of();
        Document d = s.storedFields().document(self.scoreDocs[0].doc);
        return like(s, id, d.get(HEADLINE_HI), d.get(TEXT_HI), n).stream()
                .map(x -> new SearchResults.Hit(x.id(), x.path(), HtmlEscape.escape(x.headline()), null, x.section(),
                        x.published(), x.language()))
                .toList();
    }

    /** Up to {@code n} stories most like this headline and text, leaving out story {@code excludeId}. */
    List<SimilarStory> like(IndexSearcher s, long excludeId, String headline, String text, int n)
            throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {HEADLINE_HI, TEXT_HI});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        // Words in a fifth of all stories say nothing about the subject (on a large enough index).
        mlt.setMaxDocFreq(Math.max(10, s.getIndexReader().numDocs() / 5));
        mlt.setMaxQueryTerms(15);
        mlt.setMaxNumTokensParsed(400);
        Map<String, Collection<Object>> like = Map.of(
                HEADLINE_HI, List.of(headline == null ? "" : headline),
                TEXT_HI, List.of(text == null ? "" : text));
        Query q = new BooleanQuery.Builder()
                .add(mlt.like(like), Occur.MUST)
                .add(new TermQuery(StoryFields.idTerm(excludeId)), Occur.MUST_NOT)
                .build();
        TopDocs top = s.search(q, n);
        List<SimilarStory> out = new ArrayList<>();
        StoredFields stored = s.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc);
            SearchResults.Hit hit = StoryFields.hit(d, null, null);
            out.add(new SimilarStory(hit.id(), hit.path(), d.get(HEADLINE_HI), hit.section(), hit.published(),
                    hit.language()));
        }
        return out;
    }
}
