package org.taar.web;

import java.util.Locale;

/**
 * Which of a page's encodings a request takes, from its Accept-Encoding (RFC 9110 12.5.3):
 * codings with q-values, {@code q=0} meaning "not acceptable", {@code *} standing for any
 * coding not named. Brotli is chosen over gzip at equal q (it is smaller), gzip over identity.
 */
enum AcceptEncoding {
    BR, GZIP, IDENTITY;

    static AcceptEncoding choose(String header, boolean brotliKept) {
        if (header == null || header.isBlank()) return IDENTITY;
        double br = -1;
        double gzip = -1;
        double any = -1;
        for (String part : header.split(",")) {
            // -1 keeps empty fields: ";;;".split(";") would be an empty array, and no header is ours to fail on.
            String[] fields = part.split(";", -1);
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < fields.length; i++) {
                String param = fields[i].trim().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) q = qvalue(param.substring(2).trim());
            }
            switch (coding) {
                case "br" -> br = Math.max(br, q);
                case "gzip", "x-gzip" -> gzip = Math.max(gzip, q);
                case "*" -> any = Math.max(any, q);
                default -> { }
            }
        }
        if (br < 0) br = any;
        if (gzip < 0) gzip = any;
        if (!brotliKept) br = 0;
        if (br > 0 && br >= gzip) return BR;
        if (gzip > 0) return GZIP;
        return IDENTITY;
    }

    /** A q-value; anything malformed counts as 0 (not acceptable), never as a preference. */
    private static double qvalue(String s) {
        if (!s.matches("(0(\\.[0-9]{0,3})?|1(\\.0{0,3})?)")) return 0;
        return Double.parseDouble(s);
    }
}
