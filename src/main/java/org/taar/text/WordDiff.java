package org.taar.text;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.myers.MyersDiffWithLinearSpace;
import com.github.difflib.patch.AbstractDelta;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * A word-level difference of two texts, for an editor comparing versions of a story. Words are
 * ICU's (UAX #29), so a Devanagari word keeps its matras, viramas and nuktas: "प्रधानमंत्री"
 * against "प्रधान मंत्री" is one word removed and two added, never a stray mark. Spaces and
 * punctuation are tokens too, so SAME with REMOVED segments rebuild the old text exactly, and
 * SAME with ADDED the new.
 *
 * <p>Myers' diff costs up to the square of the tokens that differ, and a desk page must not stall
 * on a rewritten megabyte body: past {@link #WORD_LIMIT} differing tokens the texts are compared
 * paragraph by paragraph, changed paragraphs refined word by word while {@link #BUDGET} lasts,
 * and the rest shown whole as removed and added.
 */
public final class WordDiff {
    /** Differing tokens (both sides together) diffed word by word in one go. */
    static final int WORD_LIMIT = 8_000;
    /** Differing paragraphs (both sides together) diffed paragraph by paragraph; beyond, the span is replaced whole. */
    static final int PARAGRAPH_LIMIT = 8_000;
    /** Work for word diffs in one comparison, counted as the square of each diff's tokens. */
    static final long BUDGET = (long) WORD_LIMIT * WORD_LIMIT;

    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    public enum Kind { SAME, ADDED, REMOVED }

    /** A run of text that both versions share, or that only the new (ADDED) or old (REMOVED) has. */
    public record Segment(Kind kind, String text) {}

    private WordDiff() {}

    /** The segments that turn {@code older} into {@code newer}; null counts as empty. */
    public static List<Segment> diff(String older, String newer) {
        List<String> a = tokens(older == null ? "" : older);
        List<String> b = tokens(newer == null ? "" : newer);
        Segments out = new Segments();
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) prefix++;
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        out.same(a.subList(0, prefix));
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        long[] budget = {BUDGET};
        if (midA.size() + midB.size() <= WORD_LIMIT) {
            words(midA, midB, out, budget);
        } else {
            paragraphs(midA, midB, out, budget);
        }
        out.same(a.subList(a.size() - suffix, a.size()));
        return out.done();
    }

    /**
     * The text of sanitized body HTML, one paragraph-like block a paragraph, separated by blank
     * lines: what an editor compares, with markup gone (a tag in the text stays text).
     */
    public static String bodyText(String bodyHtml) {
        if (bodyHtml == null || bodyHtml.isEmpty()) return "";
        return SANITIZER.toPlainText(bodyHtml);
    }

    /** The old text the segments describe: SAME and REMOVED, in order. */
    public static String older(List<Segment> segments) {
        return join(segments, Kind.REMOVED);
    }

    /** The new text the segments describe: SAME and ADDED, in order. */
    public static String newer(List<Segment> segments) {
        return join(segments, Kind.ADDED);
    }

    /** True when the segments show any change. */
    public static boolean changed(List<Segment> segments) {
        return segments.stream().anyMatch(s -> s.kind() != Kind.SAME);
    }

    private static String join(List<Segment> segments, Kind side) {
        StringBuilder b = new StringBuilder();
        for (Segment s : segments) {
            if (s.kind() == Kind.SAME || s.kind() == side) b.append(s.text());
        }
        return b.toString();
    }

    /**
     * The text cut at ICU word boundaries (words, runs of space, punctuation), keeping only cuts
     * that are also grapheme-cluster boundaries, so no mark is ever parted from its letter.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text.isEmpty()) return out;
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        BreakIterator graphemes = BreakIterator.getCharacterInstance(ULocale.ROOT);
        words.setText(text);
        graphemes.setText(text);
        int start = 0;
        int grapheme = 0;
        for (int end = words.next(); end != BreakIterator.DONE; end = words.next()) {
            while (grapheme != BreakIterator.DONE && grapheme < end) grapheme = graphemes.next();
            if (grapheme == end) {
                out.add(text.substring(start, end));
                start = end;
            }
        }
        if (start < text.length()) out.add(text.substring(start));
        return out;
    }

    // Myers over the tokens, or the whole span replaced when the budget cannot pay for it.
    private static void words(List<String> a, List<String> b, Segments out, long[] budget) {
        long cost = (long) (a.size() + b.size()) * (a.size() + b.size());
        if (a.isEmpty() || b.isEmpty() || cost > budget[0]) {
            out.change(a, b);
            return;
        }
        budget[0] -= cost;
        int at = 0;
        for (Hunk h : hunks(a, b)) {
            out.same(a.subList(at, h.fromA()));
            out.change(a.subList(h.fromA(), h.toA()), b.subList(h.fromB(), h.toB()));
            at = h.toA();
        }
        out.same(a.subList(at, a.size()));
    }

    // Paragraphs first, then words inside each changed run of paragraphs.
    private static void paragraphs(List<String> a, List<String> b, Segments out, long[] budget) {
        List<List<String>> pa = split(a);
        List<List<String>> pb = split(b);
        if (pa.size() + pb.size() > PARAGRAPH_LIMIT) {
            out.change(a, b);
            return;
        }
        List<String> ka = pa.stream().map(p -> String.join("", p)).toList();
        List<String> kb = pb.stream().map(p -> String.join("", p)).toList();
        int at = 0;
        for (Hunk h : hunks(ka, kb)) {
            out.same(ka.subList(at, h.fromA()));
            words(flat(pa.subList(h.fromA(), h.toA())), flat(pb.subList(h.fromB(), h.toB())), out, budget);
            at = h.toA();
        }
        out.same(ka.subList(at, ka.size()));
    }

    /** A run of elements {@code [fromA, toA)} of the old list replaced by {@code [fromB, toB)} of the new. */
    private record Hunk(int fromA, int toA, int fromB, int toB) {}

    // The library may report a replacement as an insertion and a deletion side by side: one hunk here.
    private static List<Hunk> hunks(List<String> a, List<String> b) {
        List<Hunk> out = new ArrayList<>();
        for (AbstractDelta<String> d : DiffUtils.diff(a, b, new MyersDiffWithLinearSpace<String>()).getDeltas()) {
            int fromA = d.getSource().getPosition();
            int fromB = d.getTarget().getPosition();
            Hunk h = new Hunk(fromA, fromA + d.getSource().size(), fromB, fromB + d.getTarget().size());
            Hunk last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.toA() == h.fromA() && last.toB() == h.fromB()) {
                out.set(out.size() - 1, new Hunk(last.fromA(), h.toA(), last.fromB(), h.toB()));
            } else {
                out.add(h);
            }
        }
        return out;
    }

    // A paragraph ends with the blank run after its last line break (ICU makes each line break a token).
    private static List<List<String>> split(List<String> tokens) {
        List<List<String>> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            boolean broken = tokens.get(i).indexOf('\n') >= 0;
            if (broken && (i + 1 == tokens.size() || !tokens.get(i + 1).isBlank())) {
                out.add(tokens.subList(start, i + 1));
                start = i + 1;
            }
        }
        if (start < tokens.size()) out.add(tokens.subList(start, tokens.size()));
        return out;
    }

    private static List<String> flat(List<List<String>> paragraphs) {
        List<String> out = new ArrayList<>();
        paragraphs.forEach(out::addAll);
        return out;
    }

    /** Segments in order: each run of shared text one SAME, each change between them one REMOVED then one ADDED. */
    private static final class Segments {
        private final List<Segment> list = new ArrayList<>();
        private final StringBuilder same = new StringBuilder();
        private final StringBuilder removed = new StringBuilder();
        private final StringBuilder added = new StringBuilder();

        void same(List<String> tokens) {
            if (tokens.isEmpty()) return;
            flushChange();
            tokens.forEach(same::append);
        }

        void change(List<String> older, List<String> newer) {
            if (older.isEmpty() && newer.isEmpty()) return;
            flush(Kind.SAME, same);
            older.forEach(removed::append);
            newer.forEach(added::append);
        }

        List<Segment> done() {
            flush(Kind.SAME, same);
            flushChange();
            return List.copyOf(list);
        }

        private void flushChange() {
            flush(Kind.REMOVED, removed);
            flush(Kind.ADDED, added);
        }

        private void flush(Kind kind, StringBuilder text) {
            if (text.length() > 0) list.add(new Segment(kind, text.toString()));
            text.setLength(0);
        }
    }
}
