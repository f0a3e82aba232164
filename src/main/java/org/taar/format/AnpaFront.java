package org.taar.format;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.text.HeadlineSignals;

/**
 * The lines of an ANPA 1312 story before its body, as AP sends them: the repeated keyword, the
 * {@code ^}-marked headline, a second headline or the abstract, {@code ^Eds:} notes, picture references,
 * the {@code ^By} byline and the writer's title, then the dateline paragraph, where the body begins.
 */
final class AnpaFront {
    private static final Pattern KEYWORD = Pattern.compile("^(?:\\*\\d+<\\s*\\^?)?(?:BC|AM|PM|AP)-[A-Za-z0-9]");
    private static final Pattern EDS = Pattern.compile(
            "(?i)^\\(?\\s*(?:Eds|Ed's|Editors?|EDITOR'S NOTE|Editor's Note)\\s*(?::|_|--|\u2014)\\s*(.*?)\\)?$");
    private static final Pattern BY = Pattern.compile("(?i)^by\\s+\\S.*");
    private static final Pattern MEDIA = Pattern.compile(
            "(?i)^(?:With\\s+)?AP\\s+(?:Photos?|Video|Graphics?|Audio|Interactive|Images?)\\b.*");
    private static final Pattern CREDIT = Pattern.compile(
            "(?i).*\\b(?:writers?|correspondents?|editors?|reporters?|press|columnist|special to)\\b.*");
    /** An AP dateline: the place, the agency in parentheses, AP's dash; or a city in capitals and a dash. */
    private static final Pattern DATELINE = Pattern.compile(
            "\\((?:AP)\\)\\s*(?:--|_|\u2014|-)|^[A-Z][A-Z .'-]{2,}(?:,\\s*[A-Z][A-Za-z. ]+)?\\s*(?:--|_|\u2014)\\s");
    private static final Pattern DATELINE_DASH = Pattern.compile("^.{2,80}?\\((?:AP)\\)\\s*(?:--|_|\u2014|-)\\s*");
    private static final int HEADLINE_MAX = 200;

    private AnpaFront() {}

    /** Reads the front lines into the message; returns the index of the first body line. */
    static int read(List<String> lines, Anpa1312Parser.Message m) {
        int i = 0;
        while (i < lines.size()) {
            String raw = lines.get(i);
            boolean hat = raw.stripLeading().startsWith("^");
            String line = clean(raw);
            if (line.isEmpty()) {
                i++;
                continue;
            }
            if (DATELINE.matcher(line).find()) break;
            Matcher eds = EDS.matcher(line);
            if (m.headline == null && KEYWORD.matcher(line).find()) {
                i++;
            } else if (eds.matches()) {
                i = ednote(lines, i, eds.group(1), m);
            } else if (MEDIA.matcher(line).matches()) {
                i++;
            } else if (BY.matcher(line).matches() && line.length() <= 120) {
                String names = Bylines.names(line);
                if (names != null) m.byline = m.byline == null ? names : m.byline + ", " + names;
                m.bylineSeen = true;
                i++;
            } else if (m.bylineSeen) {
                // Under the byline only the writer's title or the agency's credit; anything else is text.
                if (!hat || line.length() > 60 || Bylines.names(line) != null && !CREDIT.matcher(line).matches()) break;
                i++;
            } else if (!hat && m.headline != null) {
                break;
            } else if (HeadlineSignals.line(line).any()) {
                apply(HeadlineSignals.line(line), m);
                i++;
            } else if (m.headline == null) {
                if (!hat && WireCopy.indented(raw) || line.length() > HEADLINE_MAX) break;
                HeadlineSignals.Signals s = HeadlineSignals.read(line);
                apply(s, m);
                m.headline = s.rest();
                i++;
            } else if (sentence(line)) {
                if (m.summary != null) break;
                m.summary = line;
                i++;
            } else if (m.subheadline == null && m.summary == null) {
                m.subheadline = line;
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /**
     * What the body tells once it is known: the dateline's place, and for a story sent without a headline
     * line (an AP alert) the headline, from its one paragraph or else from the keyword.
     */
    static void afterBody(Anpa1312Parser.Message m) {
        String first = firstParagraph(m.body);
        if (first != null) {
            WireDatelines.read(first).ifPresent(d -> {
                m.located = d.located();
                m.places = d.places();
            });
        }
        if (m.headline != null || m.advisory != null || m.take > 1) return;
        String alert = first == null ? null : DATELINE_DASH.matcher(first).replaceFirst("").strip();
        if (alert != null && !alert.isEmpty() && alert.length() <= HEADLINE_MAX) {
            m.headline = alert;
            m.warnings.add("no headline line; the first paragraph is the headline");
        } else if (m.slug != null) {
            String words = m.slug.replaceFirst("^(?:BC|AM|PM|AP)-(?:[A-Za-z]{1,4}--)?", "").replace('-', ' ').strip();
            if (!words.isEmpty()) {
                m.headline = words;
                m.warnings.add("no headline line; headline taken from the keyword " + m.slug);
            }
        }
    }

    private static String firstParagraph(List<String> body) {
        StringBuilder p = new StringBuilder();
        for (String raw : body) {
            String l = raw.strip();
            if (l.isEmpty()) {
                if (p.length() > 0) break;
                continue;
            }
            if (p.length() > 0 && WireCopy.indented(raw)) break;
            boolean ends = l.endsWith("=");
            p.append(p.length() > 0 ? " " : "").append(l.replaceAll("=+$", "").strip());
            if (ends) break;
        }
        return p.length() == 0 ? null : p.toString();
    }

    /** An editor's note may wrap: plain, unindented lines continue it. Returns the line after it. */
    private static int ednote(List<String> lines, int i, String start, Anpa1312Parser.Message m) {
        StringBuilder note = new StringBuilder(start);
        String raw = lines.get(i);
        boolean open = !raw.strip().endsWith("=") && !raw.strip().endsWith("<");
        i++;
        while (open && i < lines.size()) {
            String next = lines.get(i);
            String c = clean(next);
            if (c.isEmpty() || next.stripLeading().startsWith("^") || WireCopy.indented(next)
                    || DATELINE.matcher(c).find() || BY.matcher(c).matches() || EDS.matcher(c).matches()) break;
            note.append(' ').append(c);
            open = !next.strip().endsWith("=");
            i++;
        }
        String n = note.toString().replaceAll("\\)$", "").strip();
        if (!n.isBlank()) m.ednotes.add(n);
        return i;
    }

    private static void apply(HeadlineSignals.Signals s, Anpa1312Parser.Message m) {
        if (s.correction()) m.correction = true;
        if (s.lead() > 0) m.writethru = Math.max(m.writethru, s.lead());
        if (s.urgency() != null) m.urgency = m.urgency == null ? s.urgency() : Math.min(m.urgency, s.urgency());
    }

    /** An abstract rather than a second headline: a sentence, or longer than headlines run. */
    private static boolean sentence(String line) {
        return line.length() > 120 || line.matches(".*[.!?\"'\u201D\u2019]$") || line.contains(". ");
    }

    /** A front-matter line without its marks: {@code ^}, indentation, {@code <} and {@code =} endings. */
    static String clean(String raw) {
        String s = raw.strip();
        if (s.startsWith("^")) s = s.substring(1);
        return s.replaceAll("[<=]+$", "").strip();
    }
}
