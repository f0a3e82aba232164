package org.taar.format;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Helpers shared by the control-character framed agency formats (IPTC 7901, ANPA 1312):
 * byte framing, per-message charset, wrapped-line paragraphs, agency codes and wire time stamps.
 */
final class WireCopy {
    static final byte SOH = 0x01, STX = 0x02, ETX = 0x03, EOT = 0x04, SYN = 0x16;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Service identifications as agencies write them, to the canonical code of the contract. */
    private static final Map<String, String> AGENCIES = Map.ofEntries(
            Map.entry("PTI", "PTI"), Map.entry("BHASHA", "PTI"), Map.entry("UNI", "UNI"), Map.entry("UNIVARTA", "UNI"),
            Map.entry("IANS", "IANS"), Map.entry("ANI", "ANI"), Map.entry("HS", "HS"), Map.entry("AP", "AP"),
            Map.entry("AFP", "AFP"), Map.entry("DPA", "DPA"), Map.entry("REUTERS", "REUTERS"), Map.entry("RTR", "REUTERS"),
            Map.entry("REU", "REUTERS"), Map.entry("XINHUA", "XINHUA"), Map.entry("XIN", "XINHUA"), Map.entry("XNA", "XINHUA"));

    /** Agencies that stamp their copy in Indian time; everyone else in this package stamps GMT. */
    private static final List<String> INDIAN = List.of("PTI", "UNI", "IANS", "ANI", "HS");

    private static final Pattern DEVANAGARI = Pattern.compile("\\p{IsDevanagari}");

    private WireCopy() {}

    /** The canonical agency code for a service identification, or null. */
    static String agency(String service) {
        if (service == null) return null;
        return AGENCIES.get(service.strip().toUpperCase(Locale.ROOT));
    }

    /** The zone an agency's bare time stamps are written in. */
    static ZoneId zoneOf(String agency) {
        return agency != null && INDIAN.contains(agency) ? Text.KOLKATA : ZoneOffset.UTC;
    }

    /** Strict UTF-8 when valid, otherwise windows-1252 (a superset of latin-1 in practice) with a warning. */
    static String decode(byte[] b, int from, int to, String what, List<String> warnings) {
        byte[] part = java.util.Arrays.copyOfRange(b, from, to);
        long bad = Text.invalidUtf8Offset(part);
        if (bad < 0) return new String(part, StandardCharsets.UTF_8);
        warnings.add(what + ": not UTF-8 (invalid byte at offset " + (from + bad) + "); read as windows-1252");
        return new String(part, WINDOWS_1252);
    }

