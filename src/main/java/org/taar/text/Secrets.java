package org.taar.text;

import java.util.regex.Pattern;

/**
 * Masks credentials in text that may hold a URL: a JDBC URL's {@code password=} (and similar
 * parameters) and the {@code user:password@} of any URL. Everything that prints or logs a URL
 * from the configuration goes through here, since an operator's database or feed password must
 * never reach a terminal, a log file or a health page.
 */
public final class Secrets {
    public static final String MASK = "***";
    // password=, pwd=, passwd=, secret=, token=, api_key=... as a URL or JDBC parameter (?, &, ;)
    private static final Pattern PARAMETER = Pattern.compile(
            "(?i)([?&;][^?&;=\\s]*(?:password|passwd|pwd|secret|token|api[_-]?key|apikey)[^?&;=\\s]*=)[^&;\\s'\"#]*");
    // scheme://user:password@host (also jdbc:postgresql://...), and user:password@host without the
    // scheme, as drivers quote it in their own messages (e.g. an unknown host).
    private static final Pattern USER_INFO =
            Pattern.compile("(?i)((?:[a-z][a-z0-9+.-]*://)?[^/?#@\\s:'\"]+:)[^/?#@\\s'\"]*@");

    private Secrets() {}

    /** The text with every credential it carries replaced by {@value #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.indexOf('=') < 0 && text.indexOf('@') < 0) return text;
        String out = PARAMETER.matcher(text).replaceAll("$1" + MASK);
        return USER_INFO.matcher(out).replaceAll("$1" + MASK + "@");
    }
}
