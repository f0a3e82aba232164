package org.taar.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import java.util.Set;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.index.StoredFields;

/**
 * The full-text index of published stories, in its own directory (DATA/search/). Writes go
 * through one IndexWriter; searches through a near-real-time {@link SearcherManager}, refreshed
 * after each {@link #commit}. The last applied event sequence is kept in the commit's user data,
 * so the {@link Indexer} resumes where it stopped.
 *
 * <p>Each story's headline and text are indexed three ways (see {@link HindiAnalysis}); ranking is
 * the fields' BM25 relevance multiplied by a recency boost on the published time.
 */
public final class SearchIndex implements Closeable {
    static final String ID = "id", PATH = "path", HEADLINE = "headline", SUMMARY = "summary", TEXT = "text",
            SECTION = "section", TAG = "tag", PUBLISHED = "published", LANGUAGE = "lang";
    static final String SEQ = "taar.seq";
    /** Weights of the analyzed fields in a plain (unquoted) query. */
    static final Map<String, Float> WEIGHTS = Map.of(
            HEADLINE + ".hi", 3f, HEADLINE + ".exact", 4f, HEADLINE + ".en", 2f,
            TEXT + ".hi", 1f, TEXT + ".exact", 1.5f, TEXT + ".en", 0.7f);
    /** Quoted phrases match word for word, on the exact fields only. */
    static final Map<String, Float> PHRASE_WEIGHTS = Map.of(HEADLINE + ".exact", 3f, TEXT + ".exact", 1f);
    static final Duration RECENCY_HALF_LIFE = Duration.ofDays(3);
    static final double RECENCY_WEIGHT = 1.0;
    private static final int SNIPPET_CHARS = 180;
    private static final FieldType WITH_OFFSETS = offsets(false);
    private static final FieldType STORED_WITH_OFFSETS = offsets(true);

