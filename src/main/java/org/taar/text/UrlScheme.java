package org.taar.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A URL's scheme as a browser reads it: white space and control characters inside it do not count. */
public final class UrlScheme {
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.-]*):");

    private UrlScheme() {}

    /** The scheme in lower case ("javascript" for {@code " Java\tScript:x"}), or null for a relative URL. */
    public static String of(String url) {
        Matcher m = SCHEME.matcher(compact(url));
        return m.find() ? m.group(1) : null;
    }

    /** Lower case without white space and control characters, which browsers ignore inside a scheme. */
    public static String compact(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ') b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }
}
