package org.taar.text;

import java.util.List;

/**
 * The word-level difference of one field of a story between two versions, as the desk shows it
 * under "versions": headline, summary or body.
 *
 * @param changed false when the field reads the same in both versions (segments are then one SAME, or none)
 */
public record FieldDiff(String field, List<WordDiff.Segment> segments, boolean changed) {
    public FieldDiff {
        segments = List.copyOf(segments);
    }

    /** What an editor compares of a version: headline, summary and the body as sanitized HTML; any may be null. */
    public record Copy(String headline, String summary, String bodyHtml) {}

    /** Headline, summary and body, in that order; the body is compared as its paragraphs' text. */
    public static List<FieldDiff> between(Copy older, Copy newer) {
        return List.of(of("headline", older.headline(), newer.headline()),
                of("summary", older.summary(), newer.summary()),
                of("body", WordDiff.bodyText(older.bodyHtml()), WordDiff.bodyText(newer.bodyHtml())));
    }

    /** One field's difference; null counts as empty. */
    public static FieldDiff of(String field, String older, String newer) {
        List<WordDiff.Segment> segments = WordDiff.diff(older, newer);
        return new FieldDiff(field, segments, WordDiff.changed(segments));
    }
}
