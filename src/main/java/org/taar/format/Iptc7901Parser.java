package org.taar.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.item.KillSignal;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;
import org.taar.text.HeadlineSignals;
import org.taar.text.KillWords;

/**
 * IPTC 7901 news service text as PTI, UNI, AFP, DPA and others send it: messages framed by
 * SOH header STX text ETX [EOT], several to a file, one item each. The header carries the
 * service identification and message number, a priority, a category code, a word count and
 * optional keywords; the text starts with the headline.
 */
public final class Iptc7901Parser implements FormatParser {
    public static final String NAME = "iptc7901";

    /** Service identification and message number, together ({@code PTI0456}) or apart. */
    private static final Pattern SERVICE_NUMBER = Pattern.compile("([A-Za-z]{2,10})[-_]?(\\d{1,6})");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z]{2,10}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");
    private static final Pattern PRIORITY = Pattern.compile("[0-9]|[fburdFBURD]");
    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z]{1,4}");
    private static final Pattern WORD_COUNT = Pattern.compile("\\d{2,5}");
    private static final Pattern STAMP = Pattern.compile("\\d{6}|\\d{8}");
    private static final Pattern DATE = Pattern.compile("(\\d{1,2})[-./](\\d{1,2})[-./](\\d{2}|\\d{4})");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):?(\\d{2})");

    private static final Set<String> CORRECTIONS = Set.of("CORRECTED", "CORRECTION", "CORRECTS", "CORR", "CORRN",
            "REPEAT", "RPT", "REPEATING");
    private static final Set<String> LEADS = Set.of("LEAD", "LD", "UPDATE", "UPDATED", "WRITETHRU", "NEWLEAD");
    private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(?:ST|ND|RD|TH)");

    /**
     * An advisory opening the text: {@code KILL}, {@code ADVISORY: ELIMINATE ...}, {@code MANDATORY KILL}.
     * The word kept is the advisory word alone, as in the header's keywords ({@code KILL}).
     */
    private static final Pattern TEXT_ADVISORY = Pattern.compile(
            "^(?:[A-Z]+\\s+)?(?:ADVISORY\\W*)?(?:MANDATORY\\s+)?(" + KillWords.either(KillWords.OPENING) + ")\\b");
    /** How an advisory names the story it withdraws. */
    private static final Pattern SLUG_REFERENCE = Pattern.compile(
            "(?i)\\b(?:slug(?:ged)?|keyword|catchline|story)\\s*[:\\-]?\\s*[\"'\u201C\u2018]?([A-Z0-9][A-Z0-9]*(?:-[A-Z0-9]+)+|[A-Z]{3,}[A-Z0-9]*)\\b");
    private static final Pattern ADVISORY_SLUG = Pattern.compile(
            "\\b(?:" + KillWords.either(KillWords.OPENING) + ")\\W+([A-Z0-9]+(?:-[A-Z0-9]+)+)\\b");
    private static final Pattern MESSAGE_REFERENCE = Pattern.compile("(?i)\\b(?:message|msg|item)\\s*(?:no\\.?|number|#)?\\s*([A-Z]{2,10})?(\\d{1,6})\\b");

    /** A desk story code first in the text ({@code DEL34}, {@code BOM12}). */
    private static final Pattern DESK_CODE = Pattern.compile("[A-Z]{2,4}\\d{1,4}");
    /** A keyword repeated as the first text line: capitals, digits and hyphens, no spaces. */
    private static final Pattern SLUG_LINE = Pattern.compile("[A-Z0-9]+(?:-[A-Z0-9]+)+");
    /** Signature lines that end a message: agency and staff initials, maybe a time stamp. */
    private static final Pattern SIGNATURE = Pattern.compile(
            "((?i:PTI|UNI|IANS|ANI|AFP|DPA|REUTERS|XINHUA|HS|BHASHA)|\u092D\u093E\u0937\u093E|\u0935\u093E\u0930\u094D\u0924\u093E|\u092F\u0942\u090F\u0928\u0906\u0908)"
                    + "((?:\\s+(?:[A-Z]{1,4}|[a-z]{2,4}|\\p{IsDevanagari}{1,6})){0,6})(?:\\s+(\\d{6}|\\d{8}))?\\s*=*");
    private static final Pattern END_LINE = Pattern.compile(
            "(?i)\\(?(MORE|END|ENDS|MORE TO COME)\\)?=*|-?0-|x{3,}|NNNN|=+|[a-z]{2,4}(?:/[a-z]{2,4})+"
                    + "|(\\d{6}|\\d{8})(?:\\s+(?:GMT|UTC))?(?:\\s+[A-Za-z]{3}\\s+\\d{2,4})?=*");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        int start = Text.bomLength(content);
        int limit = Math.min(content.length, start + 64);
        int frame = -1;
        for (int i = start; i < limit; i++) {
            if (content[i] == WireCopy.SOH || content[i] == WireCopy.STX) {
                frame = i;
                break;
            }
        }
        // NUL never occurs in wire text; bytes with it are binary that happens to hold a 0x01 or 0x02.
        if (frame < 0 || Text.containsNul(content)) return false;
        for (byte b : content) if (b == WireCopy.ETX) return true;
        if (content[frame] != WireCopy.SOH) return false;
        int stx = -1;
        for (int i = frame + 1; i < Math.min(content.length, frame + 512); i++) {
            if (content[i] == WireCopy.STX) {
                stx = i;
                break;
            }
        }
        if (stx < 0) return false;
        String header = new String(content, frame + 1, stx - frame - 1, WireCopy.WINDOWS_1252).strip();
        String[] tokens = header.split("\\s+");
        return tokens.length >= 2 && (SERVICE_NUMBER.matcher(tokens[0]).matches()
                || SERVICE.matcher(tokens[0]).matches() && NUMBER.matcher(tokens[1]).matches());
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        List<WireCopy.Frame> frames = WireCopy.frames(content);
        if (frames.isEmpty()) {
            throw new ParseException("no IPTC 7901 message: no SOH or STX found (line 1)");
        }
        List<String> warnings = new ArrayList<>();
        List<NewsItem> items = new ArrayList<>();
        String lastProblem = null;
        for (WireCopy.Frame f : frames) {
            String where = "message " + f.number() + " (line " + f.line() + ")";
            try {
                NewsItem item = message(content, f, where, ctx, warnings);
                items.add(item);
            } catch (ParseException e) {
                lastProblem = where + ": " + e.getMessage();
                warnings.add(lastProblem);
            }
        }
        if (items.isEmpty()) {
            throw new ParseException(frames.size() == 1 ? lastProblem
                    : "no usable message among " + frames.size() + "; last: " + lastProblem);
        }
        return new ParseResult(NAME, items, warnings);
    }

    /** What the header said. */
    static final class Header {
        String service;
        String number;
        Integer urgency;
        String category;
        String advisory;
        int lead;
        boolean corrected;
        Instant stamp;
        final List<String> slug = new ArrayList<>();
        /** An agency named among the header's optional words ("dpa"), for a service code that names none. */
        String agency;
    }

    private static NewsItem message(byte[] b, WireCopy.Frame f, String where, ParseContext ctx, List<String> fileWarnings)
            throws ParseException {
        Instant near = ctx == null ? null : ctx.receivedAt();
        String headerText = WireCopy.decode(b, f.headerFrom(), f.headerTo(), where + " header", fileWarnings);
        Header h = IptcFront.header(WireCopy.lines(headerText), near);
        String agency = WireCopy.agency(h.service);
        if (agency == null) agency = h.agency;

        NewsItem.Builder item = NewsItem.builder();
        if (!f.hasStx()) {
            if (h.advisory == null) throw new ParseException("no STX: header without text");
        }
        String text = WireCopy.decode(b, f.textFrom(), f.textTo(), where, fileWarnings);
        List<String> lines = new ArrayList<>(WireCopy.lines(text));
        String trailer = WireCopy.decode(b, f.trailerFrom(), f.trailerTo(), where + " trailer", fileWarnings);
        if (f.hasStx() && !f.hasEtx()) item.warn("no ETX: text taken to the " + (f.trailerTo() >= b.length ? "end of the file" : "next message"));

        // The end: signatures, take markers and time stamps are not body.
        Instant stamp = h.stamp;
        String signatureAgency = null;
        String stampDigits = null;
        for (String t : WireCopy.lines(trailer)) {
            Matcher end = END_LINE.matcher(t.strip());
            if (end.matches() && end.group(2) != null && stampDigits == null) stampDigits = end.group(2);
        }
        while (!lines.isEmpty()) {
            String last = lines.get(lines.size() - 1).strip();
            Matcher sig = SIGNATURE.matcher(last);
            Matcher end = END_LINE.matcher(last);
            if (last.isEmpty()) {
                // padding
            } else if (sig.matches()) {
                signatureAgency = WireCopy.agency(sig.group(1).toUpperCase(Locale.ROOT));
                if (signatureAgency == null) signatureAgency = hindiAgency(sig.group(1));
                if (sig.group(3) != null && stampDigits == null) stampDigits = sig.group(3);
            } else if (end.matches()) {
                if (end.group(1) != null && end.group(1).toUpperCase(Locale.ROOT).startsWith("MORE")) {
                    item.warn("text continues in a later message (MORE)");
                }
                if (end.group(2) != null && stampDigits == null) stampDigits = end.group(2);
            } else {
                break;
            }
            lines.remove(lines.size() - 1);
        }
        if (agency == null) agency = signatureAgency;
        // Resolved only now: a stamp below the signature is in the signing agency's time.
        if (stamp == null && stampDigits != null) stamp = WireCopy.stamp(stampDigits, WireCopy.zoneOf(agency), near);
        while (!lines.isEmpty() && lines.get(0).isBlank()) lines.remove(0);

        // The start: a desk code and a repeated keyword may come before the headline.
        if (!lines.isEmpty() && DESK_CODE.matcher(lines.get(0).strip()).matches()) lines.remove(0);
        while (!lines.isEmpty() && lines.get(0).isBlank()) lines.remove(0);
        if (!lines.isEmpty()) {
            String first = lines.get(0).strip().replaceAll("=+$", "");
            boolean repeatsKeyword = !h.slug.isEmpty() && !normal(first).isEmpty() && normal(first).equals(normal(String.join(" ", h.slug)));
            if (repeatsKeyword || (SLUG_LINE.matcher(first).matches() && lines.size() > 1)) {
                if (h.slug.isEmpty()) header(first, h);
                lines.remove(0);
            }
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) lines.remove(0);

        if (h.advisory == null && !lines.isEmpty()) {
            Matcher adv = TEXT_ADVISORY.matcher(lines.get(0).strip());
            if (adv.find()) h.advisory = adv.group(1).toUpperCase(Locale.ROOT);
        }

        // The headline (its signal words read off), a byline under it, then the body from the dateline.
        IptcFront.Front front = IptcFront.front(lines, h);
        String headline = front.headline();
        List<String> bodyLines = lines.subList(Math.min(front.bodyStart(), lines.size()), lines.size());
        int note = IptcFront.notForPublication(bodyLines);
        String ednote = note < 0 ? null : Text.blankToNull(String.join(" ", bodyLines.subList(note + 1, bodyLines.size()))
                .replaceAll("\\s+", " ").strip());
        if (note >= 0) bodyLines = bodyLines.subList(0, note);

        String slug = h.slug.isEmpty() ? null : String.join(" ", h.slug);
        String storyKey = slug != null ? "slug\n" + normal(slug) : h.number != null ? "msg\n" + h.number : null;
        if (h.advisory != null) {
            item.pubstatus = PubStatus.CANCELED;
            String target = slug;
            if (target == null) target = referencedSlug(lines);
            if (target != null) {
                storyKey = "slug\n" + normal(target);
                item.kill = KillSignal.slug(h.advisory, target);
            } else {
                String msg = referencedMessage(lines);
                storyKey = msg == null ? null : "msg\n" + msg;
                item.kill = msg == null ? KillSignal.unnamed(h.advisory) : KillSignal.message(h.advisory, msg);
            }
            item.warn(item.kill.describe());
            if (headline == null) headline = h.advisory + (target == null ? "" : " " + target);
        } else if (lines.isEmpty()) {
            throw new ParseException(f.hasStx() ? "no text after STX" : "no STX: header without text");
        }
        if (headline == null) throw new ParseException("no headline");

        item.headline = headline;
        item.byline = front.byline();
        item.ednote = ednote;
        item.bodyHtml = WireCopy.paragraphs(bodyLines);
        IptcFront.dateline(bodyLines, item);
        item.subjects = new ArrayList<>(WireCategories.iptc7901(h.category));
        item.agency = agency;
        item.section = Text.blankToNull(h.category);
        item.urgency = h.urgency;
        item.slugline = slug;
        item.language = WireCopy.language(headline);
        item.version = 1 + h.lead + (h.corrected ? 1 : 0);
        item.correction = h.corrected;
        item.firstCreated = stamp != null ? stamp : near;
        item.versionCreated = item.firstCreated;
        if (slug != null) {
            for (String t : slug.split("[\\s,/]+")) if (!t.isBlank() && !item.tags.contains(t)) item.tags.add(t);
        }
        String source = ctx == null ? null : ctx.source();
        String day = WireCopy.day(item.firstCreated, WireCopy.zoneOf(agency));
        String service = h.service == null ? "" : h.service.toUpperCase(Locale.ROOT);
        item.uri = Text.derivedUri(source, NAME + "\n" + service + "\n" + (storyKey != null ? storyKey : "headline\n" + headline), day);
        return item.build();
    }

    /** Reads the header line: service and number, priority, category, word count, then keywords. */
    static Header header(String line, Instant near) {
        Header h = new Header();
        List<String> tokens = new ArrayList<>();
        for (String t : line.strip().split("\\s+")) if (!t.isEmpty()) tokens.add(t);
        int i = 0;
        if (i < tokens.size() && tokens.get(i).equalsIgnoreCase("ZCZC")) i++;
        if (i < tokens.size()) {
            Matcher m = SERVICE_NUMBER.matcher(tokens.get(i));
            if (m.matches()) {
                h.service = m.group(1);
                h.number = m.group(2);
                i++;
            } else if (SERVICE.matcher(tokens.get(i)).matches() && i + 1 < tokens.size()
                    && NUMBER.matcher(tokens.get(i + 1)).matches()) {
                h.service = tokens.get(i);
                h.number = tokens.get(i + 1);
                i += 2;
            } else if (NUMBER.matcher(tokens.get(i)).matches()) {
                h.number = tokens.get(i);
                i++;
            }
        }
        boolean priority = false;
        if (i < tokens.size() && PRIORITY.matcher(tokens.get(i)).matches()
                && (Character.isDigit(tokens.get(i).charAt(0))
                    || i + 1 < tokens.size() && CATEGORY.matcher(tokens.get(i + 1)).matches())) {
            h.urgency = urgency(tokens.get(i));
            priority = true;
            i++;
        }
        if (i < tokens.size() && CATEGORY.matcher(tokens.get(i)).matches()
                && (priority || i + 1 < tokens.size() && WORD_COUNT.matcher(tokens.get(i + 1)).matches())
                && !KillWords.isWord(tokens.get(i))) {
            h.category = tokens.get(i);
            i++;
        }
        if (i < tokens.size() && WORD_COUNT.matcher(tokens.get(i)).matches() && !STAMP.matcher(tokens.get(i)).matches()) i++;
        ZoneId zone = WireCopy.zoneOf(WireCopy.agency(h.service));
        for (; i < tokens.size(); i++) {
            String t = tokens.get(i);
            Matcher date = DATE.matcher(t);
            if (STAMP.matcher(t).matches()) {
                if (h.stamp == null) h.stamp = WireCopy.stamp(t, zone, near);
            } else if (date.matches()) {
                String time = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                Matcher tm = time == null ? null : TIME.matcher(time);
                boolean hasTime = tm != null && tm.matches();
                if (hasTime) i++;
                if (h.stamp == null) h.stamp = dateTime(date, hasTime ? tm : null, zone);
            } else {
                h.slug.add(t);
            }
        }
        if (h.number != null) h.number = String.valueOf(Integer.parseInt(h.number));
        header(String.join(" ", h.slug), h);
        return h;
    }

    /** Takes advisories, version and urgency words out of the keywords; the rest is the slug. */
    static void header(String keywords, Header h) {
        List<String> slug = new ArrayList<>();
        List<String> words = new ArrayList<>(List.of(keywords.strip().split("[\\s,]+")));
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // Hyphen-joined version words at the end of a keyword: ELECTION-RESULTS-CORRECTED.
            List<String> parts = new ArrayList<>(List.of(word.split("-")));
            while (parts.size() > 1 && special(parts.get(parts.size() - 1).toUpperCase(Locale.ROOT))) {
                words.add(i + 1, parts.remove(parts.size() - 1));
            }
            String w = String.join("-", parts);
            String u = w.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
            Matcher ord = ORDINAL.matcher(u);
            if (w.isEmpty()) continue;
            if (KillWords.isWord(u)) {
                if (h.advisory == null) h.advisory = u;
            } else if (KillWords.QUALIFIERS.contains(u)) {
                // part of "MANDATORY KILL" or "ADVISORY: ..."; never the slug
            } else if (CORRECTIONS.contains(u)) {
                h.corrected = true;
            } else if (LEADS.contains(u)) {
                if (h.lead == 0) h.lead = 1;
                if (i + 1 < words.size() && words.get(i + 1).matches("\\d{1,2}")) h.lead = Math.max(h.lead, Integer.parseInt(words.get(++i)));
            } else if (ord.matches() && i + 1 < words.size() && LEADS.contains(words.get(i + 1).toUpperCase(Locale.ROOT))) {
                h.lead = Integer.parseInt(ord.group(1));
                i++;
            } else if (HeadlineSignals.word(u) != null) {
                HeadlineSignals.Word signal = HeadlineSignals.word(u);
                if (signal.kind() == HeadlineSignals.Kind.URGENCY) {
                    h.urgency = h.urgency == null ? signal.level() : Math.min(h.urgency, signal.level());
                } else if (signal.kind() == HeadlineSignals.Kind.CORRECTION) {
                    h.corrected = true;
                } else if (signal.kind() == HeadlineSignals.Kind.LEAD) {
                    h.lead = Math.max(h.lead, 1);
                }
                // A numbered update ("UPDATE 2"): the number is the lead's, not the keyword's.
                if (signal.kind() == HeadlineSignals.Kind.LEAD && i + 1 < words.size() && words.get(i + 1).matches("\\d{1,2}")) {
                    h.lead = Math.max(h.lead, Integer.parseInt(words.get(++i)));
                }
            } else if (slug.isEmpty() && w.matches("\\d{4}")) {
                // A transmission time or sequence among the optional words, no keyword.
            } else if (slug.isEmpty() && WireCopy.agency(w) != null) {
                if (h.agency == null) h.agency = WireCopy.agency(w);
            } else {
                slug.add(w.replaceAll("/+$", ""));
            }
        }
        h.slug.clear();
        h.slug.addAll(slug);
    }

    private static boolean special(String u) {
        return KillWords.isWord(u) || CORRECTIONS.contains(u) || LEADS.contains(u);
    }

    static Integer urgency(String priority) {
        char c = Character.toLowerCase(priority.charAt(0));
        if (Character.isDigit(c)) return c == '0' ? null : c - '0';
        return switch (c) {
            case 'f' -> 1;
            case 'b' -> 2;
            case 'u' -> 3;
            case 'r' -> 4;
            case 'd' -> 5;
            default -> null;
        };
    }

    private static Instant dateTime(Matcher date, Matcher time, ZoneId zone) {
        try {
            int year = Integer.parseInt(date.group(3));
            if (year < 100) year += 2000;
            String iso = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d", year, Integer.parseInt(date.group(2)),
                    Integer.parseInt(date.group(1)), time == null ? 0 : Integer.parseInt(time.group(1)),
                    time == null ? 0 : Integer.parseInt(time.group(2)));
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static String referencedSlug(List<String> lines) {
        for (String l : lines.subList(0, Math.min(6, lines.size()))) {
            Matcher m = ADVISORY_SLUG.matcher(l);
            if (m.find()) return m.group(1);
            m = SLUG_REFERENCE.matcher(l);
            while (m.find()) {
                String s = m.group(1);
                if (!KillWords.isWord(s) && s.equals(s.toUpperCase(Locale.ROOT))) return s;
            }
        }
        return null;
    }

    private static String referencedMessage(List<String> lines) {
        for (String l : lines.subList(0, Math.min(6, lines.size()))) {
            Matcher m = MESSAGE_REFERENCE.matcher(l);
            if (m.find()) return String.valueOf(Integer.parseInt(m.group(2)));
        }
        return null;
    }

    private static String hindiAgency(String signature) {
        return switch (signature) {
            case "\u092D\u093E\u0937\u093E" -> "PTI";
            case "\u0935\u093E\u0930\u094D\u0924\u093E" -> "UNI";
            default -> null;
        };
    }

    /** A keyword as a uri key: upper case, one space between words, no punctuation at the ends. */
    private static String normal(String s) {
        return s.toUpperCase(Locale.ROOT).replaceAll("[\\s,]+", " ").replaceAll("(?U)^\\W+|\\W+$", "");
    }
}
