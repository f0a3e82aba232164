package org.taar.format;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the character set of a delivery from what it says (byte order mark, XML declaration,
 * HTTP Content-Type) and what its bytes are. Declarations lie often enough (ISO-8859-1 declared,
 * UTF-8 sent; UTF-8 declared, windows-1252 sent) that the bytes have the last word: text with
 * non-ASCII bytes that is valid UTF-8 is UTF-8, whatever the label, because legacy-encoded text
 * almost never happens to be valid UTF-8.
 */
public final class Charsets {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^\\s*<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTTP_CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)",
            Pattern.CASE_INSENSITIVE);

    private Charsets() {}

    /**
     * @param charset what to decode with
     * @param bomLength bytes of byte order mark to skip before decoding
     * @param warnings what was wrong with the labels, for the delivery's warnings
     */
    public record Decision(Charset charset, int bomLength, List<String> warnings) {
        public String decode(byte[] bytes) {
            return new String(bytes, bomLength, bytes.length - bomLength, charset);
        }
    }

    /** @param httpContentType the Content-Type the delivery came with, or null */
    public static Decision decide(byte[] b, String httpContentType) {
        List<String> warnings = new ArrayList<>();
        Decision bom = byBom(b);
        if (bom != null) return bom;
        // UTF-16 without a BOM still starts "<?" with a zero byte beside each character.
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) {
            return new Decision(StandardCharsets.UTF_16LE, 0, warnings);
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') {
            return new Decision(StandardCharsets.UTF_16BE, 0, warnings);
        }

        String httpLabel = httpLabel(httpContentType);
        String xmlLabel = xmlLabel(b);
        String label = httpLabel != null ? httpLabel : xmlLabel;
        boolean nonAscii = hasNonAscii(b);
        boolean validUtf8 = Text.invalidUtf8Offset(b) < 0;

        if (nonAscii && validUtf8) {
            if (label != null && !isUtf8(label)) {
                warnings.add("declared charset " + label + " but the bytes are UTF-8; read as UTF-8");
            }
            return new Decision(StandardCharsets.UTF_8, 0, warnings);
        }
        if (label == null || isUtf8(label)) {
            int[] census = nonAscii ? Utf8OrWindows1252.census(b) : new int[2];
            if (census[0] > census[1]) {
                // Mostly UTF-8 with a few stray legacy bytes: only those are read as windows-1252.
                warnings.add((label == null ? "no charset declared" : "declared UTF-8") + " and the bytes are UTF-8 but for "
                        + census[1] + " byte" + (census[1] == 1 ? "" : "s") + " (first at offset " + Text.invalidUtf8Offset(b)
                        + "), read as windows-1252");
                return new Decision(Utf8OrWindows1252.INSTANCE, 0, warnings);
            }
            if (nonAscii) {
                warnings.add((label == null ? "no charset declared" : "declared UTF-8")
                        + " but the bytes are not UTF-8 (first bad byte at offset " + Text.invalidUtf8Offset(b)
                        + "); read as windows-1252");
                return new Decision(WINDOWS_1252, 0, warnings);
            }
            return new Decision(StandardCharsets.UTF_8, 0, warnings);
        }
        Charset declared = lookup(label);
        if (declared == null) {
            warnings.add("unknown charset '" + label + "'; read as " + (nonAscii ? "windows-1252" : "UTF-8"));
            return new Decision(nonAscii ? WINDOWS_1252 : StandardCharsets.UTF_8, 0, warnings);
        }
        // ISO-8859-1 and US-ASCII labels mean windows-1252 in practice (smart quotes in 0x80-0x9F),
        // as browsers have long agreed.
        if (declared.equals(StandardCharsets.ISO_8859_1) || declared.equals(StandardCharsets.US_ASCII)
                || declared.equals(WINDOWS_1252)) {
            int[] census = Utf8OrWindows1252.census(b);
            if (census[0] > census[1]) {
                warnings.add("declared charset " + label + " but the bytes are UTF-8 but for " + census[1] + " byte"
                        + (census[1] == 1 ? "" : "s") + "; those read as windows-1252");
                return new Decision(Utf8OrWindows1252.INSTANCE, 0, warnings);
            }
            return new Decision(WINDOWS_1252, 0, warnings);
        }
        if (httpLabel != null && xmlLabel != null && !sameCharset(httpLabel, xmlLabel)) {
            warnings.add("HTTP says charset " + httpLabel + ", the XML declaration says " + xmlLabel + "; used " + httpLabel);
        }
        return new Decision(declared, 0, warnings);
    }

    /** Decodes with {@link #decide}, adding its warnings to the given list. */
    public static String decode(byte[] b, String httpContentType, List<String> warnings) {
        Decision d = decide(b, httpContentType);
        warnings.addAll(d.warnings());
        return d.decode(b);
    }

    private static Decision byBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return new Decision(StandardCharsets.UTF_8, 3, List.of());
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return new Decision(Charset.forName("UTF-32LE"), 4, List.of());
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return new Decision(Charset.forName("UTF-32BE"), 4, List.of());
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return new Decision(StandardCharsets.UTF_16BE, 2, List.of());
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return new Decision(StandardCharsets.UTF_16LE, 2, List.of());
        }
        return null;
    }

    static String httpLabel(String contentType) {
        if (contentType == null) return null;
        Matcher m = HTTP_CHARSET.matcher(contentType);
        return m.find() ? m.group(1) : null;
    }

    static String xmlLabel(byte[] b) {
        // The declaration is ASCII in every ASCII-compatible charset; 1 KB is plenty for it,
        // even after comments or whitespace that should not be there.
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1);
        int decl = head.indexOf("<?xml");
        if (decl < 0) return null;
        Matcher m = XML_ENCODING.matcher(head.substring(decl));
        return m.find() ? m.group(1) : null;
    }

    private static boolean hasNonAscii(byte[] b) {
        for (byte x : b) if (x < 0) return true;
        return false;
    }

    private static boolean isUtf8(String label) {
        String l = label.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return l.equals("utf8");
    }

    private static boolean sameCharset(String a, String b) {
        Charset x = lookup(a), y = lookup(b);
        return x != null && x.equals(y);
    }

    private static Charset lookup(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        // Labels seen in real feeds that Java does not know by that spelling.
        if (l.equals("iso8859-1") || l.equals("latin1") || l.equals("latin-1")) return StandardCharsets.ISO_8859_1;
        try {
            return Charset.forName(label);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
