package org.taar.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.item.PubStatus;
import org.taar.item.NewsItem;
import org.taar.text.HeadlineSignals;

/**
 * Taar's plain-text format for agency copy: an optional block of {@code Key: Value} header lines
 * ended by a blank line, then the body. Without a header, the first non-empty line is the headline.
 */
public final class WireTextParser implements FormatParser {
    public static final String NAME = "wiretext";

    /** Header keys as they may be written (lower case) to the field they fill. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("headline", "headline"), Map.entry("subheadline", "subheadline"),
            Map.entry("summary", "summary"), Map.entry("section", "section"), Map.entry("tags", "tags"),
            Map.entry("agency", "agency"), Map.entry("uri", "uri"), Map.entry("id", "uri"),
            Map.entry("version", "version"), Map.entry("status", "status"), Map.entry("embargo", "embargo"),
            Map.entry("byline", "byline"), Map.entry("urgency", "urgency"), Map.entry("language", "language"),
            Map.entry("created", "created"), Map.entry("updated", "updated"), Map.entry("located", "located"),
            Map.entry("slugline", "slugline"), Map.entry("ednote", "ednote"));

    /** A header line: a short Latin key, a colon, a value. Hindi text with a colon never matches. */
    /** A credit line ending the text: a dash, then a short name. */
    private static final Pattern END_CREDIT = Pattern.compile("^(?:--|[-\u2013\u2014])\\s*\\S.{0,40}$");
    private static final Pattern HEADER = Pattern.compile("^([A-Za-z][A-Za-z0-9_-]{0,30})[ \\t]*:(.*)$");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        int first = Text.firstNonSpace(content);
        if (first < 0) return false;
        byte c = content[first];
        if (c == '{' || c == '[' || c == '<') return false;
        return !Text.containsNul(content) && Text.invalidUtf8Offset(content) < 0;
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        String text = Text.decodeUtf8(content);
        if (text.isBlank()) throw new ParseException("empty file");
        List<String> lines = List.of(text.split("\r\n|\r|\n", -1));

        NewsItem.Builder item = NewsItem.builder();
        Map<String, String> header = new LinkedHashMap<>();
        int first = 0;
        while (lines.get(first).isBlank()) first++;
        int bodyStart = readHeader(lines, first, header, item);

        String headline = header.get("headline");
        if (bodyStart == first) {
            // No header block: the first non-empty line is the headline.
            headline = lines.get(bodyStart).strip();
            bodyStart++;
        }
        if (headline == null || headline.isBlank()) throw new ParseException("no headline");
        HeadlineSignals.Signals signals = HeadlineSignals.read(headline.strip());
        item.headline = signals.rest();

        // A byline line under the headline ("By X", "— संवाददाता"), before the dateline paragraph.
        String bylineLine = null;
        int j = bodyStart;
        while (j < lines.size() && lines.get(j).isBlank() && j - bodyStart < 2) j++;
        if (j < lines.size() && Bylines.isBylineLine(lines.get(j)) && WireDatelines.read(lines.get(j)).isEmpty()) {
            bylineLine = lines.get(j);
            bodyStart = j + 1;
        }
        List<String> body = new ArrayList<>(lines.subList(bodyStart, lines.size()));
        // A desk's credit at the end ("— संवाददाता") is a byline; an agency's sign-off stays as sent.
        int last = body.size() - 1;
        while (last >= 0 && body.get(last).isBlank()) last--;
        if (bylineLine == null && last > 0 && END_CREDIT.matcher(body.get(last).strip()).matches()
                && Bylines.names(body.get(last)) != null) {
            bylineLine = body.remove(last);
        }

