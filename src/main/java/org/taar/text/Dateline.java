package org.taar.text;

import java.util.List;
import org.taar.item.Place;

/**
 * The place, date and agency that open a wire story, as in {@code वाशिंगटन, 12 जुलाई (आईएएनएस)।} or
 * {@code लखनऊ (उत्तर प्रदेश) [भारत], 5 जून (एएनआई):}.
 *
 * @param place the city as written (नयी दिल्ली stays नयी दिल्ली), without the state or country after it
 * @param day day of month, or null when the dateline has no date
 * @param month 1-12, or null when the dateline has no date
 * @param agencyCode canonical agency code (IANS, PTI, ...)
 * @param year the year when the dateline states one, else null
 * @param qualifiers the state and country written after the city ({@code (उत्तर प्रदेश) [भारत]}), in order
 * @param text the dateline as it stands in the paragraph, up to and with the separator after the agency
 */
public record Dateline(String place, Integer day, Integer month, String agencyCode, Integer year,
                       List<Place> qualifiers, String text) {
    public Dateline {
        qualifiers = qualifiers == null ? List.of() : List.copyOf(qualifiers);
    }

    /** A dateline with place, date and agency only, as older callers make it. */
    public Dateline(String place, Integer day, Integer month, String agencyCode) {
        this(place, day, month, agencyCode, null, List.of(), null);
    }

    public boolean hasDate() {
        return day != null && month != null;
    }
}
