package org.taar.normalize;

import org.taar.item.NewsItem;
import org.taar.text.HtmlSanitizer;

/**
 * Sets the language from the script of the headline and body (Devanagari: hi, Latin: en) when the item does not
 * declare one, since the site, search and tagging all pick their tools by language; the item's own word wins.
 */
public final class LanguageFilter implements ItemFilter {
    private final HtmlSanitizer bodies;

    /** @param bodies reads the body as plain text */
    public LanguageFilter(HtmlSanitizer bodies) {
        this.bodies = bodies;
    }

    @Override
    public NewsItem apply(NewsItem item) {
        if (item.language() != null && !item.language().isBlank()) return item;
        String bodyText = item.bodyHtml() == null ? "" : bodies.toPlainText(item.bodyHtml());
        NewsItem.Builder b = item.toBuilder();
        b.language = language((item.headline() == null ? "" : item.headline()) + " " + bodyText);
        return b.build();
    }

    // Counting letters and vowel signs, not characters, so that digits and punctuation do not vote.
    static String language(String text) {
        int devanagari = 0;
        int latin = 0;
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            // Vowel signs are marks, not letters, yet they are half of what Devanagari text is written with.
            if (!Character.isLetter(cp) && type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK) {
                continue;
            }
            letters++;
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.DEVANAGARI) devanagari++;
            else if (script == Character.UnicodeScript.LATIN) latin++;
        }
        if (letters == 0) return null;
        if (devanagari * 2 > letters) return "hi";
        if (latin * 2 > letters) return "en";
        return null;
    }
}
