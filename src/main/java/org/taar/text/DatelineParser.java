package org.taar.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.item.Place;

/**
 * Reads the dateline (place, date, agency) from the start of a story's first paragraph, in the
 * shapes agencies write it: {@code वाशिंगटन, 12 जुलाई (आईएएनएस)।}, {@code नयी दिल्ली, 5 जून (भाषा)},
 * {@code लखनऊ (उत्तर प्रदेश) [भारत], 5 जून (एएनआई):}, {@code NEW DELHI, June 5 (PTI) -},
 * {@code WASHINGTON (AP) —}. That is: a place of a few words, the state and country it lies in
 * (in parentheses, brackets or after commas), an optional date (day and month either way round,
 * optionally the year; Hindi or English month names, Devanagari or ASCII digits), then the agency
 * in parentheses or brackets and a separator. The agency is what makes it a dateline: a sentence
 * with a comma and a date but no agency is never one.
 */
public final class DatelineParser {

    // Agencies put the dateline right at the start; a bracket further in belongs to the story.
    private static final int MAX_AGENCY_OFFSET = 120;
    private static final int MAX_PLACE_WORDS = 4;
    private static final int MAX_QUALIFIERS = 3;
    // A byline, an update time or a repeated headline may stand above the dateline; more lines than this are story.
    private static final int MAX_LINES_BEFORE = 2;
    private static final int MAX_BYLINE_CHARS = 80;
    private static final int MAX_READ = 1000;