        fill(item, header, ctx);
        if (item.byline == null && bylineLine != null) item.byline = Bylines.names(bylineLine);
        signals(item, signals, header.containsKey("version"));
        item.bodyHtml = Text.paragraphs(String.join("\n", body));
        if (item.located == null) {
            for (String l : body) {
                if (l.isBlank()) continue;
                WireDatelines.read(l).ifPresent(d -> {
                    item.located = d.located();
                    item.places = new ArrayList<>(d.places());
                });
                break;
            }
        }
        return new ParseResult(NAME, List.of(item.build()), List.of());
    }

    /** What the headline's signal words say, where the header says nothing else. */
    private static void signals(NewsItem.Builder item, HeadlineSignals.Signals s, boolean versionGiven) {
        if (s.correction()) item.correction = true;
        if (s.urgency() != null && item.urgency == null) item.urgency = s.urgency();
        if (!versionGiven) item.version = 1 + s.lead() + (s.correction() ? 1 : 0);
    }

    /**
     * Reads the header block into {@code header} (field to value) if the first non-empty line starts
     * one, and returns the index of the first body line ({@code first} when there is no header).
     */
    private static int readHeader(List<String> lines, int first, Map<String, String> header, NewsItem.Builder item) {
        if (knownKey(lines.get(first)) == null) return first;
        int i = first;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) return i + 1;
            Matcher m = HEADER.matcher(line.strip());
            if (!m.matches()) {
                // A header that runs straight into the body: keep the line as body rather than lose it.
                item.warn("header block not ended by a blank line before line " + (i + 1));
                return i;
            }
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String field = KEYS.get(key);
            if (field == null) {
                item.warn("unknown header '" + m.group(1) + "' ignored");
                continue;
            }
            if (header.put(field, m.group(2).strip()) != null) {
                item.warn("header '" + m.group(1) + "' repeated; the last one counts");
            }
        }
        return i;
    }

    private static String knownKey(String firstLine) {
        Matcher m = HEADER.matcher(firstLine.strip());
        return m.matches() ? KEYS.get(m.group(1).toLowerCase(Locale.ROOT)) : null;
    }

    private static void fill(NewsItem.Builder item, Map<String, String> h, ParseContext ctx) {
        item.subheadline = Text.blankToNull(h.get("subheadline"));
        item.summary = Text.blankToNull(h.get("summary"));
        item.section = Text.blankToNull(h.get("section"));
        item.agency = Text.blankToNull(h.get("agency"));
        item.byline = h.get("byline") == null ? null : Bylines.names(h.get("byline"));
        item.language = Text.blankToNull(h.get("language"));
        item.located = Text.blankToNull(h.get("located"));
        item.slugline = Text.blankToNull(h.get("slugline"));
        item.ednote = Text.blankToNull(h.get("ednote"));
        item.tags = tags(h.get("tags"));

        String version = Text.blankToNull(h.get("version"));
        if (version != null) {
            try {
                item.version = Integer.parseInt(version);
                if (item.version < 0) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                item.version = 1;
                item.warn("version '" + version + "' is not a whole number; using 1");
            }
        }

        String status = Text.blankToNull(h.get("status"));
        if (status != null) {
            try {
                item.pubstatus = PubStatus.parse(status);
                // "corrected" is usable copy that also says the agency corrected it.
                if (status.toLowerCase(java.util.Locale.ROOT).startsWith("correct")) item.correction = true;
            } catch (IllegalArgumentException e) {
                // An unreadable status might be a kill: hold the item for the desk rather than publish it.
                item.pubstatus = PubStatus.WITHHELD;
                item.warn("unknown status '" + status + "'; item withheld");
            }
        }

        String urgency = Text.blankToNull(h.get("urgency"));
        if (urgency != null) {
            try {
                int u = Integer.parseInt(urgency);
                if (u < 1 || u > 9) throw new NumberFormatException();
                item.urgency = u;
            } catch (NumberFormatException e) {
                item.warn("urgency '" + urgency + "' is not 1-9; ignored");
            }
        }

        String created = Text.blankToNull(h.get("created"));
        item.firstCreated = date(item, "Created", created);
        item.versionCreated = date(item, "Updated", Text.blankToNull(h.get("updated")));
        String embargo = Text.blankToNull(h.get("embargo"));
        item.embargoed = date(item, "Embargo", embargo);
        if (embargo != null && item.embargoed == null) {
            // Publishing too early breaks the embargo; holding the item is the safe mistake.
            item.pubstatus = PubStatus.WITHHELD;
            item.warn("embargo unreadable; item withheld");
        }
        if (item.firstCreated == null) item.firstCreated = ctx == null ? null : ctx.receivedAt();
        if (item.versionCreated == null) item.versionCreated = item.firstCreated;

        String id = Text.blankToNull(h.get("uri"));
        item.uri = id != null ? Text.uriFor(id)
                : Text.derivedUri(ctx == null ? null : ctx.source(), item.headline, created);
    }

    private static Instant date(NewsItem.Builder item, String key, String value) {
        if (value == null) return null;
        Instant t = Text.parseInstant(value, Text.KOLKATA);
        if (t == null) item.warn(key + " '" + value + "' is not a date-time (ISO-8601 or yyyy-MM-dd HH:mm); ignored");
        return t;
    }

    private static List<String> tags(String value) {
        if (value == null) return new ArrayList<>();
        Set<String> tags = new LinkedHashSet<>();
        for (String t : value.split("[,;]")) {
            if (!t.isBlank()) tags.add(t.strip());
        }
        return new ArrayList<>(tags);
    }
}
