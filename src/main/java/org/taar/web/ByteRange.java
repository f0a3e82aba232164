package org.taar.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a Range header (RFC 9110 14.2), resolved against a file's size. Only a single
 * range is taken, which is all a video or audio player asks for; a header this does not take
 * (another unit, several ranges, a malformed or backwards range) is ignored, as the RFC allows,
 * and the whole file is sent instead.
 *
 * @param first the first byte sent
 * @param last the last byte sent (inclusive)
 */
record ByteRange(long first, long last) {
    /** A range that starts at or after the end of the file: 416 with the file's size. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);
    private static final Pattern SPEC = Pattern.compile("\\s*([0-9]+)?\\s*-\\s*([0-9]+)?\\s*");

    long length() {
        return last - first + 1;
    }

    /** The range {@code header} asks for in a file of {@code size} bytes; null to send the whole file. */
    static ByteRange of(String header, long size) {
        if (header == null) return null;
        String h = header.strip();
        if (!h.toLowerCase(Locale.ROOT).startsWith("bytes=")) return null;
        String spec = h.substring("bytes=".length());
        if (spec.indexOf(',') >= 0) return null;
        Matcher m = SPEC.matcher(spec);
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) return null;
        if (m.group(1) == null) {
            // "-N": the last N bytes.
            long n = number(m.group(2));
            if (n == 0 || size == 0) return UNSATISFIABLE;
            return new ByteRange(Math.max(0, size - n), size - 1);
        }
        long first = number(m.group(1));
        Long last = m.group(2) == null ? null : number(m.group(2));
        if (last != null && last < first) return null;
        if (first >= size) return UNSATISFIABLE;
        return new ByteRange(first, last == null ? size - 1 : Math.min(last, size - 1));
    }

    /** A decimal of any length; past what a long holds it is as good as infinite. */
    private static long number(String digits) {
        String d = digits.replaceFirst("^0+(?=.)", "");
        return d.length() > 18 ? Long.MAX_VALUE : Long.parseLong(d);
    }
}
