package org.taar.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.item.Subject;

/**
 * The category codes of the agency wire formats as coded subjects: ANPA 1312's one-letter category
 * ({@code s} sports, {@code f} financial), kept under the {@code a1312cat:} scheme; AP's sports keyword
 * prefixes ({@code BC-BKN--}) and IPTC 7901's three-letter subject categories ({@code SPO}, {@code POL})
 * as the IPTC subject codes they stand for. The code is what a desk matches on, the name what it reads.
 */
final class WireCategories {
    private static final Map<String, String> ANPA = Map.ofEntries(
            Map.entry("a", "Domestic news"), Map.entry("e", "Entertainment"), Map.entry("f", "Financial news"),
            Map.entry("i", "International news"), Map.entry("k", "Commentary"), Map.entry("l", "Lifestyle"),
            Map.entry("n", "State and regional news"), Map.entry("o", "Weather"), Map.entry("p", "National politics"),
            Map.entry("q", "Sports results"), Map.entry("s", "Sports"), Map.entry("t", "Travel"),
            Map.entry("v", "Advisories"), Map.entry("w", "Washington news"));

    /** IPTC 7901 / IIM subject categories to IPTC subject codes and names. */
    private static final Map<String, Subject> IPTC = Map.ofEntries(
            iptc("ACE", "01000000", "arts, culture and entertainment"), iptc("CLJ", "02000000", "crime, law and justice"),
            iptc("DIS", "03000000", "disaster and accident"), iptc("FIN", "04000000", "economy, business and finance"),
            iptc("EDU", "05000000", "education"), iptc("EVN", "06000000", "environmental issue"),
            iptc("HTH", "07000000", "health"), iptc("HUM", "08000000", "human interest"), iptc("LAB", "09000000", "labour"),
            iptc("LIF", "10000000", "lifestyle and leisure"), iptc("POL", "11000000", "politics"),
            iptc("REL", "12000000", "religion and belief"), iptc("SCI", "13000000", "science and technology"),
            iptc("SOI", "14000000", "social issue"), iptc("SPO", "15000000", "sport"),
            iptc("WAR", "16000000", "unrest, conflicts and war"), iptc("WEA", "17000000", "weather"));

    /** AP's sports keyword prefixes to IPTC subject codes. */
    private static final Map<String, Subject> AP_SPORTS = byPrefix(
            sport("15008000", "basketball", "BKC", "BKL", "BKN", "BKW", "BKO"),
            sport("15007000", "baseball", "BBA", "BBC", "BBM", "BBN", "BBO", "BBY"),
            sport("15014000", "boxing", "BOX"), sport("15039000", "motor racing", "CAR"), sport("15019000", "cycling", "CYC"),
            sport("15003000", "American football", "FBL", "FBN", "FBO", "FBC"), sport("15025000", "figure skating", "FIG"),
            sport("15027000", "golf", "GLF"), sport("15031000", "ice hockey", "HKN", "HKO", "HKC"),
            sport("15030000", "horse racing", "RAC"), sport("15054000", "soccer", "SOC"), sport("15065000", "tennis", "TEN"),
            sport("15017000", "cricket", "CRI"), sport("15048000", "rugby league", "RGL"));

    private static final Pattern AP_PREFIX = Pattern.compile("^(?:BC|AM|PM|AP)-([A-Za-z]{2,4})--");

    private WireCategories() {}

    /** The subjects an ANPA 1312 category and keyword give; empty when neither is known. */
    static List<Subject> anpa(String category, String keyword) {
        List<Subject> out = new ArrayList<>();
        if (category != null) {
            String name = ANPA.get(category.toLowerCase(Locale.ROOT));
            if (name != null) out.add(new Subject(name, "a1312cat:" + category.toLowerCase(Locale.ROOT)));
        }
        if (keyword != null) {
            Matcher m = AP_PREFIX.matcher(keyword.strip());
            if (m.find()) {
                Subject sport = AP_SPORTS.get(m.group(1).toUpperCase(Locale.ROOT));
                if (sport != null) out.add(sport);
            }
        }
        return out;
    }

    /** The subjects an IPTC 7901 category gives: a subject category, or an ANPA-style letter as some agencies send. */
    static List<Subject> iptc7901(String category) {
        if (category == null) return List.of();
        Subject s = IPTC.get(category.toUpperCase(Locale.ROOT));
        if (s != null) return List.of(s);
        return category.length() == 1 ? anpa(category, null) : List.of();
    }

    private static Map.Entry<String, Subject> iptc(String category, String code, String name) {
        return Map.entry(category, new Subject(name, "subj:" + code));
    }

    @SafeVarargs
    private static Map<String, Subject> byPrefix(Map.Entry<Subject, List<String>>... sports) {
        Map<String, Subject> out = new java.util.HashMap<>();
        for (var e : sports) e.getValue().forEach(p -> out.put(p, e.getKey()));
        return Map.copyOf(out);
    }

    private static Map.Entry<Subject, List<String>> sport(String code, String name, String... prefixes) {
        return Map.entry(new Subject(name, "subj:" + code), List.of(prefixes));
    }
}
