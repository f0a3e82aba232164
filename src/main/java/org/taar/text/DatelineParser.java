package org.taar.text;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the dateline (place, date, agency) from the start of a story's first paragraph. */
public final class DatelineParser {

    // Agencies put the dateline right at the start; parentheses further in belong to the story.
    private static final int MAX_AGENCY_OFFSET = 80;
    private static final int MAX_PLACE_WORDS = 4;

    // Trailing date: "12 जुलाई", "१२ जुलाई", "July 12", "12 July", "Jan. 3", optionally ", 2025".
    private static final Pattern DAY_MONTH = Pattern.compile(
            "^(?<place>.*?)[\\s,]+(?<day>\\p{Nd}{1,2})\\s+(?<month>\\p{L}[\\p{L}\\p{M}]*\\.?)(?:,?\\s+\\p{Nd}{4})?$");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "^(?<place>.*?)[\\s,]+(?<month>\\p{L}[\\p{L}\\p{M}]*\\.?)\\s+(?<day>\\p{Nd}{1,2})(?:,?\\s+\\p{Nd}{4})?$");
    private static final Pattern PLACE_WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}.'’-]*");

    // Words that show the text before the parenthesis is a sentence, not a place.
    private static final Set<String> NOT_PLACE = Set.of("ने", "का", "की", "के", "है", "हैं", "में", "को", "से", "और",
            "कहा", "पर", "the", "said", "says", "and", "of", "in", "to", "by", "a", "an");

    private final Agencies agencies;
    private final Map<String, Integer> months = new HashMap<>();

    public DatelineParser(Agencies agencies) {
        this.agencies = agencies;
        month(1, "जनवरी", "january", "jan");
        month(2, "फरवरी", "फ़रवरी", "फ़रवरी", "february", "feb");
        month(3, "मार्च", "march", "mar");
        month(4, "अप्रैल", "अप्रेल", "एप्रिल", "april", "apr");
        month(5, "मई", "may");
        month(6, "जून", "june", "jun");
        month(7, "जुलाई", "july", "jul");
        month(8, "अगस्त", "august", "aug");
        month(9, "सितंबर", "सितम्बर", "september", "sept", "sep");
        month(10, "अक्टूबर", "अक्तूबर", "अक्टुबर", "october", "oct");
        month(11, "नवंबर", "नवम्बर", "november", "nov");
        month(12, "दिसंबर", "दिसम्बर", "december", "dec");
    }

    public DatelineParser() {
        this(new Agencies());
    }

    /** The dateline at the start of the paragraph, or empty when it does not open with one. */
    public Optional<Dateline> parse(String firstParagraph) {
        if (firstParagraph == null) return Optional.empty();
        String text = Normalizer.normalize(firstParagraph, Normalizer.Form.NFC).strip();
        int open = text.indexOf('(');
        if (open <= 0 || open > MAX_AGENCY_OFFSET) return Optional.empty();
        int close = text.indexOf(')', open);
        if (close < 0 || close - open > 40) return Optional.empty();
        Optional<String> agency = agency(text.substring(open + 1, close));
        if (agency.isEmpty()) return Optional.empty();

        String head = text.substring(0, open).strip().replaceAll("[\\s,]+$", "");
        Integer day = null;
        Integer month = null;
        String place = head;
        for (Pattern p : new Pattern[] {DAY_MONTH, MONTH_DAY}) {
            Matcher m = p.matcher(head);
            if (m.matches() && months.containsKey(monthKey(m.group("month")))) {
                int d = Integer.parseInt(m.group("day"));
                if (d < 1 || d > 31) return Optional.empty();
                day = d;
                month = months.get(monthKey(m.group("month")));
                place = m.group("place").strip().replaceAll("[\\s,]+$", "");
                break;
            }
        }
        if (!isPlace(place)) return Optional.empty();
        return Optional.of(new Dateline(place, day, month, agency.get()));
    }

    // Some desks credit two sources, "(आईएएनएस/वीएनएस)"; the first agency we know wins.
    private Optional<String> agency(String inside) {
        for (String part : inside.split("[/|]")) {
            Optional<String> code = agencies.code(part.strip());
            if (code.isPresent()) return code;
        }
        return Optional.empty();
    }

    private boolean isPlace(String place) {
        if (place.isEmpty() || place.length() > 40) return false;
        String[] words = place.split("\\s+");
        if (words.length > MAX_PLACE_WORDS) return false;
        for (String w : words) {
            if (!PLACE_WORD.matcher(w).matches() || NOT_PLACE.contains(w.toLowerCase(Locale.ROOT))) return false;
        }
        return true;
    }

    private void month(int number, String... names) {
        for (String name : names) months.put(monthKey(name), number);
    }

    // Nuktas come and go in month names (फरवरी / फ़रवरी); a trailing dot marks an abbreviation.
    private static String monthKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).replace("\u093C", "").replace(".", "")
                .toLowerCase(Locale.ROOT);
    }
}
