package org.taar.site;

/**
 * The words of the site's own furniture (navigation, buttons, notices), in the site's language
 * ({@code site.language}): Hindi for "hi", English for every other language. Story text is the
 * agency's and is never translated. The Hindi labels carry the English in brackets where a reader
 * may not read Devanagari (the not-found and removed notices, read more).
 */
public record Labels(
        String skipToContent,
        String searchPlaceholder,
        String searchLabel,
        String searchButton,
        String search,
        String latest,
        String noStories,
        String newer,
        String older,
        String page,
        String readMore,
        String readLess,
        String nextStory,
        String related,
        String notFoundTitle,
        String notFoundText,
        String goneTitle,
        String goneText,
        String breaking,
        String feedDescription,
        String searchNothing,
        String searchFound,
        String searchAtLeast,
        String searchFailed,
        String searchBad,
        String previous,
        String nextPage,
        String goHome,
        String liveOne,
        String liveMany,
        String alsoReported) {

    public static final Labels HINDI = new Labels(
            "मुख्य सामग्री पर जाएँ",
            "खोजें…",
            "खोजें (Search)",
            "खोजें",
            "खोज",
            "ताज़ा ख़बरें",
            "अभी कोई ख़बर नहीं है।",
            "← नई ख़बरें",
            "पुरानी ख़बरें →",
            "पृष्ठ",
            "और पढ़ें (Read more)",
            "कम पढ़ें (Read less)",
            "अगली ख़बर",
            "संबंधित ख़बरें",
            "पेज नहीं मिला (Page not found)",
            "आप जो पेज खोज रहे हैं वह मौजूद नहीं है।",
            "यह ख़बर हटा दी गई है (This story has been removed)",
            "एजेंसी ने यह ख़बर वापस ले ली है, इसलिए इसे हटा दिया गया है। (The agency withdrew this story.)",
            "ब्रेकिंग (Breaking)",
            "%s की ताज़ा ख़बरें",
            "“%s” से कोई ख़बर नहीं मिली।",
            "%d ख़बरें मिलीं (पृष्ठ %d)",
            "कम से कम %d ख़बरें मिलीं (पृष्ठ %d)",
            "इस खोज को चलाया नहीं जा सका (this search could not be run)",
            "अमान्य खोज (bad search): ",
            "← पिछला",
            "अगला →",
            "मुखपृष्ठ पर जाएँ (Go to the home page)",
            "1 नई ख़बर (1 new story)",
            "{n} नई ख़बरें ({n} new stories)",
            "यह ख़बर इन्होंने भी दी");

    public static final Labels ENGLISH = new Labels(
            "Skip to content",
            "Search…",
            "Search",
            "Search",
            "Search",
            "Latest news",
            "No stories yet.",
            "← Newer stories",
            "Older stories →",
            "page",
            "Read more",
            "Read less",
            "Next story",
            "Related stories",
            "Page not found",
            "The page you are looking for does not exist.",
            "This story has been removed",
            "The agency withdrew this story, so it has been removed.",
            "Breaking",
            "Latest news from %s",
            "No stories found for “%s”.",
            "%d stories found (page %d)",
            "At least %d stories found (page %d)",
            "This search could not be run",
            "Bad search: ",
            "← Previous",
            "Next →",
            "Go to the home page",
            "1 new story",
            "{n} new stories",
            "Also reported by");

    /** The labels for a BCP 47 language tag: Hindi for hi and its variants, English otherwise. */
    public static Labels of(String language) {
        return language != null && (language.equals("hi") || language.startsWith("hi-")) ? HINDI : ENGLISH;
    }
}
