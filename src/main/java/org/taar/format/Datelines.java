package org.taar.format;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The place in a dateline as the XML formats carry it ({@code Gaza City, Palestinian Territories,
 * May 16, 2021 (AFP) -}, {@code नई दिल्ली, 3 मार्च (आईएएनएस)}): the first part before a comma, unless
 * that part is a date or a weekday, which is not a place.
 */
final class Datelines {
    private static final Pattern CREDIT = Pattern.compile("\\s*[(\\[][^)\\]]*[)\\]]\\s*[-–—:।]*\\s*$");
    private static final Pattern DIGIT = Pattern.compile("\\p{Nd}");
    private static final Set<String> TIME_WORDS = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "सोमवार", "मंगलवार", "बुधवार", "गुरुवार", "शुक्रवार", "शनिवार", "रविवार", "आज", "कल",
            "जनवरी", "फरवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर");

    private Datelines() {}

    /** The place the dateline names, as written; null when it names none (only a date, a day or a credit). */
    static String place(String dateline) {
        String v = Text.blankToNull(dateline);
        if (v == null) return null;
        v = CREDIT.matcher(v).replaceAll("");
        v = v.replaceAll("[\\s,;:–—-]+$", "");
        int comma = v.indexOf(',');
        String first = Text.blankToNull(comma < 0 ? v : v.substring(0, comma));
        if (first == null || isTime(first)) return null;
        return first;
    }

    /** Whether a dateline part is a date or a time word rather than a place. */
    static boolean isTime(String part) {
        if (DIGIT.matcher(part).find()) return true;
        for (String word : part.toLowerCase(Locale.ROOT).split("[\\s.]+")) {
            if (!word.isEmpty() && !TIME_WORDS.contains(word)) return false;
        }
        return true;
    }
}