    /** 1-based line number of a byte offset. */
    static int lineAt(byte[] b, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < b.length; i++) if (b[i] == '\n') line++;
        return line;
    }

    /** Lines of a text, with CR LF, CR or LF endings, trailing padding removed, other control characters dropped. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n", -1)) out.add(stripControls(line).stripTrailing());
        return out;
    }

    static String stripControls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c >= 0x20 && c != 0x7F) b.append(c);
        }
        return b.toString();
    }

    static boolean indented(String line) {
        return line.startsWith("\t") || line.startsWith("  ");
    }

    /**
     * Wrapped wire lines to escaped {@code <p>} paragraphs. A paragraph ends at a blank line or a
     * line ending in {@code =}, and a new one begins at an indented line; copy that marks
     * paragraphs none of these ways has one paragraph per line. Null when there is no text.
     */
    static String paragraphs(List<String> lines) {
        boolean marked = false;
        for (String l : lines) {
            if (l.isBlank() || l.endsWith("=") || indented(l)) {
                marked = true;
                break;
            }
        }
        List<String> paras = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String raw : lines) {
            String line = raw.strip();
            boolean ends = line.endsWith("=");
            while (line.endsWith("=")) line = line.substring(0, line.length() - 1).stripTrailing();
            if (!marked || line.isEmpty() || indented(raw)) flush(cur, paras);
            if (!line.isEmpty()) {
                if (cur.length() > 0) cur.append(' ');
                cur.append(line);
            }
            if (ends) flush(cur, paras);
        }
        flush(cur, paras);
        if (paras.isEmpty()) return null;
        StringBuilder html = new StringBuilder();
        for (String p : paras) html.append("<p>").append(Text.escape(p)).append("</p>");
        return html.toString();
    }

    private static void flush(StringBuilder cur, List<String> paras) {
        if (cur.length() > 0) paras.add(cur.toString());
        cur.setLength(0);
    }

    /** "hi" for Devanagari copy; other languages are left to the normalize stage. */
    static String language(String headline) {
        return headline != null && DEVANAGARI.matcher(headline).find() ? "hi" : null;
    }

    /**
     * A wire time stamp without a year ({@code MMDDHHMM} or {@code DDHHMM}), placed in the year
     * (and for DDHHMM the month) nearest to {@code near}. Null when the digits are no valid time
     * or there is nothing to take the year from.
     */
    static Instant stamp(String digits, ZoneId zone, Instant near) {
        if (near == null || digits == null) return null;
        int n = digits.length();
        if (n != 6 && n != 8) return null;
        LocalDateTime ref = LocalDateTime.ofInstant(near, zone);
        try {
            int month = n == 8 ? Integer.parseInt(digits.substring(0, 2)) : -1;
            int o = n == 8 ? 2 : 0;
            int day = Integer.parseInt(digits.substring(o, o + 2));
            int hour = Integer.parseInt(digits.substring(o + 2, o + 4));
            int minute = Integer.parseInt(digits.substring(o + 4, o + 6));
            Instant best = null;
            for (int delta = -1; delta <= 1; delta++) {
                LocalDateTime base = n == 8 ? ref.plusYears(delta) : ref.plusMonths(delta);
                int m = n == 8 ? month : base.getMonthValue();
                Instant t;
                try {
                    t = LocalDateTime.of(base.getYear(), m, day, hour, minute).atZone(zone).toInstant();
                } catch (DateTimeException e) {
                    continue;
                }
                if (best == null || Math.abs(t.getEpochSecond() - near.getEpochSecond())
                        < Math.abs(best.getEpochSecond() - near.getEpochSecond())) {
                    best = t;
                }
            }
            return best;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The day part of a uri key: the message's own date as written in the agency's zone, else the day it arrived. */
    static String day(Instant t, ZoneId zone) {
        return t == null ? "" : LocalDateTime.ofInstant(t, zone).toLocalDate().toString();
    }

    /**
     * One message of a framed file, as byte ranges: header (SOH..STX), text (STX..ETX) and trailer
     * (ETX..EOT or the next message). A range is empty (from == to) when the part is missing.
     *
     * @param line the 1-based line where the message starts
     */
    record Frame(int number, int line, int headerFrom, int headerTo, int textFrom, int textTo,
            int trailerFrom, int trailerTo, boolean hasSoh, boolean hasStx, boolean hasEtx) {}

    /**
     * Splits a file into messages by its control characters. Tolerates a missing SOH (a message
     * then starts at STX), a missing ETX (the text runs to the next SOH, STX or the end) and
     * SYN, EOT or padding between messages.
     */
    static List<Frame> frames(byte[] b) {
        List<Frame> out = new ArrayList<>();
        final int outside = 0, header = 1, text = 2, trailer = 3;
        int state = outside;
        int line = 1, startLine = 0, hFrom = 0, hTo = 0, tFrom = 0, tTo = 0, rFrom = 0;
        boolean soh = false, etx = false;
        for (int i = Text.bomLength(b); i <= b.length; i++) {
            int c = i == b.length ? -1 : b[i];
            boolean close = c == -1 || c == SOH || c == EOT || (c == STX && state != header);
            if (close && state != outside) {
                int end = i;
                switch (state) {
                    case header -> out.add(new Frame(out.size() + 1, startLine, hFrom, end, end, end, end, end, soh, false, false));
                    case text -> out.add(new Frame(out.size() + 1, startLine, hFrom, hTo, tFrom, end, end, end, soh, true, false));
                    default -> out.add(new Frame(out.size() + 1, startLine, hFrom, hTo, tFrom, tTo, rFrom, end, soh, true, etx));
                }
                state = outside;
            }
            if (c == -1) break;
            if (c == SOH) {
                state = header;
                startLine = line;
                soh = true;
                etx = false;
                hFrom = i + 1;
            } else if (c == STX) {
                if (state == outside) {
                    startLine = line;
                    soh = false;
                    etx = false;
                    hFrom = i;
                    hTo = i;
                } else {
                    hTo = i;
                }
                state = text;
                tFrom = i + 1;
            } else if (c == ETX && state == text) {
                tTo = i;
                rFrom = i + 1;
                etx = true;
                state = trailer;
            } else if (c == '\n') {
                line++;
            }
        }
        return out;
    }
}
