package org.taar.text;

/**
 * The one HTML escaper for markup Java writes itself (templates escape on their own): the sanitizer's
 * paragraphs, a parser's plain text turned into paragraphs, search highlights. It escapes the four
 * characters that can change the meaning of text in an element or in a double-quoted attribute, and
 * nothing else, so Devanagari and every other letter stay as they are.
 */
public final class HtmlEscape {
    private HtmlEscape() {}

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            String r = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (r == null) {
                if (sb != null) sb.append(s.charAt(i));
            } else {
                if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                sb.append(r);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
