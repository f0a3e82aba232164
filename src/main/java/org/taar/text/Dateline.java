package org.taar.text;

/**
 * The place, date and agency that open a wire story, as in {@code वाशिंगटन, 12 जुलाई (आईएएनएस)।}.
 *
 * @param place the place as written (नयी दिल्ली stays नयी दिल्ली)
 * @param day day of month, or null when the dateline has no date
 * @param month 1-12, or null when the dateline has no date
 * @param agencyCode canonical agency code (IANS, PTI, ...)
 */
public record Dateline(String place, Integer day, Integer month, String agencyCode) {
    public boolean hasDate() {
        return day != null && month != null;
    }
}
