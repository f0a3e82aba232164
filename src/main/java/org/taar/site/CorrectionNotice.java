package org.taar.site;

/**
 * The notice on a corrected article, in the site's language (the rule of {@link Labels#of}): readers
 * must see that the story changed in substance, not only that it was updated. The Hindi notice
 * carries the English in brackets, like the site's other notices.
 */
public final class CorrectionNotice {
    private CorrectionNotice() {}

    /** @param when the time of the correction as the site shows times */
    public static String text(String siteLanguage, String when) {
        if (Labels.of(siteLanguage) == Labels.HINDI) {
            return "सुधार: इस ख़बर को " + when + " को सुधारा गया। (This story was corrected on " + when + ".)";
        }
        return "Correction: this story was corrected on " + when + ".";
    }
}