    private static FieldType offsets(boolean stored) {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setStored(stored);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    private final Directory dir;
    private final Analyzer analyzer = HindiAnalysis.perField(HEADLINE, TEXT);
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final DefaultPassageFormatter escaping = new DefaultPassageFormatter("<mark>", "</mark>", "… ", true);
    private final Clock clock;
    private final boolean fresh;
    private volatile long lastSeq;

    private SearchIndex(Directory dir, Clock clock) throws IOException {
        this.dir = dir;
        this.clock = clock;
        this.fresh = !DirectoryReader.indexExists(dir);
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        cfg.setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(dir, cfg);
        if (fresh) writer.commit();
        this.lastSeq = seqOf(writer);
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index in {@code dir}. */
    public static SearchIndex open(Path dir, Clock clock) {
        try {
            Files.createDirectories(dir);
            return new SearchIndex(FSDirectory.open(dir), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open search index " + dir, e);
        }
    }

    /** Whether the index was created on open, so it must be built from the store. */
    public boolean isFresh() {
        return fresh;
    }

    /** The last event sequence whose changes are committed. */
    public long lastSeq() {
        return lastSeq;
    }

    public void put(IndexedStory s) {
        Document d = new Document();
        String id = Long.toString(s.id());
        d.add(new StringField(ID, id, Field.Store.YES));
        d.add(new StoredField(PATH, s.path()));
        if (s.summary() != null) d.add(new StoredField(SUMMARY, s.summary()));
        String text = s.text() == null ? "" : s.text();
        // The .hi fields hold the stored text; all three keep offsets, so highlighting reads them from postings.
        d.add(new Field(HEADLINE + ".hi", s.headline(), STORED_WITH_OFFSETS));
        d.add(new Field(TEXT + ".hi", text, STORED_WITH_OFFSETS));
        for (String variant : List.of(".exact", ".en")) {
            d.add(new Field(HEADLINE + variant, s.headline(), WITH_OFFSETS));
            d.add(new Field(TEXT + variant, text, WITH_OFFSETS));
        }
        d.add(new StringField(SECTION, s.section(), Field.Store.YES));
        for (String tag : s.tags()) d.add(new StringField(TAG, tag, Field.Store.NO));
        long at = s.published().toEpochMilli();
        d.add(new LongPoint(PUBLISHED, at));
        d.add(new NumericDocValuesField(PUBLISHED, at));
        d.add(new StoredField(PUBLISHED, at));
        if (s.language() != null) d.add(new StringField(LANGUAGE, s.language(), Field.Store.YES));
        try {
            writer.updateDocument(new Term(ID, id), d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(long id) {
        try {
            writer.deleteDocuments(new Term(ID, Long.toString(id)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every story, for a rebuild. */
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes so far durable with the event sequence they reach, and visible to searches. */
    public void commit(long seq) {
        try {
            writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq)).entrySet());
            writer.commit();
            lastSeq = seq;
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes so far visible to searches without a commit (NRT). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    /** Bytes of the index's files on disk. */
    public long diskBytes() {
        try {
            long total = 0;
            for (String f : dir.listAll()) {
                try {
                    total += dir.fileLength(f);
                } catch (IOException | RuntimeException gone) {
                    // merged away while listing
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of a reader's query as a Lucene query, before filters and ranking. */
    Query parse(String q) {
        StoryQueryParser parser = new StoryQueryParser(analyzer);
        parser.setDefaultOperator(Occur.MUST);
        return parser.parse(q);
    }

    public SearchResults search(SearchQuery sq) {
        if (sq.isEmpty()) return SearchResults.empty();
        Query text = parse(sq.q());
        if (text instanceof MatchNoDocsQuery) return new SearchResults(0, false, List.of(), sq.page(), false);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (sq.section() != null) b.add(new TermQuery(new Term(SECTION, sq.section())), Occur.FILTER);
        if (sq.tag() != null) b.add(new TermQuery(new Term(TAG, sq.tag())), Occur.FILTER);
        if (sq.from() != null || sq.to() != null) {
            long from = sq.from() == null ? Long.MIN_VALUE : sq.from().toEpochMilli();
            long to = sq.to() == null ? Long.MAX_VALUE : sq.to().toEpochMilli();
            b.add(LongPoint.newRangeQuery(PUBLISHED, from, to), Occur.FILTER);
        }
        Query ranked = FunctionScoreQuery.boostByValue(b.build(), new RecencyBoost(PUBLISHED,
                clock.millis(), RECENCY_HALF_LIFE.toMillis(), RECENCY_WEIGHT));
        int want = sq.page() * SearchQuery.PER_PAGE;
        IndexSearcher s = acquire();
        try {
            TopDocs top = s.search(ranked, want + 1);
            ScoreDoc[] docs = top.scoreDocs;
            List<SearchResults.Hit> hits = new ArrayList<>();
            StoredFields stored = s.storedFields();
            int start = (sq.page() - 1) * SearchQuery.PER_PAGE;
            int end = Math.min(docs.length, want);
            int[] ids = new int[Math.max(0, end - start)];
            for (int i = start; i < end; i++) ids[i - start] = docs[i].doc;
            Map<String, String[]> marked = ids.length == 0 ? Map.of() : highlights(s, text, ids);
            for (int i = start; i < end; i++) {
                Document d = stored.document(docs[i].doc);
                hits.add(hit(d, marked.get(HEADLINE + ".hi")[i - start], marked.get(TEXT + ".hi")[i - start]));
            }
            boolean lowerBound = top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
            return new SearchResults(top.totalHits.value, lowerBound, hits, sq.page(), docs.length > want);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
    }

    /**
     * Highlighted headline and snippet per hit, from the offsets in the postings: each .hi field is
     * highlighted with the matches of its .exact and .en twins too (same text, other analysis).
     */
    private Map<String, String[]> highlights(IndexSearcher s, Query text, int[] ids) throws IOException {
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(s, analyzer)
                .withFormatter(escaping)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f))
                .withMaxNoHighlightPassages(0)
                .withMaskedFieldsFunc(f -> {
                    String base = f.substring(0, f.indexOf('.'));
                    return Set.of(base + ".hi", base + ".exact", base + ".en");
                });
        UnifiedHighlighter h = new UnifiedHighlighter(b) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                // A headline is shown whole, marked where it matched.
                return field.startsWith(HEADLINE) ? new WholeBreakIterator() : super.getBreakIterator(field);
            }
        };
        Map<String, String[]> out = h.highlightFields(new String[] {HEADLINE + ".hi", TEXT + ".hi"}, text, ids,
                new int[] {1, 2});
        return out;
    }

    private SearchResults.Hit hit(Document d, String headlineHtml, String snippet) {
        String headline = d.get(HEADLINE + ".hi");
        String body = d.get(TEXT + ".hi");
        if (headlineHtml == null) headlineHtml = escape(headline);
        else headlineHtml = headlineHtml.strip();
        if (snippet != null) snippet = snippet.strip();
        if (snippet == null) {
            String summary = d.get(SUMMARY) != null ? d.get(SUMMARY) : body;
            snippet = escape(summary.length() > SNIPPET_CHARS ? summary.substring(0, SNIPPET_CHARS) + "…" : summary);
        }
        return new SearchResults.Hit(Long.parseLong(d.get(ID)), d.get(PATH), headlineHtml, snippet, d.get(SECTION),
                Instant.ofEpochMilli(d.getField(PUBLISHED).numericValue().longValue()));
    }

    /**
     * Up to {@code n} stories most like story {@code id} (by headline and text), newest first
     * among equals; empty when the story is not in the index.
     */
    public List<SearchResults.Hit> related(long id, int n) {
        IndexSearcher s = acquire();
        try {
            TopDocs self = s.search(new TermQuery(new Term(ID, Long.toString(id))), 1);
            if (self.scoreDocs.length == 0) return List.of();
            Document d = s.storedFields().document(self.scoreDocs[0].doc);
            return related(s, id, d.get(HEADLINE + ".hi"), d.get(TEXT + ".hi"), n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
    }

    /** Stories most like the given text (a story not yet in the index, or not in it at all). */
    public List<SearchResults.Hit> like(long excludeId, String headline, String text, int n) {
        IndexSearcher s = acquire();
        try {
            return related(s, excludeId, headline, text, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
    }

    /**
     * Stories most like the given text, with their headlines as stored (plain text, not HTML):
     * for pages that escape them themselves, such as the related stories under an article.
     */
    public List<SimilarStory> similar(long excludeId, String headline, String text, int n) {
        IndexSearcher s = acquire();
        try {
            return similar(s, excludeId, headline, text, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(s);
        }
    }

    private List<SearchResults.Hit> related(IndexSearcher s, long excludeId, String headline, String text, int n)
            throws IOException {
        return similar(s, excludeId, headline, text, n).stream()
                .map(x -> new SearchResults.Hit(x.id(), x.path(), escape(x.headline()), null, x.section(), x.published()))
                .toList();
    }

    private List<SimilarStory> similar(IndexSearcher s, long excludeId, String headline, String text, int n)
            throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setFieldNames(new String[] {HEADLINE + ".hi", TEXT + ".hi"});
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(1);
        // Words in a fifth of all stories say nothing about the subject (on a large enough index).
        mlt.setMaxDocFreq(Math.max(10, s.getIndexReader().numDocs() / 5));
        mlt.setMaxQueryTerms(15);
        mlt.setMaxNumTokensParsed(400);
        Map<String, Collection<Object>> like = Map.of(
                HEADLINE + ".hi", List.of(headline == null ? "" : headline),
                TEXT + ".hi", List.of(text == null ? "" : text));
        Query q = new BooleanQuery.Builder()
                .add(mlt.like(like), Occur.MUST)
                .add(new TermQuery(new Term(ID, Long.toString(excludeId))), Occur.MUST_NOT)
                .build();
        TopDocs top = s.search(q, n);
        List<SimilarStory> out = new ArrayList<>();
        StoredFields stored = s.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            Document d = stored.document(sd.doc);
            out.add(new SimilarStory(Long.parseLong(d.get(ID)), d.get(PATH), d.get(HEADLINE + ".hi"),
                    d.get(SECTION), Instant.ofEpochMilli(d.getField(PUBLISHED).numericValue().longValue())));
        }
        return out;
    }

    private IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher s) {
        try {
            searchers.release(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long seqOf(IndexWriter w) {
        if (w.getLiveCommitData() == null) return 0;
        for (Map.Entry<String, String> e : w.getLiveCommitData()) {
            if (e.getKey().equals(SEQ)) return Long.parseLong(e.getValue());
        }
        return 0;
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#x27;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            dir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                if (q != null) b.add(e.getValue() == 1f ? q : new org.apache.lucene.search.BoostQuery(q, e.getValue()),
                        Occur.SHOULD);
            }
            return simplify(b.build());
        }
    }
}
