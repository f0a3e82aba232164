package org.taar.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.item.KillSignal;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.item.PubStatus;
import org.taar.text.KillWords;

/**
 * ANPA 1312 as the AP sends it: SYN SYN SOH, a header, STX, selector codes, a keyword line
 * ({@code a0123 4 a BC-US--Election-Results, 1st Ld-Writethru,0634}), {@code ^}-marked headline,
 * editor's note and byline lines, the body, end lines and ETX. Writethrus and corrections of one
 * keyword share a uri with growing versions; takes of one story in one file become one item.
 */
public final class Anpa1312Parser implements FormatParser {
    public static final String NAME = "anpa1312";

    /** Service level, story number, priority, category, then the keyword with its modifiers. */
    private static final Pattern KEY_LINE = Pattern.compile(
            "\\^?\\s*([a-z])(\\d{3,4})\\s+([0-9a-zA-Z])\\s+([a-zA-Z]{1,2})\\s+((?:BC|AM|PM)-\\S.*?)\\s*[<=]*");
    /**
     * A keyword line without the selector prefix, as the text repeats it ({@code ^BC-LT--Argentina-Cancer Beauty,466<},
     * {@code ^*9006< ^AP-Top-Entertainment-Headlines,0176<}): the keyword, its modifiers, the word count.
     */
    private static final Pattern BC_LINE = Pattern.compile(
            "\\^?\\s*(?:\\*\\d+<\\s*\\^)?\\s*((?:BC|AP)-[A-Za-z0-9][^,<=]{0,60}(?:,[^<=]*)?)\\s*[<=]*");
    /** A keyword line that alone, without control characters, shows a file is ANPA: no spaces before its comma. */
    private static final Pattern BC_STRICT = Pattern.compile("\\^?\\s*(BC-[A-Za-z0-9]\\S*(?:,.*?)?)\\s*[<=]*");
    /**
     * The header's second line (ANPA 1312: priority, category, format identifier, keyword, version, reference
     * date, word count): {@code r z BC-BKN--Heat-Hawks 1stLd-Writethru   02-20 0500}.
     */
    private static final Pattern HEADER_LINE = Pattern.compile(
            "([a-zA-Z])\\s+([a-zA-Z]{1,2})\\s+((?:BC|AM|PM|AP)-\\S+)(?:\\s+(.*?))?\\s+(\\d{1,2})-(\\d{1,2})(?:\\s+(\\d{1,5}))?\\s*");
    private static final Pattern SLUG_REFERENCE = Pattern.compile("\\b((?:BC|AM|PM)-[A-Za-z0-9]+(?:-{1,2}[A-Za-z0-9]+)*)");

    private static final Pattern WRITETHRU = Pattern.compile(
            "(?i)(?:(\\d{1,2})(?:st|nd|rd|th)\\s*)?(?:Ld[- ]?Writethru|Writethru|Ld\\b)");
    private static final Pattern CORRECTION = Pattern.compile("(?i)\\bcorrect(?:ion|ive|ed|s)?\\b");
    private static final Pattern TAKE = Pattern.compile(
            "(?i)\\btake\\s*(\\d{1,2})\\b|\\b(\\d{1,2})(?:st|nd|rd|th)\\s+take\\b|\\b(?:(\\d{1,2})(?:st|nd|rd|th)\\s+)?add\\b");
    /** An advisory word in a keyword modifier ({@code BC-US--Storm, Kill}), in any case; AP's words only. */
    private static final Pattern ADVISORY = Pattern.compile(
            "(?i)\\b(" + KillWords.MANDATORY_KILL + "|" + KillWords.either(KillWords.AP) + ")\\b");
    /** An advisory opening the text, in capitals as the AP sends it. */
    private static final Pattern TEXT_ADVISORY = Pattern.compile(
            "^\\^?\\s*(?:URGENT\\W*)?(?:ADVISORY\\W*)?(" + KillWords.MANDATORY_KILL + "|" + KillWords.either(KillWords.AP) + ")\\b");
    private static final Pattern URGENCY = Pattern.compile("(?i)\\b(flash|APNewsAlert|bulletin|urgent)\\b");
    private static final Pattern WORD_COUNT = Pattern.compile("\\d{2,5}");

