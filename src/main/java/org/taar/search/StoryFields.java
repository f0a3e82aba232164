package org.taar.search;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;

/**
 * The fields a story is indexed under, and the story's Lucene document both ways: built from an
 * {@link IndexedStory}, read back into a result. The headline and text go in three times, once per
 * analysis of {@link HindiAnalysis}; the {@code .hi} copies are the stored ones.
 */
final class StoryFields {
    static final String ID = "id", PATH = "path", HEADLINE = "headline", SUMMARY = "summary", TEXT = "text",
            SECTION = "section", TAG = "tag", PUBLISHED = "published", LANGUAGE = "lang";
    /** The stored headline and text (stem analysis); the other two copies are indexed only. */
    static final String HEADLINE_HI = HEADLINE + "." + HindiAnalysis.HI_STEM, TEXT_HI = TEXT + "." + HindiAnalysis.HI_STEM;
    private static final List<String> UNSTORED_VARIANTS = List.of("." + HindiAnalysis.HI_EXACT, "." + HindiAnalysis.EN);
    // Every copy keeps offsets, so the highlighter reads them from the postings instead of re-analyzing.
    private static final FieldType WITH_OFFSETS = offsets(false);
    private static final FieldType STORED_WITH_OFFSETS = offsets(true);

    private StoryFields() {}

    private static FieldType offsets(boolean stored) {
        FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
        t.setStored(stored);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    /** The term naming story {@code id}, to replace or delete its document. */
    static Term idTerm(long id) {
        return new Term(ID, Long.toString(id));
    }

    static Document document(IndexedStory s) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(s.id()), Field.Store.YES));
        d.add(new StoredField(PATH, s.path()));
        if (s.summary() != null) d.add(new StoredField(SUMMARY, s.summary()));
        String text = s.text() == null ? "" : s.text();
        d.add(new Field(HEADLINE_HI, s.headline(), STORED_WITH_OFFSETS));
        d.add(new Field(TEXT_HI, text, STORED_WITH_OFFSETS));
        for (String variant : UNSTORED_VARIANTS) {
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
        return d;
    }

    /** A result from a stored document, with its headline and snippet already as HTML. */
    static SearchResults.Hit hit(Document d, String headlineHtml, String snippetHtml) {
        return new SearchResults.Hit(Long.parseLong(d.get(ID)), d.get(PATH), headlineHtml, snippetHtml, d.get(SECTION),
                Instant.ofEpochMilli(d.getField(PUBLISHED).numericValue().longValue()), d.get(LANGUAGE));
    }
}
