package org.taar.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The full-text index of published stories, in its own directory (DATA/search/). Writes go
 * through one IndexWriter; searches through a near-real-time {@link SearcherManager}, refreshed
 * after each batch {@link #applied}. The last applied event sequence is kept in the commit's user data,
 * so the {@link Indexer} resumes where it stopped.
 *
 * <p>This class keeps the index's life (open, write, commit, refresh, close); what a story's
 * document holds is {@link StoryFields}, queries are {@link StoryQueries}, marked results are
 * {@link Highlights} and related stories {@link SimilarStories}.
 */
public final class SearchIndex implements Closeable {
    static final String SEQ = "taar.seq";

    private final Directory dir;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final StoryQueries queries;
    private final Highlights highlights;
    private final SimilarStories similar;
    private final boolean fresh;
    private volatile long lastSeq;

    private SearchIndex(Directory dir, Clock clock) throws IOException {
        this.dir = dir;
        Analyzer analyzer = HindiAnalysis.perField(StoryFields.HEADLINE, StoryFields.TEXT);
        this.queries = new StoryQueries(analyzer, clock);
        this.highlights = new Highlights(analyzer);
        this.similar = new SimilarStories(analyzer);
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

    /** The last event sequence whose changes are applied (and searchable); committed by the next {@link #commit()}. */
    public long lastSeq() {
        return lastSeq;
    }

    public void put(IndexedStory s) {
        try {
            writer.updateDocument(StoryFields.idTerm(s.id()), StoryFields.document(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(long id) {
        try {
            writer.deleteDocuments(StoryFields.idTerm(id));
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
        applied(seq);
        refresh();
        commit();
    }

    /**
     * Records that the changes so far reach event {@code seq}: the next {@link #refresh()} makes
     * them visible to searches, the next {@link #commit()} (or closing the index) durable with that
     * sequence. A long catch-up refreshes once a second, not per batch, since each refresh writes a
     * segment (15 % of an import's indexing, bench/RESULTS.md).
     */
    public void applied(long seq) {
        writer.setLiveCommitData(Map.of(SEQ, Long.toString(seq)).entrySet());
        lastSeq = seq;
    }

    /** Makes what was applied durable, with its event sequence. */
    public void commit() {
        try {
            writer.commit();
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
        return read(s -> s.getIndexReader().numDocs());
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

    /** One page of results, best first, marked where they matched. */
    public SearchResults search(SearchQuery sq) {
        if (sq.isEmpty()) return SearchResults.empty();
        Query words = queries.words(sq.q());
        if (words instanceof MatchNoDocsQuery) return new SearchResults(0, false, List.of(), sq.page(), false);
        Query ranked = queries.ranked(words, sq);
        int want = sq.page() * SearchQuery.PER_PAGE;
        return read(s -> {
            TopDocs top = s.search(ranked, want + 1);
            ScoreDoc[] docs = top.scoreDocs;
            int start = (sq.page() - 1) * SearchQuery.PER_PAGE;
            int end = Math.min(docs.length, want);
            int[] page = new int[Math.max(0, end - start)];
            for (int i = start; i < end; i++) page[i - start] = docs[i].doc;
            boolean lowerBound = top.totalHits.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
            return new SearchResults(top.totalHits.value, lowerBound, highlights.hits(s, words, page), sq.page(),
                    docs.length > want);
        });
    }

    /**
     * Up to {@code n} stories most like story {@code id} (by headline and text), newest first
     * among equals; empty when the story is not in the index.
     */
    public List<SearchResults.Hit> related(long id, int n) {
        return read(s -> similar.to(s, id, n));
    }

    /**
     * Stories most like the given text (a story not yet in the index, or not in it at all), their
     * headlines as stored: plain text, for the page to escape once.
     */
    public List<SimilarStory> similar(long excludeId, String headline, String text, int n) {
        return read(s -> similar.like(s, excludeId, headline, text, n));
    }

    /** A read on the current searcher, released after. */
    private <T> T read(Read<T> read) {
        IndexSearcher s;
        try {
            s = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return read.on(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private interface Read<T> {
        T on(IndexSearcher s) throws IOException;
    }

    private static long seqOf(IndexWriter w) {
        if (w.getLiveCommitData() == null) return 0;
        for (Map.Entry<String, String> e : w.getLiveCommitData()) {
            if (e.getKey().equals(SEQ)) return Long.parseLong(e.getValue());
        }
        return 0;
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
}