    private static final Pattern EDS = Pattern.compile("(?i)^(?:Eds|Ed's|Editors?|EDITOR'S NOTE|Editor's Note)\\s*:\\s*(.*)");
    /** Selector codes before the text: one short token, no {@code ^}. */
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9]{1,12}");
    private static final Pattern DATELINE = Pattern.compile(
            "\\((?:AP)\\)\\s*(?:--|_|\u2014|-)|^[A-Z][A-Z .'-]{2,}(?:,\\s*[A-Z][A-Za-z. ]+)?\\s*(?:--|_|\u2014)\\s");
    private static final Pattern END_STAMP = Pattern.compile(
            "AP-[A-Z]{2,3}-(\\d{2})-(\\d{2})-(\\d{2}|\\d{4})\\s+(\\d{2})(\\d{2})\\s*([A-Z]{3})?");
    private static final Pattern END_LINE = Pattern.compile(
            "(?i)\\(AP\\)|\\(?(?:MORE|END|ENDS)\\)?|-?0-|x{3,}|[a-z]{2,4}(?:/[a-z]{2,4})+|\\(?Copyright\\b.*|[<=]+");
    private static final Map<String, Integer> US_ZONES = Map.of("GMT", 0, "UTC", 0, "EDT", -4, "EST", -5, "CDT", -5,
            "CST", -6, "MDT", -6, "MST", -7, "PDT", -7, "PST", -8);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(byte[] content) {
        if (Text.containsNul(content)) return false;
        int start = Text.bomLength(content);
        boolean soh = false;
        for (int i = start; i < Math.min(content.length, start + 64); i++) {
            if (content[i] == WireCopy.SOH) {
                soh = true;
                break;
            }
        }
        String head = new String(content, start, Math.min(content.length - start, 2048), WireCopy.WINDOWS_1252);
        List<String> lines = WireCopy.lines(head);
        int checked = 0;
        for (String line : lines) {
            if (line.isBlank()) continue;
            if (++checked > 8) break;
            if (soh && KEY_LINE.matcher(line.strip()).matches()) return true;
            if (soh && HEADER_LINE.matcher(line.strip()).matches()) return true;
            if (BC_STRICT.matcher(line.strip()).matches()) return true;
        }
        return false;
    }

    /** One message as read, before takes are joined. */
    static final class Message {
        String where;
        String slug;
        int writethru;
        boolean correction;
        int take = 1;
        String advisory;
        String advisoryTarget;
        Integer urgency;
        String category;
        String headline;
        String subheadline;
        String summary;
        String byline;
        boolean bylineSeen;
        String headerDate;
        String located;
        List<Place> places = List.of();
        final List<String> ednotes = new ArrayList<>();
        final List<String> body = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        Instant stamp;
        String stampDay;

        int version() {
            return 1 + writethru + (correction ? 1 : 0);
        }
    }

    @Override
    public ParseResult parse(byte[] content, ParseContext ctx) throws ParseException {
        List<WireCopy.Frame> frames = WireCopy.frames(content);
        if (frames.isEmpty()) {
            // Copy with its control characters stripped by some relay: the whole file is one message.
            int from = Text.bomLength(content);
            frames = List.of(new WireCopy.Frame(1, 1, from, from, from, content.length, content.length, content.length,
                    false, true, false));
        }
        List<String> warnings = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        String lastProblem = null;
        for (WireCopy.Frame f : frames) {
            String where = "message " + f.number() + " (line " + f.line() + ")";
            try {
                messages.add(message(content, f, where, ctx, warnings));
            } catch (ParseException e) {
                lastProblem = where + ": " + e.getMessage();
                warnings.add(lastProblem);
            }
        }
        if (messages.isEmpty()) {
            throw new ParseException(frames.size() == 1 ? lastProblem
                    : "no usable message among " + frames.size() + "; last: " + lastProblem);
        }

        List<NewsItem.Builder> items = new ArrayList<>();
        Map<String, NewsItem.Builder> stories = new HashMap<>();
        Instant near = ctx == null ? null : ctx.receivedAt();
        String source = ctx == null ? null : ctx.source();
        for (Message m : messages) {
            String storyKey = m.slug == null ? null : m.slug.toLowerCase(Locale.ROOT) + "\n" + m.version();
            if (m.take > 1 && m.advisory == null) {
                NewsItem.Builder story = storyKey == null ? null : stories.get(storyKey);
                if (story != null) {
                    String more = WireCopy.paragraphs(m.body);
                    if (more != null) story.bodyHtml = story.bodyHtml == null ? more : story.bodyHtml + more;
                    if (!m.ednotes.isEmpty()) story.ednote = join(story.ednote, String.join(" ", m.ednotes));
                    story.warnings.addAll(m.warnings);
                    continue;
                }
            }
            NewsItem.Builder item = NewsItem.builder();
            item.warnings.addAll(m.warnings);
            item.agency = "AP";
            item.section = m.category;
            item.urgency = m.urgency;
            item.slugline = m.slug;
            item.byline = m.byline;
            item.ednote = m.ednotes.isEmpty() ? null : String.join(" ", m.ednotes);
            item.version = m.version();
            item.firstCreated = m.stamp != null ? m.stamp : headerDay(m.headerDate, near);
            item.versionCreated = item.firstCreated;
            item.headline = m.headline;
            item.subheadline = m.subheadline;
            item.summary = m.summary;
            item.located = m.located;
            item.places = new ArrayList<>(m.places);
            item.subjects = new ArrayList<>(WireCategories.anpa(m.category, m.slug));
            item.bodyHtml = WireCopy.paragraphs(m.body);
            item.correction = m.correction;
            String day = m.stampDay != null ? m.stampDay : WireCopy.day(item.firstCreated, ZoneOffset.UTC);
            String key = m.slug == null ? null : "slug\n" + m.slug.toLowerCase(Locale.ROOT);
            if (m.advisory != null) {
                item.pubstatus = PubStatus.CANCELED;
                String target = m.advisoryTarget;
                key = target == null ? null : "slug\n" + target.toLowerCase(Locale.ROOT);
                item.kill = target == null ? KillSignal.unnamed(m.advisory) : KillSignal.slug(m.advisory, target);
                item.warn(item.kill.describe());
                if (item.headline == null) item.headline = m.advisory + (target == null ? "" : " " + target);
                if (target != null) item.slugline = target;
            } else if (m.take > 1) {
                // A fragment on its own must not replace or pose as the story: its own uri, held for the desk.
                key = key == null ? null : key + "\ntake " + m.take;
                item.pubstatus = PubStatus.WITHHELD;
                item.warn("take " + m.take + " of " + (m.slug == null ? "an unnamed story" : m.slug)
                        + " without its first take in this file; held for the desk");
                if (item.headline == null) item.headline = (m.slug == null ? "Untitled" : m.slug) + " (take " + m.take + ")";
            }
            if (item.headline == null) {
                warnings.add(m.where + ": no headline");
                continue;
            }
            if (m.slug == null) item.warn("no keyword line; uri derived from the headline");
            item.language = WireCopy.language(item.headline);
            item.uri = Text.derivedUri(source, NAME + "\nAP\n" + (key != null ? key : "headline\n" + item.headline), day);
            items.add(item);
            if (storyKey != null && m.advisory == null && m.take == 1) stories.putIfAbsent(storyKey, item);
        }
        if (items.isEmpty()) throw new ParseException("no usable message: " + warnings.get(warnings.size() - 1));
        return new ParseResult(NAME, items.stream().map(NewsItem.Builder::build).toList(), warnings);
    }

    private static Message message(byte[] b, WireCopy.Frame f, String where, ParseContext ctx, List<String> fileWarnings)
            throws ParseException {
        Message m = new Message();
        m.where = where;
        List<String> header = WireCopy.lines(WireCopy.decode(b, f.headerFrom(), f.headerTo(), where + " header", fileWarnings));
        List<String> lines = new ArrayList<>(WireCopy.lines(WireCopy.decode(b, f.textFrom(), f.textTo(), where, fileWarnings)));
        String trailer = WireCopy.decode(b, f.trailerFrom(), f.trailerTo(), where + " trailer", fileWarnings);

        // The keyword: in the header (cut to its field's width), and repeated whole among the first text lines.
        boolean inHeader = false;
        for (String h : header) inHeader = inHeader || keyLine(h.strip(), m) || headerLine(h.strip(), m);
        int seen = 0;
        for (int i = 0; i < lines.size() && seen < 6; i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) continue;
            seen++;
            if (END_STAMP.matcher(l.replaceAll("[<=]+$", "")).matches()) break;
            if (keyLine(l, m)) {
                lines.subList(0, i + 1).clear();
                break;
            }
            if (inHeader && !SELECTOR.matcher(l).matches()) break;
        }
        if (!f.hasStx() && !f.hasSoh()) throw new ParseException("no STX");
        if (!f.hasStx()) {
            if (m.advisory == null) throw new ParseException("no STX: header without text");
        }
        if (f.hasStx() && !f.hasEtx() && f.hasSoh()) m.warnings.add("no ETX: text taken to the next message or the end of the file");

        // Trailing end lines, and the time stamp they carry.
        for (String t : WireCopy.lines(trailer)) stamp(t.strip(), m);
        while (!lines.isEmpty()) {
            String last = lines.get(lines.size() - 1).strip();
            if (!last.isEmpty() && !stamp(last, m) && !END_LINE.matcher(last).matches()) break;
            if (last.matches("(?i)\\(?MORE\\)?")) m.warnings.add("text continues in a later take (MORE)");
            lines.remove(lines.size() - 1);
        }
        // Paragraph ends marked with '<' (quad left) read like '='.
        lines.replaceAll(l -> l.endsWith("<") ? l.replaceAll("<+$", "=") : l);
        while (!lines.isEmpty() && (lines.get(0).isBlank() || SELECTOR.matcher(lines.get(0).strip()).matches())) {
            lines.remove(0);
        }

        if (m.advisory == null) {
            for (int i = 0, n = 0; i < lines.size() && n < 3; i++) {
                if (lines.get(i).isBlank()) continue;
                n++;
                Matcher adv = TEXT_ADVISORY.matcher(lines.get(i).strip());
                if (adv.find()) {
                    m.advisory = KillWords.spelled(adv.group(1));
                    break;
                }
            }
        }
        if (m.advisory != null) {
            // The story withdrawn: named in the text when the keyword line names the advisory itself.
            String named = null;
            for (String l : lines.subList(0, Math.min(8, lines.size()))) {
                Matcher r = SLUG_REFERENCE.matcher(l);
                while (named == null && r.find()) {
                    if (!ADVISORY.matcher(r.group(1)).find()) named = stripSlug(r.group(1));
                }
            }
            boolean slugIsAdvisory = m.slug != null && (ADVISORY.matcher(m.slug).find() || m.slug.matches("(?i).*advis.*"));
            m.advisoryTarget = m.slug != null && !slugIsAdvisory ? m.slug : named;
        } else if (lines.isEmpty() || lines.stream().allMatch(String::isBlank)) {
            throw new ParseException(f.hasStx() ? "no text after STX" : "no STX: header without text");
        }

        int i = m.take > 1 ? takeFront(lines, m) : AnpaFront.read(lines, m);
        // A '^' in the text marks a line set apart (a table's heading), not a character of it.
        for (String l : lines.subList(i, lines.size())) m.body.add(l.stripLeading().startsWith("^") ? l.replaceFirst("\\^", "") : l);
        AnpaFront.afterBody(m);
        return m;
    }

    /** Reads a keyword line into the message; false when the line is none. */
    private static boolean keyLine(String line, Message m) {
        String keyword;
        Matcher full = KEY_LINE.matcher(line);
        if (full.matches()) {
            m.urgency = Iptc7901Parser.urgency(full.group(3));
            m.category = full.group(4);
            keyword = full.group(5);
        } else {
            Matcher bc = BC_LINE.matcher(line);
            if (!bc.matches()) return false;
            keyword = bc.group(1);
        }
        List<String> parts = new ArrayList<>();
        for (String p : keyword.split(",")) parts.add(p.strip());
        if (parts.size() > 1 && WORD_COUNT.matcher(parts.get(parts.size() - 1)).matches()) parts.remove(parts.size() - 1);
        m.slug = stripSlug(parts.get(0));
        if (m.slug.isEmpty()) m.slug = null;
        for (String mod : parts.subList(1, parts.size())) modifier(mod, m);
        return true;
    }

    /** Reads the header's second line (priority, category, keyword, version, date); false when the line is none. */
    private static boolean headerLine(String line, Message m) {
        Matcher h = HEADER_LINE.matcher(line);
        if (!h.matches()) return false;
        m.urgency = Iptc7901Parser.urgency(h.group(1));
        m.category = h.group(2);
        if (m.slug == null) m.slug = stripSlug(h.group(3));
        if (h.group(4) != null) modifier(h.group(4), m);
        m.headerDate = h.group(5) + "-" + h.group(6);
        return true;
    }

    private static String stripSlug(String s) {
        return s.strip().replaceAll("[<=^]+$", "").strip();
    }

    private static void modifier(String mod, Message m) {
        Matcher adv = ADVISORY.matcher(mod);
        if (adv.find() && m.advisory == null) m.advisory = KillWords.spelled(adv.group(1));
        Matcher wt = WRITETHRU.matcher(mod);
        if (wt.find()) m.writethru = Math.max(m.writethru, wt.group(1) == null ? 1 : Integer.parseInt(wt.group(1)));
        if (CORRECTION.matcher(mod).find()) m.correction = true;
        Matcher take = TAKE.matcher(mod);
        if (take.find()) {
            if (take.group(1) != null) m.take = Integer.parseInt(take.group(1));
            else if (take.group(2) != null) m.take = Integer.parseInt(take.group(2));
            else m.take = take.group(3) == null ? 2 : Integer.parseInt(take.group(3)) + 1;
        }
        Matcher u = URGENCY.matcher(mod);
        while (u.find()) {
            String w = u.group(1).toLowerCase(Locale.ROOT);
            int level = w.equals("flash") || w.equals("apnewsalert") ? 1 : w.equals("bulletin") ? 2 : 3;
            m.urgency = m.urgency == null ? level : Math.min(m.urgency, level);
        }
    }

    /** Reads an end line with a time stamp ({@code AP-NY-07-12-25 1619GMT}); false when the line is none. */
    private static boolean stamp(String line, Message m) {
        Matcher s = END_STAMP.matcher(line.replaceAll("[<=]+$", "").strip());
        if (!s.matches()) return false;
        if (m.stamp != null) return true;
        try {
            int year = Integer.parseInt(s.group(3));
            if (year < 100) year += 2000;
            LocalDateTime local = LocalDateTime.parse(String.format(Locale.ROOT, "%04d-%s-%sT%s:%s",
                    year, s.group(1), s.group(2), s.group(4), s.group(5)));
            Integer offset = US_ZONES.get(s.group(6) == null ? "GMT" : s.group(6));
            if (offset == null) {
                m.warnings.add("time zone '" + s.group(6) + "' of the end line unknown; read as GMT");
                offset = 0;
            }
            m.stamp = local.toInstant(ZoneOffset.ofHours(offset));
            m.stampDay = WireCopy.day(m.stamp, ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            m.warnings.add("end line '" + line + "' has no valid date; ignored");
        }
        return true;
    }

    /** A later take: a repeated keyword, {@code ^} lines (a headline for a lone take) and notes, then text. */
    private static int takeFront(List<String> lines, Message m) {
        int i = 0;
        while (i < lines.size()) {
            String raw = lines.get(i);
            String line = clean(raw);
            if (line.isEmpty()) {
                i++;
                continue;
            }
            Matcher eds = EDS.matcher(line);
            if (line.startsWith("BC-")) {
                i++;
            } else if (eds.matches()) {
                m.ednotes.add(eds.group(1).strip());
                i++;
            } else if (raw.stripLeading().startsWith("^") && !DATELINE.matcher(line).find()) {
                if (m.headline == null) m.headline = line;
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** A front-matter line without its marks: {@code ^}, indentation, {@code <} and {@code =} endings. */
    private static String clean(String raw) {
        String s = raw.strip();
        if (s.startsWith("^")) s = s.substring(1);
        return s.replaceAll("[<=]+$", "").strip();
    }

    /** The header's reference date (month and day) when the message has no stamp and it is not the day it came. */
    private static Instant headerDay(String monthDay, Instant near) {
        if (monthDay == null || near == null) return near;
        String[] md = monthDay.split("-");
        String day = String.format(Locale.ROOT, "%02d%02d", Integer.parseInt(md[0]), Integer.parseInt(md[1]));
        if (WireCopy.day(near, ZoneOffset.UTC).endsWith(day.substring(0, 2) + "-" + day.substring(2))) return near;
        Instant t = WireCopy.stamp(day + "0000", ZoneOffset.UTC, near);
        return t == null ? near : t;
    }

    private static String join(String a, String b) {
        return a == null ? b : a + " " + b;
    }
}
