package org.taar.normalize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.item.NewsItem;
import org.taar.text.HeadlineSignals;

/**
 * Marks the item a correction when its text says so and takes the marker off the headline, since readers see
 * the site's correction notice instead of an agency's "CORRECTED:".
 *
 * <p>Corrections as agencies mark them in the text itself, whatever the format: a headline prefix
 * ({@code CORRECTED:}, Reuters' {@code CORRECTED-} also behind other signal words ({@code UPDATE 2-CORRECTED-}),
 * dpa's {@code KORREKTUR:}, AFP's {@code RECTIFICATIF}, {@code सुधार:}, {@code संशोधित:}, a
 * {@code (सुधार के साथ)} before or after), a {@code CORRECTS ...} editor's note, a slugline word.
 * Format-specific signals (NewsML-G2 {@code sig:correction}, ANPA and IPTC 7901 keyword lines,
 * NITF, wire text {@code Status: corrected}) are read by the parsers; this adds what every format
 * can carry.
 */
public final class CorrectionFilter implements ItemFilter {
    private static final String SEPARATOR = "\\s*[:\\-–—|]\\s*";
    /** A headline's leading correction marker; the separator is required, so "सुधार की राह" is no marker. */
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:(?i:CORRECTED|CORRECTION|CORRECTS|CORRECTING)(?:\\s*\\([^)]{0,40}\\))?|सुधार|संशोधित|संशोधन)"
                    + SEPARATOR);
    /** A parenthesised marker, at either end of the headline. */
    private static final Pattern PAREN = Pattern.compile(
            "\\(\\s*(?:(?i:CORRECTED|CORRECTION)|सुधार के साथ|संशोधन के साथ|सुधार|संशोधित)\\s*\\)");
    /** A re-send to fix tags or typos: the prefix goes, but the story was not corrected. */
    private static final Pattern REFILE = Pattern.compile("^\\s*(?i:REFILE)" + SEPARATOR);
    private static final Pattern NOTE = Pattern.compile("(?i)\\bcorrect(?:s|ed|ion|ing)\\b|सुधार|संशोधित|संशोधन");
    private static final Pattern SLUG = Pattern.compile("(?i)\\b(?:corrected|correction|corrects|corr)\\b");

    @Override
    public NewsItem apply(NewsItem item) {
        NewsItem.Builder b = item.toBuilder();
        mark(b);
        return b.build();
    }

    /** Sets {@code correction} when the text marks one, and strips the headline's marker. */
    private static void mark(NewsItem.Builder b) {
        if (b.headline != null) {
            String h = b.headline;
            // A chain of signal words holding a correction, in any agency language: "UPDATE 2-CORRECTED-", "KORREKTUR:".
            HeadlineSignals.Signals signals = HeadlineSignals.read(h);
            if (signals.correction()) {
                h = signals.rest();
                b.correction = true;
            }
            Matcher r = REFILE.matcher(h);
            if (r.find()) h = h.substring(r.end());
            Matcher p = PREFIX.matcher(h);
            if (p.find()) {
                h = h.substring(p.end());
                b.correction = true;
            }
            String withoutParen = PAREN.matcher(h).replaceAll("").strip();
            if (!withoutParen.equals(h.strip()) && !withoutParen.isEmpty()
                    && (PAREN.matcher(h.strip()).lookingAt() || endsWithParen(h.strip()))) {
                h = withoutParen.replaceAll("\\s{2,}", " ");
                b.correction = true;
            }
            // A headline that was nothing but the marker keeps its words: an empty headline is worse.
            if (!h.isBlank()) b.headline = h.strip();
        }
        if (b.ednote != null && NOTE.matcher(b.ednote).find()) b.correction = true;
        if (b.slugline != null && SLUG.matcher(b.slugline).find()) b.correction = true;
    }

    private static boolean endsWithParen(String h) {
        Matcher m = PAREN.matcher(h);
        while (m.find()) {
            if (m.end() == h.length()) return true;
        }
        return false;
    }
}
