package org.taar.text;

import com.ibm.icu.util.ULocale;
import java.util.Locale;

/**
 * Which way a language's text runs, from its BCP 47 tag. ICU decides from the script: the tag's own
 * script subtag when it has one ({@code pa-Arab} right to left, {@code sd-Deva} left to right), else the
 * language's likely script ({@code ur}, {@code ckb}, {@code ks} Perso-Arabic; {@code yi} Hebrew;
 * {@code dv} Thaana), so no hand list of languages has to be kept up to date.
 */
public final class TextDirection {
    /** Longer than any real tag; a longer value is not looked at. */
    private static final int MAX_TAG = 64;

    private TextDirection() {}

    /** Whether text in this language is written right to left; false for null or what names no language. */
    public static boolean rightToLeft(String languageTag) {
        ULocale locale = parse(languageTag);
        return locale != null && locale.isRightToLeft();
    }

    /** {@code "rtl"} or {@code "ltr"}, as HTML's {@code dir} attribute takes it. */
    public static String dir(String languageTag) {
        return rightToLeft(languageTag) ? "rtl" : "ltr";
    }

    /**
     * The tag as well-formed BCP 47 for a {@code lang} attribute ({@code ur_PK} as {@code ur-PK}, case
     * as the RFC writes it), or null when it names no language ({@code urdu}, {@code x-}, empty).
     */
    public static String wellFormed(String languageTag) {
        ULocale locale = parse(languageTag);
        return locale == null ? null : locale.toLanguageTag();
    }

    private static ULocale parse(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_TAG) return null;
        // Agencies write ur_PK (a Java or POSIX locale) as often as ur-PK.
        ULocale locale = ULocale.forLanguageTag(tag.strip().replace('_', '-').toLowerCase(Locale.ROOT));
        String language = locale.getLanguage();
        // ICU keeps any 2-8 letters as a language; only ISO 639's 2- and 3-letter codes name one.
        if (language.isEmpty() || language.length() > 3 || language.equals("und")) return null;
        return locale;
    }
}