    private static final Pattern GROUP = Pattern.compile("[(\\[]([^()\\[\\]]{0,60})[)\\]]");
    // PTI-Bhasha writes small days in words: "नयी दिल्ली, पांच जून (भाषा)".
    private static final String DAY = "(?<day>\\p{Nd}{1,2}|\\p{IsDevanagari}[\\p{L}\\p{M}]*)(?:st|nd|rd|th)?\\.?";
    private static final String MONTH = "(?<month>\\p{L}[\\p{L}\\p{M}]*\\.?)";
    private static final String YEAR = "(?:\\s*,?\\s*(?<year>\\p{Nd}{4}))?";
    private static final List<Pattern> DATES = List.of(
            Pattern.compile("(?:^|[\\s,]+)" + DAY + "\\s*" + MONTH + YEAR + "$"),
            Pattern.compile("(?:^|[\\s,]+)" + MONTH + "\\s*" + DAY + YEAR + "$"));
    // 05.06.2025, 5/6/2025: day first, as Indian desks write it.
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?:^|[\\s,]+)(?<day>\\p{Nd}{1,2})[./-](?<num>\\p{Nd}{1,2})[./-](?<year>\\p{Nd}{4})$");
    private static final Pattern WEEKDAY = Pattern.compile("(?:^|[\\s,]+)(?:(?i:monday|tuesday|wednesday|thursday|friday"
            + "|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\\.?|सोमवार|मंगलवार|बुधवार|गुरुवार|बृहस्पतिवार"
            + "|शुक्रवार|शनिवार|रविवार)$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*(?:--|[-:।|.,—–])");
    // A slash joins the cities of a joint dateline: "JERUSALEM/GAZA", "नयी दिल्ली/मुंबई".
    private static final Pattern PLACE_WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}.'’&/-]*");

    // Words that show the text before the agency is a sentence, not a place.
    private static final Set<String> NOT_PLACE = Set.of("ने", "का", "की", "के", "है", "हैं", "में", "को", "से", "और",
            "कहा", "पर", "था", "थी", "थे", "कि", "यह", "वह", "भी", "लिए", "द्वारा", "हुआ", "हुई", "गई", "किया",
            "दिया", "रहा", "रही", "रहे", "हो", "होगा", "तो", "एक", "the", "said", "says", "and", "of", "in", "to", "by",
            "a", "an", "on", "at", "for", "with", "from", "is", "was", "were", "has", "have", "will", "after", "as",
            "that", "this", "it", "he", "she", "they", "we", "but", "or", "not");
    // Lower-case words a place name may hold between others (Rio de Janeiro, Jammu and Kashmir, जम्मू और कश्मीर).
    private static final Set<String> CONNECTORS = Set.of("de", "da", "do", "del", "la", "le", "es", "el", "al",
            "upon", "sur", "am", "an", "of", "and", "और", "एवं", "व");

    private final Agencies agencies;
    private final Geography geography;
    private final Map<String, Integer> months = new HashMap<>();
    private final Map<String, Integer> dayWords = new HashMap<>();

    public DatelineParser(Agencies agencies, Geography geography) {
        this.agencies = agencies;
        this.geography = geography;
        month(1, "जनवरी", "जनवरि", "january", "jan");
        month(2, "फरवरी", "फ़रवरी", "फरबरी", "फेब्रुअरी", "february", "feb");
        month(3, "मार्च", "march", "mar");
        month(4, "अप्रैल", "अप्रेल", "एप्रिल", "अप्रील", "april", "apr");
        month(5, "मई", "may");
        month(6, "जून", "june", "jun");
        month(7, "जुलाई", "जुलाइ", "जूलाई", "july", "jul");
        month(8, "अगस्त", "august", "aug");
        month(9, "सितंबर", "सितम्बर", "सेप्टेम्बर", "सेप्टेंबर", "september", "sept", "sep");
        month(10, "अक्टूबर", "अक्तूबर", "अक्टुबर", "अक्तुबर", "ऑक्टोबर", "october", "oct");
        month(11, "नवंबर", "नवम्बर", "नवेंबर", "नोव्हेंबर", "november", "nov");
        month(12, "दिसंबर", "दिसम्बर", "डिसेंबर", "december", "dec");
        String[][] days = {{"एक"}, {"दो"}, {"तीन"}, {"चार"}, {"पांच", "पाँच"}, {"छह", "छः", "छै"}, {"सात"}, {"आठ"},
            {"नौ"}, {"दस"}, {"ग्यारह"}, {"बारह"}, {"तेरह"}, {"चौदह"}, {"पंद्रह", "पन्द्रह"}, {"सोलह"}, {"सत्रह"},
            {"अठारह"}, {"उन्नीस"}, {"बीस"}, {"इक्कीस"}, {"बाईस"}, {"तेईस"}, {"चौबीस"}, {"पच्चीस"}, {"छब्बीस"},
            {"सत्ताईस"}, {"अट्ठाईस", "अठाईस"}, {"उनतीस", "उन्तीस"}, {"तीस"}, {"इकतीस", "इकत्तीस"}};
        for (int d = 0; d < days.length; d++) for (String w : days[d]) dayWords.put(monthKey(w), d + 1);
    }

    public DatelineParser(Agencies agencies) {
        this(agencies, Geography.standard());
    }

    public DatelineParser() {
        this(new Agencies());
    }

    /**
     * The dateline in the opening lines of a story's text: on its first line, or below at most two
     * short lines that stand above it (a byline, an update time), never further in.
     */
    public Optional<Dateline> find(String opening) {
        if (opening == null) return Optional.empty();
        int skipped = 0;
        for (String line : opening.split("\n", 64)) {
            if (line.isBlank()) continue;
            Optional<Dateline> d = parse(line);
            if (d.isPresent()) return d;
            if (++skipped > MAX_LINES_BEFORE || !mayStandAbove(line)) return Optional.empty();
        }
        return Optional.empty();
    }

    /** The dateline at the start of the paragraph, or empty when it does not open with one. */
    public Optional<Dateline> parse(String paragraph) {
        if (paragraph == null) return Optional.empty();
        // A dateline is the paragraph's first words: the rest of a long paragraph need not be read.
        String opening = paragraph.length() > MAX_READ ? paragraph.substring(0, MAX_READ) : paragraph;
        String text = spaces(Nfc.of(opening)).stripLeading();
        Matcher group = GROUP.matcher(text);
        group.region(0, Math.min(text.length(), MAX_AGENCY_OFFSET + 62));
        while (group.find() && group.start() <= MAX_AGENCY_OFFSET) {
            Optional<String> agency = agency(group.group(1));
            if (agency.isEmpty()) continue;
            if (group.start() == 0) return Optional.empty();
            Matcher sep = SEPARATOR.matcher(text.substring(group.end()));
            String written = text.substring(0, group.end() + (sep.find() ? sep.end() : 0));
            return head(text.substring(0, group.start()), agency.get(), written);
        }
        return Optional.empty();
    }

    /**
     * The paragraph after its dateline (NFC, as the parser reads it), or the paragraph unchanged when
     * it opens with none: what the story says, without where and when it was filed.
     */
    public String withoutDateline(String paragraph) {
        Optional<Dateline> d = parse(paragraph);
        if (d.isEmpty()) return paragraph;
        String text = spaces(Nfc.of(paragraph)).stripLeading();
        return text.startsWith(d.get().text()) ? text.substring(d.get().text().length()) : paragraph;
    }

    /** Reads what stands before the agency: place, state and country, date. */
    private Optional<Dateline> head(String head, String agency, String written) {
        String rest = trimEnd(head);
        Integer day = null;
        Integer month = null;
        Integer year = null;
        Matcher numeric = NUMERIC_DATE.matcher(rest);
        if (numeric.find()) {
            day = number(numeric.group("day"));
            month = number(numeric.group("num"));
            year = number(numeric.group("year"));
            rest = rest.substring(0, numeric.start());
        } else {
            for (Pattern p : DATES) {
                Matcher m = p.matcher(rest);
                if (m.find() && months.containsKey(monthKey(m.group("month"))) && dayOf(m.group("day")) != null) {
                    day = dayOf(m.group("day"));
                    month = months.get(monthKey(m.group("month")));
                    year = m.group("year") == null ? null : number(m.group("year"));
                    rest = rest.substring(0, m.start());
                    break;
                }
            }
        }
        if (day != null && (day < 1 || day > 31 || month < 1 || month > 12)) return Optional.empty();
        if (year != null && (year < 1900 || year > 2199)) return Optional.empty();

        List<Place> qualifiers = new ArrayList<>();
        // Reuters and AP once wrote the weekday for the date ("MOSCOW, Monday (Reuters)"), some still add it.
        Matcher weekday = WEEKDAY.matcher(trimEnd(rest));
        if (weekday.find()) rest = rest.substring(0, weekday.start());
        rest = trimEnd(rest);
        while (rest.endsWith(")") || rest.endsWith("]")) {
            int open = Math.max(rest.lastIndexOf('('), rest.lastIndexOf('['));
            if (open <= 0) return Optional.empty();
            boolean country = rest.charAt(open) == '[';
            List<Place> inside = qualifiers(rest.substring(open + 1, rest.length() - 1), country);
            if (inside.isEmpty()) return Optional.empty();
            qualifiers.addAll(0, inside);
            rest = trimEnd(rest.substring(0, open));
        }
        // AP and some desks put the state after a comma: "ROCHESTER, Minn." / "पणजी, गोवा".
        String[] parts = rest.split(",");
        String place = collapse(parts[0]);
        if (parts.length > 1) {
            List<Place> afterCommas = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                List<Place> q = qualifiers(parts[i], false);
                // Unbracketed, only a place Taar knows or an AP-style English name ("Minn.", "Italy") is a state or country.
                if (q.isEmpty() || !geography.find(parts[i]).isPresent() && !isLatin(parts[i].strip())) return Optional.empty();
                afterCommas.addAll(q);
            }
            qualifiers.addAll(0, afterCommas);
        }
        if (!isPlace(place) || qualifiers.size() > MAX_QUALIFIERS) return Optional.empty();
        return Optional.of(new Dateline(place, day, month, agency, year, qualifiers, written));
    }

    // "(उत्तर प्रदेश, भारत)" names two places; brackets name the country, parentheses the state unless it is a country.
    private List<Place> qualifiers(String inside, boolean bracketed) {
        List<Place> found = new ArrayList<>();
        for (String part : inside.split(",")) {
            String name = collapse(part);
            if (!isPlace(name) || Folding.words(name).stream().anyMatch(w -> months.containsKey(w))) return List.of();
            boolean country = bracketed || geography.isCountry(name);
            found.add(new Place(name, country ? Place.COUNTRY : Place.STATE));
        }
        return found;
    }

    // Some desks credit two sources, "(आईएएनएस/वीएनएस)"; the first agency we know wins.
    private Optional<String> agency(String inside) {
        for (String part : inside.split("[/|,]")) {
            Optional<String> code = agencies.code(part.strip());
            if (code.isPresent()) return code;
        }
        return Optional.empty();
    }

    private static boolean isPlace(String place) {
        if (place.isEmpty() || place.length() > 40) return false;
        String[] words = place.split(" ");
        if (words.length > MAX_PLACE_WORDS) return false;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String lower = w.toLowerCase(Locale.ROOT);
            if (!PLACE_WORD.matcher(w).matches()) return false;
            if (i > 0 && i < words.length - 1 && CONNECTORS.contains(lower)) continue;
            if (NOT_PLACE.contains(lower)) return false;
            // English places are written capitalised or in capitals; a lower-case Latin word is a sentence's.
            if (isLatin(w) && Character.isLowerCase(w.codePointAt(0))) return false;
        }
        return true;
    }

    // A byline, an update time, a repeated headline: short and not a sentence of the story.
    private static boolean mayStandAbove(String line) {
        String s = line.strip();
        return s.length() <= 40 || s.length() <= MAX_BYLINE_CHARS && !s.contains("।") && !s.endsWith(".");
    }

    private static boolean isLatin(String word) {
        int cp = word.codePointAt(0);
        return cp < 0x250 && Character.isLetter(cp);
    }

    private void month(int number, String... names) {
        for (String name : names) months.put(monthKey(name), number);
    }

    // Nuktas, joiners and chandrabindu come and go in month names (फरवरी / फ़रवरी); a trailing dot marks an abbreviation.
    private static String monthKey(String name) {
        return String.join("", Folding.words(name.replace(".", "")));
    }

    private Integer dayOf(String written) {
        return Character.isDigit(written.codePointAt(0)) ? Integer.valueOf(number(written)) : dayWords.get(monthKey(written));
    }

    private static int number(String digits) {
        return Integer.parseInt(digits); // parseInt reads Devanagari digits as well as ASCII ones
    }

    // No-break, thin and other spaces count as spaces; zero-width spaces and byte order marks as nothing.
    private static String spaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\u200B' || cp == '\uFEFF') return;
            sb.appendCodePoint(Character.isSpaceChar(cp) || cp == '\t' ? ' ' : cp);
        });
        return sb.toString();
    }

    private static final Pattern TRAILING_SPACE_OR_COMMA = Pattern.compile("[\\s,]+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static String trimEnd(String s) {
        return TRAILING_SPACE_OR_COMMA.matcher(s).replaceAll("");
    }

    private static String collapse(String s) {
        return WHITESPACE.matcher(s.strip()).replaceAll(" ");
    }
}
