package org.taar.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Which stories are the same story in another language, for the article's hreflang links.
 *
 * <p>The rule: two published stories are editions of one story when their agency uris are equal
 * once a language suffix is taken off, and their languages differ. A language suffix is one of
 * {@link #SEPARATORS} followed by the story's own language (its primary subtag, lower case), so
 * {@code urn:ians:2025-07-12:0042} (Hindi) and {@code urn:ians:2025-07-12:0042-en} (English), or
 * {@code ...0042-hi} and {@code ...0042-en}, are one story; {@code ...0042-in} on a Hindi story
 * is not a suffix. Agencies that publish a story in two languages give the editions uris like
 * these, and the uri is the one identity every format carries; the rule needs nothing but it.
 * The source may differ (an agency's Hindi and English services are usually two feeds).
 */
public final class LanguageEditions {
    static final List<String> SEPARATORS = List.of("-", "_", ".", ":");
    /**
     * The languages a suffix is looked up in: India's scheduled languages with an ISO 639-1 or
     * 639-2 code, English and the languages of the large world agencies. Candidates are looked up
     * by exact uri (an index probe each), so the list is closed rather than "any two letters".
     */
    static final List<String> LANGUAGES = List.of("hi", "en", "ur", "bn", "mr", "ta", "te", "gu", "kn", "ml", "pa",
            "or", "as", "ne", "sa", "sd", "ks", "kok", "mai", "sat", "doi", "mni", "brx", "fr", "de", "es", "ar",
            "zh", "ru", "pt", "ja");

    private LanguageEditions() {}

    /** The primary language subtag of a BCP 47 tag, lower case ({@code hi-IN} → {@code hi}); null for none. */
    public static String primary(String language) {
        if (language == null || language.isBlank()) return null;
        String l = language.strip().toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-') >= 0 ? l.indexOf('-') : l.indexOf('_');
        return dash > 0 ? l.substring(0, dash) : l;
    }

    /** The uri without its language suffix; the uri itself when it has none. */
    public static String base(String uri, String language) {
        String lang = primary(language);
        if (uri == null || lang == null) return uri;
        for (String sep : SEPARATORS) {
            String suffix = sep + lang;
            if (uri.length() > suffix.length() && uri.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                return uri.substring(0, uri.length() - suffix.length());
            }
        }
        return uri;
    }

    /** Every uri another language's edition of this story could have: what the store looks up. */
    public static List<String> candidateUris(String uri, String language) {
        String base = base(uri, language);
        List<String> out = new ArrayList<>(1 + SEPARATORS.size() * LANGUAGES.size());
        if (!base.equals(uri)) out.add(base);
        for (String sep : SEPARATORS) {
            for (String lang : LANGUAGES) {
                String candidate = base + sep + lang;
                if (!candidate.equals(uri)) out.add(candidate);
            }
        }
        return out;
    }

    /** Whether {@code other} is {@code story} in another language, by the rule above. */
    public static boolean sameStory(Story story, String storyLanguage, Story other, String otherLanguage) {
        String a = primary(storyLanguage);
        String b = primary(otherLanguage);
        if (a == null || b == null || a.equals(b) || story.id() == other.id()) return false;
        return Objects.equals(base(story.uri(), a), base(other.uri(), b));
    }
}
