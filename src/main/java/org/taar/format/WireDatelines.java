package org.taar.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.item.Place;
import org.taar.text.Agencies;
import org.taar.text.Dateline;
import org.taar.text.DatelineParser;

/**
 * The dateline that opens a wire story's first paragraph, for the parsers of agency text:
 * {@code WASHINGTON (AP) —}, {@code BUENOS AIRES, Argentina (AP) _}, {@code San Diego (tca/dpa) -},
 * {@code LONDON, Jan 5 (Reuters) -}, {@code PARIS, 12 juil 2025 (AFP) -}, {@code मुंबई, 3 मार्च (भाषा)}.
 * The text stage's {@link DatelineParser} reads it first; what it leaves (a city qualified by its state
 * or country, a dateline without an agency) is read here. The city is kept as written; the state or
 * country after it becomes a {@link Place}.
 */
final class WireDatelines {
    /** What a dateline gave: the city as written, the places qualifying it, the agency's code (null when none). */
    record Found(String located, List<Place> places, String agency) {}

    private static final Agencies AGENCIES = new Agencies();
    private static final DatelineParser DATELINES = new DatelineParser(AGENCIES);

    /** Place, then the agency in parentheses, then a dash, colon or danda (or nothing). */
    private static final Pattern WITH_AGENCY = Pattern.compile(
            "^(?<head>[^()\\n]{2,80}?)\\s*\\((?<agency>[^()\\n]{2,40})\\)");
    /** An agency-less dateline in AP and Reuters style: the city in capitals, then a dash. */
    private static final Pattern CAPITALS = Pattern.compile(
            "^(?<head>\\p{Lu}[\\p{Lu} .'’-]{1,40}(?:,\\s*\\p{Lu}[\\p{L}. ]{1,30})?)\\s*(?:--|[—_–])\\s");
    private static final Pattern PLACE = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}.'’-]*(?:\\s+[\\p{L}\\p{M}][\\p{L}\\p{M}.'’-]*){0,4}");
    private static final Pattern DATE_PART = Pattern.compile(
            "(?iu).*\\p{Nd}.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?|"
                    + "(?:mon|tues|wednes|thurs|fri|satur|sun)day");
    /** States and provinces that qualify a city in datelines (AP style and full names, India's states). */
    private static final Set<String> STATES = Set.of("ALA", "ALABAMA", "ALASKA", "ARIZ", "ARIZONA", "ARK", "ARKANSAS",
            "CALIF", "CALIFORNIA", "COLO", "COLORADO", "CONN", "CONNECTICUT", "DEL", "DELAWARE", "FLA", "FLORIDA", "GA",
            "GEORGIA", "HAWAII", "IDAHO", "ILL", "ILLINOIS", "IND", "INDIANA", "IOWA", "KAN", "KANSAS", "KY", "KENTUCKY",
            "LA", "LOUISIANA", "MAINE", "MD", "MARYLAND", "MASS", "MASSACHUSETTS", "MICH", "MICHIGAN", "MINN",
            "MINNESOTA", "MISS", "MISSISSIPPI", "MO", "MISSOURI", "MONT", "MONTANA", "NEB", "NEBRASKA", "NEV", "NEVADA",
            "N.H", "NEW HAMPSHIRE", "N.J", "NEW JERSEY", "N.M", "NEW MEXICO", "N.Y", "NEW YORK", "N.C", "NORTH CAROLINA",
            "N.D", "NORTH DAKOTA", "OHIO", "OKLA", "OKLAHOMA", "ORE", "OREGON", "PA", "PENNSYLVANIA", "R.I",
            "RHODE ISLAND", "S.C", "SOUTH CAROLINA", "S.D", "SOUTH DAKOTA", "TENN", "TENNESSEE", "TEXAS", "UTAH", "VT",
            "VERMONT", "VA", "VIRGINIA", "WASH", "WASHINGTON", "W.VA", "WEST VIRGINIA", "WIS", "WISCONSIN", "WYO",
            "WYOMING", "D.C", "ONTARIO", "QUEBEC", "BRITISH COLUMBIA", "ALBERTA", "NEW SOUTH WALES", "VICTORIA",
            "QUEENSLAND", "BAVARIA", "BAYERN", "UTTAR PRADESH", "MAHARASHTRA", "BIHAR", "RAJASTHAN", "GUJARAT", "KERALA",
            "TAMIL NADU", "KARNATAKA", "WEST BENGAL", "PUNJAB", "HARYANA", "ASSAM", "ODISHA", "TELANGANA",
            "ANDHRA PRADESH", "MADHYA PRADESH", "JHARKHAND", "CHHATTISGARH", "UTTARAKHAND", "HIMACHAL PRADESH",
            "JAMMU AND KASHMIR", "GOA", "MANIPUR", "MEGHALAYA", "MIZORAM", "NAGALAND", "SIKKIM", "TRIPURA",
            "ARUNACHAL PRADESH", "उत्तर प्रदेश", "महाराष्ट्र", "बिहार", "राजस्थान", "गुजरात", "केरल", "पंजाब",
            "हरियाणा", "मध्य प्रदेश", "झारखंड", "छत्तीसगढ़", "उत्तराखंड", "हिमाचल प्रदेश", "पश्चिम बंगाल", "असम",
            "ओडिशा", "तमिलनाडु", "कर्नाटक", "तेलंगाना");

    private WireDatelines() {}

    /** The dateline opening the paragraph, or empty when it opens with none. */
    static Optional<Found> read(String paragraph) {
        if (paragraph == null) return Optional.empty();
        String text = paragraph.strip();
        if (text.isEmpty()) return Optional.empty();
        Optional<Dateline> known = DATELINES.parse(text);
        Matcher m = WITH_AGENCY.matcher(text);
        if (m.find()) {
            String agency = agency(m.group("agency"));
            if (agency != null) {
                Optional<Found> own = place(m.group("head"), agency);
                if (known.isPresent()) {
                    List<Place> places = own.map(Found::places).orElse(List.of());
                    return Optional.of(new Found(known.get().place(), places, known.get().agencyCode()));
                }
                return own;
            }
        }
        if (known.isPresent()) return Optional.of(new Found(known.get().place(), List.of(), known.get().agencyCode()));
        Matcher caps = CAPITALS.matcher(text);
        if (caps.find()) return place(caps.group("head"), null);
        return Optional.empty();
    }

    /** The city and the places after it, from the text before the agency: dates and weekdays left out. */
    private static Optional<Found> place(String head, String agency) {
        String[] parts = head.strip().replaceAll("[\\s,]+$", "").split("\\s*,\\s*");
        String city = parts[0].strip();
        if (!PLACE.matcher(city).matches() || city.length() > 40) return Optional.empty();
        List<Place> places = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].strip();
            if (p.isEmpty() || DATE_PART.matcher(p).matches()) continue;
            // A date written day first ("5 jan 2024") or a time is no place; a place has no digits.
            if (!PLACE.matcher(p).matches() || p.length() > 40) return Optional.empty();
            places.add(new Place(p, isState(p) ? Place.STATE : Place.COUNTRY));
        }
        return Optional.of(new Found(city, places, agency));
    }

    private static boolean isState(String place) {
        String key = place.toUpperCase(Locale.ROOT).replaceAll("\\.$", "");
        return STATES.contains(key);
    }

    /** The first known agency in a credit such as {@code tca/dpa} or {@code AP}; null when none is known. */
    private static String agency(String inside) {
        for (String part : inside.split("\\s*[/|,]\\s*")) {
            Optional<String> code = AGENCIES.code(part.strip());
            if (code.isPresent()) return code.get();
        }
        return null;
    }
}
