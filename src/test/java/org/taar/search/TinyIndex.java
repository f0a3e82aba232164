package org.taar.search;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/** A few stories in memory, indexed as {@link SearchIndex} indexes them, for the parts that read the index. */
final class TinyIndex implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    final Analyzer analyzer = HindiAnalysis.perField(StoryFields.HEADLINE, StoryFields.TEXT);
    private final DirectoryReader reader;
    final IndexSearcher searcher;

    TinyIndex(IndexedStory... stories) throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (IndexedStory s : stories) w.addDocument(StoryFields.document(s));
        }
        reader = DirectoryReader.open(dir);
        searcher = new IndexSearcher(reader);
    }

    static IndexedStory story(long id, String headline, String summary, String text) {
        return new IndexedStory(id, "/desh/s-" + id, headline, summary, text, "desh", List.of("t"), NOW, "hi");
    }

    /** The Lucene document number of story {@code id}. */
    int doc(long id) throws IOException {
        ScoreDoc[] found = searcher.search(new TermQuery(StoryFields.idTerm(id)), 1).scoreDocs;
        if (found.length == 0) throw new IllegalArgumentException("no story " + id);
        return found[0].doc;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
