package org.taar.normalize;

import org.taar.item.NewsItem;

/**
 * Sets the language from the script of the headline and body (Devanagari: hi, Latin: en, Arabic script with
 * the letters only Urdu writes: ur) when the item does not declare one, since the site, search and tagging all pick their tools by language; the item's own word wins.
 */
public final class LanguageFilter implements ItemFilter {
    /** ٹ ڈ ڑ ں ے ۓ: the retroflex letters, noon ghunna and bari ye, written in Urdu and not in Arabic or Persian. */
    private static final String URDU_ONLY = "\u0679\u0688\u0691\u06BA\u06D2\u06D3";
    @Override
    public NewsItem apply(NewsItem item) {
        if (item.language() != null && !item.language().isBlank()) return item;
        NewsItem.Builder b = item.toBuilder();
        b.language = language((item.headline() == null ? "" : item.headline()) + " " + letters(item.bodyHtml()));
        return b.build();
    }

    /**
     * The body's text for counting scripts, without a second HTML parse: the body is the sanitizer's
     * output by now, so tags and character references are well formed and can be skipped as they come.
     */
    static String letters(String bodyHtml) {
        if (bodyHtml == null) return "";
        StringBuilder out = new StringBuilder(bodyHtml.length());
        for (int i = 0; i < bodyHtml.length(); i++) {
            char c = bodyHtml.charAt(i);
            if (c == '<') {
                int end = bodyHtml.indexOf('>', i);
                if (end < 0) break;
                i = end;
                out.append(' ');
            } else if (c == '&') {
                int end = bodyHtml.indexOf(';', i);
                if (end < 0 || end - i > 12) continue;
                i = end;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // Counting letters and vowel signs, not characters, so that digits and punctuation do not vote.
    static String language(String text) {
        int devanagari = 0;
        int latin = 0;
        int arabic = 0;
        boolean urduLetters = false;
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
            else if (script == Character.UnicodeScript.ARABIC) {
                arabic++;
                urduLetters |= URDU_ONLY.indexOf(cp) >= 0;
            }
        }
        if (letters == 0) return null;
        if (devanagari * 2 > letters) return "hi";
        if (latin * 2 > letters) return "en";
        // Arabic and Persian text never has these; without them the language stays unnamed (shown dir="auto").
        if (arabic * 2 > letters && urduLetters) return "ur";
        return null;
    }
}
