package org.taar.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.taar.item.NewsItem;
import org.taar.text.HeadlineSignals;

/**
 * The parts of an IPTC 7901 message around its text proper: the header's later lines (dpa's keyword
 * line {@code Switzerland/migration/UN/} and version lines {@code REFILE}, {@code 1ST LEAD},
 * {@code (Achtung)}), the headline with its signal words read off, the byline under it
 * ({@code By ...}, {@code Von ...}, {@code Par ...}), the dateline, and the part of the text marked
 * not for publication, which is a note to editors.
 */
final class IptcFront {
    /** What the start of the text gave. */
    record Front(String headline, String byline, int bodyStart) {}

    private static final Pattern NOT_FOR_PUBLICATION = Pattern.compile(
            "(?i)^(?:\\*\\s*){3,}$|^.{0,20}(?:not\\s+(?:intended\\s+)?for\\s+publication|nicht\\s+zur\\s+Ver(?:ö|oe)ffentlichung"
                    + "|pas\\s+pour\\s+publication|no\\s+para\\s+(?:su\\s+)?publicaci(?:ó|o)n|प्रकाशन\\s+के\\s+लिए\\s+नहीं).*");
    private static final int HEADLINE_LINES = 3;

    private IptcFront() {}

    /** Reads the header: its first line as the standard header, later lines as keyword or signal lines. */
    static Iptc7901Parser.Header header(List<String> lines, Instant near) {
        List<String> rest = new ArrayList<>();
        String first = null;
        for (String l : lines) {
            String t = l.strip();
            if (t.isEmpty()) continue;
            if (first == null) first = t;
            else rest.add(t);
        }
        Iptc7901Parser.Header h = Iptc7901Parser.header(first == null ? "" : first, near);
        List<String> slug = new ArrayList<>(h.slug);
        for (String line : rest) {
            HeadlineSignals.Signals s = HeadlineSignals.line(line);
            if (s.any()) {
                apply(s, h);
                continue;
            }
            Iptc7901Parser.Header more = new Iptc7901Parser.Header();
            Iptc7901Parser.header(line.replaceAll("/+$", ""), more);
            if (more.advisory != null && h.advisory == null) h.advisory = more.advisory;
            if (more.corrected) h.corrected = true;
            h.lead = Math.max(h.lead, more.lead);
            if (more.urgency != null) h.urgency = h.urgency == null ? more.urgency : Math.min(h.urgency, more.urgency);
            slug.addAll(more.slug);
        }
        h.slug.clear();
        h.slug.addAll(slug);
        return h;
    }

    /**
     * The headline: the first lines up to a blank line, an {@code =} ending, a byline or the dateline
     * (at most three; one when none of these closes them), with its signal words read into the header;
     * a byline line under it; the index where the body begins.
     */
    static Front front(List<String> lines, Iptc7901Parser.Header h) {
        int i = 0;
        while (i < lines.size() && (lines.get(i).isBlank() || HeadlineSignals.line(lines.get(i)).any())) {
            apply(HeadlineSignals.line(lines.get(i)), h);
            i++;
        }
        int start = i;
        List<String> head = new ArrayList<>();
        boolean closed = false;
        String byline = null;
        boolean bylineSeen = false;
        for (; i < lines.size() && head.size() < HEADLINE_LINES; i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                closed = true;
                break;
            }
            if (!head.isEmpty() && Bylines.isBylineLine(l)) {
                closed = true;
                break;
            }
            if (!head.isEmpty() && (WireCopy.indented(l) || WireDatelines.read(l).isPresent())) {
                closed = !WireCopy.indented(l);
                break;
            }
            head.add(l.strip().replaceAll("\\s*=+$", ""));
            if (l.strip().endsWith("=")) {
                closed = true;
                i++;
                break;
            }
        }
        if (!closed && head.size() > 1) {
            head = head.subList(0, 1);
            i = start + 1;
        }
        // A byline under the headline, maybe after a blank line.
        int j = i;
        while (j < lines.size() && lines.get(j).isBlank() && j - i < 2) j++;
        if (j < lines.size() && Bylines.isBylineLine(lines.get(j)) && !WireCopy.indented(lines.get(j))) {
            byline = Bylines.names(lines.get(j));
            bylineSeen = true;
            i = j + 1;
        }
        String headline = Text.blankToNull(String.join(" ", head).strip());
        if (headline != null) {
            HeadlineSignals.Signals s = HeadlineSignals.read(headline);
            apply(s, h);
            headline = s.rest();
        }
        return new Front(headline, bylineSeen ? byline : null, i);
    }

    /** The index of the line from which the text is not for publication, or -1. */
    static int notForPublication(List<String> body) {
        for (int i = 0; i < body.size(); i++) {
            if (NOT_FOR_PUBLICATION.matcher(body.get(i).strip()).matches()) return i;
        }
        return -1;
    }

    /** The dateline's place and its state or country, from the body's first line. */
    static void dateline(List<String> body, NewsItem.Builder item) {
        for (String l : body) {
            if (l.isBlank()) continue;
            WireDatelines.read(l.strip()).ifPresent(d -> {
                item.located = d.located();
                item.places = new ArrayList<>(d.places());
            });
            return;
        }
    }

    private static void apply(HeadlineSignals.Signals s, Iptc7901Parser.Header h) {
        if (s.correction()) h.corrected = true;
        if (s.lead() > 0) h.lead = Math.max(h.lead, s.lead());
        if (s.urgency() != null) h.urgency = h.urgency == null ? s.urgency() : Math.min(h.urgency, s.urgency());
    }
}
