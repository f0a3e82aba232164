package org.taar.format;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.taar.text.Digest;
import org.taar.text.HtmlEscape;

/** Small text helpers shared by the parsers of this package; kept package-private on purpose. */
final class Text {
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter WIRE_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    private Text() {}

    /** Plain text as HTML text (the one escaper, text/HtmlEscape); the sanitizer does the rest later. */
    static String escape(String s) {
        return HtmlEscape.escape(s);
    }

    /**
     * Plain text to escaped {@code <p>} paragraphs: blank lines separate paragraphs, but copy
     * without any blank line (common in agency feeds) has one paragraph per line.
     * Returns null when there is no text at all.
     */
    static String paragraphs(String plain) {
        if (plain == null) return null;
        List<String> lines = new ArrayList<>();
        for (String line : plain.split("\r\n|\r|\n", -1)) lines.add(line.strip());
        while (!lines.isEmpty() && lines.get(0).isEmpty()) lines.remove(0);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        if (lines.isEmpty()) return null;
        boolean hasBlank = lines.contains("");
        List<String> paras = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            if (!hasBlank) {
                paras.add(line);
            } else if (line.isEmpty()) {
                if (current.length() > 0) paras.add(current.toString());
                current.setLength(0);
            } else {
                if (current.length() > 0) current.append(' ');
                current.append(line);
            }
        }
        if (current.length() > 0) paras.add(current.toString());
        StringBuilder html = new StringBuilder();
        for (String p : paras) html.append("<p>").append(escape(p)).append("</p>");
        return html.toString();
    }

    /** Offset just past a UTF-8 byte order mark, or 0. */
    static int bomLength(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /** Byte offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid UTF-8. */
    static long invalidUtf8Offset(byte[] b) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = dec.decode(in, out, true);
            if (r.isError()) return in.position();
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            r = dec.flush(out);
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            return -1;
        }
    }

    /** Strict UTF-8 decoding without the BOM; a person gets the offset of the first bad byte. */
    static String decodeUtf8(byte[] b) throws ParseException {
        long bad = invalidUtf8Offset(b);
        if (bad >= 0) throw new ParseException("invalid UTF-8 at byte offset " + bad);
        int bom = bomLength(b);
        return new String(b, bom, b.length - bom, StandardCharsets.UTF_8);
    }

    /** First byte that is not ASCII whitespace, after a BOM; -1 when there is none. */
    static int firstNonSpace(byte[] b) {
        for (int i = bomLength(b); i < b.length; i++) {
            int c = b[i] & 0xFF;
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f') return i;
        }
        return -1;
    }

    static boolean containsNul(byte[] b) {
        for (byte x : b) if (x == 0) return true;
        return false;
    }

    /**
     * Reads ISO-8601 with an offset or Z; a time without offset is read in {@code localZone}
     * (UTC for ninjs, whose producers mean UTC; Asia/Kolkata for Indian wire copy).
     * Also takes {@code yyyy-MM-dd HH:mm} as desks type it. Returns null when unreadable.
     */
    static Instant parseInstant(String value, ZoneId localZone) {
        if (value == null) return null;
        String v = value.strip();
        if (v.isEmpty()) return null;
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the forms without offset below
        }
        try {
            return LocalDateTime.parse(v, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(localZone).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the desk form below
        }
        try {
            return LocalDateTime.parse(v, WIRE_LOCAL).atZone(localZone).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    static Instant parseInstantUtc(String value) {
        return parseInstant(value, ZoneOffset.UTC);
    }

    /**
     * The agency's id as a URI: kept when it already is an absolute URI, otherwise wrapped as
     * {@code urn:taar:ID} with everything outside the URN-safe characters percent-encoded, so
     * that it always passes the ninjs {@code format: uri} check.
     */
    static String uriFor(String id) {
        String v = id.strip();
        try {
            URI u = new URI(v);
            if (u.isAbsolute() && u.getScheme().length() > 1) return v;
        } catch (URISyntaxException ignored) {
            // not a URI: wrap it below
        }
        return "urn:taar:" + percentEncode(v);
    }

    /** A uri for items that carry none: the same source, headline and first-created time always give the same uri. */
    static String derivedUri(String source, String headline, String created) {
        String src = source == null || source.isBlank() ? "local" : source.strip();
        String key = src + "\n" + headline + "\n" + (created == null ? "" : created);
        return "urn:taar:" + percentEncode(src) + ":" + Digest.sha256Hex(key).substring(0, 20);
    }

    /** Percent-encodes UTF-8 bytes outside RFC 3986 unreserved characters and ':'. */
    static String percentEncode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == ':') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }

    static String blankToNull(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
