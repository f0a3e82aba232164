package org.taar.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates feeds and wire services write: RFC 822 and its real-world variants (named and
 * numeric zones, missing seconds, two-digit years, day names in any case or none, "+02:00"),
 * ISO 8601 / W3CDTF (with or without zone, basic or extended), date-only forms, and the
 * "Jul 12, 2025 11:19 AM" and "12 July 2025 11:19 AM IST" forms agencies use. A date without a
 * zone is read in the zone given. Empty means unreadable: callers turn that into a warning.
 */
public final class Dates {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9),
            Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    /** Zone names seen in feeds; several are ambiguous worldwide, these are the usual readings. */
    private static final Map<String, ZoneOffset> ZONES = Map.ofEntries(
            Map.entry("UT", ZoneOffset.UTC), Map.entry("UTC", ZoneOffset.UTC), Map.entry("GMT", ZoneOffset.UTC),
            Map.entry("Z", ZoneOffset.UTC), Map.entry("EST", ZoneOffset.ofHours(-5)), Map.entry("EDT", ZoneOffset.ofHours(-4)),
            Map.entry("CST", ZoneOffset.ofHours(-6)), Map.entry("CDT", ZoneOffset.ofHours(-5)),
            Map.entry("MST", ZoneOffset.ofHours(-7)), Map.entry("MDT", ZoneOffset.ofHours(-6)),
            Map.entry("PST", ZoneOffset.ofHours(-8)), Map.entry("PDT", ZoneOffset.ofHours(-7)),
            Map.entry("IST", ZoneOffset.ofHoursMinutes(5, 30)), Map.entry("BST", ZoneOffset.ofHours(1)),
            Map.entry("CET", ZoneOffset.ofHours(1)), Map.entry("CEST", ZoneOffset.ofHours(2)),
            Map.entry("MET", ZoneOffset.ofHours(1)), Map.entry("MEST", ZoneOffset.ofHours(2)),
            Map.entry("EET", ZoneOffset.ofHours(2)), Map.entry("EEST", ZoneOffset.ofHours(3)),
            Map.entry("WET", ZoneOffset.UTC), Map.entry("WEST", ZoneOffset.ofHours(1)),
            Map.entry("MSK", ZoneOffset.ofHours(3)), Map.entry("PKT", ZoneOffset.ofHours(5)),
            Map.entry("NPT", ZoneOffset.ofHoursMinutes(5, 45)), Map.entry("BDT", ZoneOffset.ofHours(6)),
            Map.entry("SGT", ZoneOffset.ofHours(8)), Map.entry("HKT", ZoneOffset.ofHours(8)),
            Map.entry("JST", ZoneOffset.ofHours(9)), Map.entry("KST", ZoneOffset.ofHours(9)),
            Map.entry("AEST", ZoneOffset.ofHours(10)), Map.entry("AEDT", ZoneOffset.ofHours(11)),
            Map.entry("NZST", ZoneOffset.ofHours(12)), Map.entry("NZDT", ZoneOffset.ofHours(13)));

    private static final String ZONE = "(?<zone>[A-Za-z]{1,5}|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|(?:GMT|UTC)[+-]\\d{1,2}(?::?\\d{2})?)";
    private static final String TIME = "(?<h>\\d{1,2})[:.](?<mi>\\d{2})(?::(?<s>\\d{2})(?:[.,]\\d+)?)?\\s*(?<ampm>[AaPp]\\.?[Mm]\\.?)?";

    // 12 Jul 2025 11:19:00 +0530 (the day name, if any, is removed first)
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "^(?<d>\\d{1,2})(?:st|nd|rd|th)?[\\s-]+(?<mon>[A-Za-z]{3,9})\\.?,?[\\s-]+(?<y>\\d{2,4}),?(?:\\s+(?:at\\s+)?" + TIME
                    + ")?(?:\\s*" + ZONE + ")?$");
    // Jul 12, 2025 11:19 AM EST / July 12 2025 / Jul 12 11:19:00 2025 (asctime)
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "^(?<mon>[A-Za-z]{3,9})\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>\\d{4}),?(?:\\s+(?:at\\s+)?" + TIME
                    + ")?(?:\\s*" + ZONE + ")?$");
    private static final Pattern ASCTIME = Pattern.compile(
            "^(?<mon>[A-Za-z]{3})\\s+(?<d>\\d{1,2})\\s+" + TIME + "\\s+(?:" + ZONE + "\\s+)?(?<y>\\d{4})$");
    private static final Pattern DAY_NAME = Pattern.compile(
            "^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\\.?,?\\s*", Pattern.CASE_INSENSITIVE);
    // 2025-07-12T11:19:00+05:30, 2025-07-12 11:19, 20250712T111900Z, 2025-07-12T11:19:00.123+0530
    private static final Pattern ISO = Pattern.compile(
            "^(?<y>\\d{4})-?(?<mo>\\d{2})-?(?<d>\\d{2})(?:[Tt ]+(?<h>\\d{2}):?(?<mi>\\d{2})(?::?(?<s>\\d{2})(?:[.,]\\d+)?)?)?\\s*"
                    + "(?<zone>[Zz]|[+-]\\d{2}(?::?\\d{2})?|[A-Z]{2,5})?$");

    private Dates() {}

    public static Optional<Instant> parse(String value) {
        return parse(value, ZoneOffset.UTC);
    }

    /** @param localZone the zone for a date that names none */
    public static Optional<Instant> parse(String value, ZoneId localZone) {
        if (value == null) return Optional.empty();
        String v = value.strip().replaceAll("\\s+", " ");
        if (v.isEmpty() || v.length() > 80) return Optional.empty();
        try {
            return Optional.of(OffsetDateTime.parse(v).toInstant());
        } catch (DateTimeParseException ignored) {
            // not strict ISO 8601; try the lenient forms
        }
        try {
            Optional<Instant> r = iso(v, localZone);
            if (r.isPresent()) return r;
            String noDay = DAY_NAME.matcher(v).replaceFirst("");
            r = words(DAY_MONTH_YEAR.matcher(noDay), localZone);
            if (r.isPresent()) return r;
            r = words(MONTH_DAY_YEAR.matcher(noDay), localZone);
            if (r.isPresent()) return r;
            return words(ASCTIME.matcher(noDay), localZone);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> iso(String v, ZoneId localZone) {
        Matcher m = ISO.matcher(v);
        if (!m.matches()) return Optional.empty();
        LocalDate date = LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("mo")),
                Integer.parseInt(m.group("d")));
        LocalDateTime t = m.group("h") == null ? date.atStartOfDay()
                : date.atTime(Integer.parseInt(m.group("h")), Integer.parseInt(m.group("mi")),
                        m.group("s") == null ? 0 : Integer.parseInt(m.group("s")));
        return zoned(t, m.group("zone"), localZone);
    }

    private static Optional<Instant> words(Matcher m, ZoneId localZone) {
        if (!m.matches()) return Optional.empty();
        String mon = m.group("mon").toLowerCase(Locale.ROOT);
        Integer month = MONTHS.get(mon.substring(0, 3));
        if (month == null) return Optional.empty();
        int year = Integer.parseInt(m.group("y"));
        // Two-digit years: RFC 822 feeds from the last century and this one.
        if (m.group("y").length() == 2) year += year < 70 ? 2000 : 1900;
        else if (m.group("y").length() == 3) return Optional.empty();
        LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group("d")));
        LocalDateTime t = date.atStartOfDay();
        if (m.group("h") != null) {
            int hour = Integer.parseInt(m.group("h"));
            String ampm = m.group("ampm");
            if (ampm != null) {
                boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
                if (hour < 1 || hour > 12) return Optional.empty();
                hour = hour % 12 + (pm ? 12 : 0);
            }
            t = date.atTime(hour, Integer.parseInt(m.group("mi")), m.group("s") == null ? 0 : Integer.parseInt(m.group("s")));
        }
        return zoned(t, m.group("zone"), localZone);
    }

    private static Optional<Instant> zoned(LocalDateTime t, String zone, ZoneId localZone) {
        if (zone == null || zone.isEmpty()) return Optional.of(t.atZone(localZone).toInstant());
        ZoneOffset offset = offset(zone);
        return offset == null ? Optional.empty() : Optional.of(t.toInstant(offset));
    }

    static ZoneOffset offset(String zone) {
        String z = zone.toUpperCase(Locale.ROOT);
        ZoneOffset named = ZONES.get(z);
        if (named != null) return named;
        if (z.startsWith("GMT") || z.startsWith("UTC")) z = z.substring(3);
        if (!z.startsWith("+") && !z.startsWith("-")) return null;
        String digits = z.substring(1).replace(":", "");
        int hours;
        int minutes = 0;
        if (digits.length() <= 2) {
            hours = Integer.parseInt(digits);
        } else {
            hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
            minutes = Integer.parseInt(digits.substring(digits.length() - 2));
        }
        int sign = z.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** ISO 8601 in UTC to the second, the form ninjs output uses. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
}
