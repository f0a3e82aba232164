package org.taar.text;

import java.util.Locale;
import java.util.regex.Pattern;

/** Makes a readable lowercase ASCII slug of at most 80 characters from a headline in any script. */
public final class Slugger {

    static final int MAX_LENGTH = 80;
    /** The slug of a headline with nothing readable in it. */
    public static final String FALLBACK = "story";

    // Compiled once: every story is slugged, and String.replaceAll compiles its pattern per call.
    private static final Pattern APOSTROPHES = Pattern.compile("['’`]");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

    private final HindiRomanizer romanizer = new HindiRomanizer();

    /** The headline's slug; "story" when nothing readable is left. */
    public String slug(String headline) {
        if (headline == null || headline.isBlank()) return FALLBACK;
        String latin = romanizer.romanize(headline).toLowerCase(Locale.ROOT);
        // "Modi's" reads better as "modis" than as "modi-s".
        String slug = EDGE_HYPHENS.matcher(NOT_ALNUM.matcher(APOSTROPHES.matcher(latin).replaceAll("")).replaceAll("-"))
                .replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = EDGE_HYPHENS.matcher(slug.substring(0, cut > 0 ? cut : MAX_LENGTH)).replaceAll("");
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }
}
