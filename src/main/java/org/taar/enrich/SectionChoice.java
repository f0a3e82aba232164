package org.taar.enrich;

/**
 * The section chosen for a story and what decided it, so that an editor can see why a story went
 * where it did.
 *
 * @param section the site section's slug
 * @param signal what decided: {@code declared} (the source's section is one of the site's),
 *     {@code declared-meaning} (what the declared section means), {@code subject} (the agency's coded
 *     subject), {@code model} (the section model), {@code dateline} (where the dateline lies),
 *     {@code places} (the places and organisations the story names), {@code source-default},
 *     {@code default} (nothing in the story decided), or {@code rule} (a routing rule's edit)
 * @param detail in a few words, the evidence ("वाशिंगटन is outside India (United States)")
 */
public record SectionChoice(String section, String signal, String detail) {
    public static final String DECLARED = "declared";
    public static final String DECLARED_MEANING = "declared-meaning";
    public static final String SUBJECT = "subject";
    public static final String MODEL = "model";
    public static final String DATELINE = "dateline";
    public static final String PLACES = "places";
    public static final String SOURCE_DEFAULT = "source-default";
    public static final String DEFAULT = "default";
    public static final String RULE = "rule";

    /** The reason as one line: "world (dateline: वाशिंगटन is outside India (United States))". */
    public String reason() {
        return section + " (" + signal + (detail == null || detail.isBlank() ? "" : ": " + detail) + ")";
    }
}
