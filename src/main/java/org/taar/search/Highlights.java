package org.taar.search;

import static org.taar.search.StoryFields.HEADLINE;
import static org.taar.search.StoryFields.HEADLINE_HI;
import static org.taar.search.StoryFields.SUMMARY;
import static org.taar.search.StoryFields.TEXT_HI;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.taar.text.HtmlEscape;

/**
 * Search results as the reader sees them: the headline whole and a snippet of about
 * {@value #SNIPPET_CHARS} characters, escaped as HTML with {@code <mark>} around the words that
 * matched. Offsets come from the postings; each {@code .hi} field is marked with the matches of its
 * {@code .exact} and {@code .en} twins too (same text, other analysis). Everything is escaped by
 * {@link HtmlEscape}, the escaper the rest of Taar uses, marked or not.
 */
final class Highlights {
    static final int SNIPPET_CHARS = 180;
    private static final String[] FIELDS = {HEADLINE_HI, TEXT_HI};
    /** One headline passage (the whole headline), two snippet passages. */
    private static final int[] PASSAGES = {1, 2};

    private final Analyzer analyzer;

    Highlights(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The hits for these documents of {@code s}, in order, marked where {@code words} matched. */
    List<SearchResults.Hit> hits(IndexSearcher s, Query words, int[] docs) throws IOException {
        if (docs.length == 0) return List.of();
        Map<String, String[]> marked = highlighter(s).highlightFields(FIELDS, words, docs, PASSAGES);
        StoredFields stored = s.storedFields();
        List<SearchResults.Hit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            Document d = stored.document(docs[i]);
            hits.add(StoryFields.hit(d, headline(d, marked.get(HEADLINE_HI)[i]), snippet(d, marked.get(TEXT_HI)[i])));
        }
        return hits;
    }

    private UnifiedHighlighter highlighter(IndexSearcher s) {
        UnifiedHighlighter.Builder b = UnifiedHighlighter.builder(s, analyzer)
                .withFormatter(new EscapingFormatter())
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), SNIPPET_CHARS, 0.5f))
                .withMaxNoHighlightPassages(0)
                .withMaskedFieldsFunc(f -> {
                    String base = f.substring(0, f.indexOf('.'));
                    return Set.of(base + ".hi", base + ".exact", base + ".en");
                });
        return new UnifiedHighlighter(b) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                // A headline is shown whole, marked where it matched.
                return field.startsWith(HEADLINE) ? new WholeBreakIterator() : super.getBreakIterator(field);
            }
        };
    }

    /** The marked headline, or the headline escaped when the match was elsewhere. */
    static String headline(Document d, String marked) {
        return marked != null ? marked.strip() : HtmlEscape.escape(d.get(HEADLINE_HI));
    }

    /** The marked passages, or the start of the summary (else of the text) when the text did not match. */
    static String snippet(Document d, String marked) {
        if (marked != null) return marked.strip();
        String summary = d.get(SUMMARY) != null ? d.get(SUMMARY) : d.get(TEXT_HI);
        if (summary == null) summary = "";
        return HtmlEscape.escape(summary.length() > SNIPPET_CHARS ? summary.substring(0, SNIPPET_CHARS) + "…" : summary);
    }

    /** Lucene's passage formatter with its own escaping swapped for {@link HtmlEscape}, so marked and unmarked text agree. */
    static final class EscapingFormatter extends DefaultPassageFormatter {
        EscapingFormatter() {
            super("<mark>", "</mark>", "… ", false);
        }

        @Override
        protected void append(StringBuilder dest, String content, int start, int end) {
            dest.append(HtmlEscape.escape(content.substring(start, end)));
        }
    }
}
