package org.taar.story;

import java.util.Locale;

/**
 * Why a row was appended to the event table: what readers, the search index, the page cache and
 * the CDN must catch up with. The labels are the words stored in the events table.
 */
public enum EventKind {
    /** a story appeared on the site for the first time */
    PUBLISHED,
    /** a story already on the site changed (a newer version, a release after a hold) */
    UPDATED,
    /** a story was held back (a rule or an editor) */
    HELD,
    /** a story waits for its embargo */
    EMBARGOED,
    /** a story went down everywhere */
    KILLED,
    /** another agency's copy was linked to the story: only its "also reported by" changes */
    REPORTED,
    /** its pictures, video or audio changed (made ready, replaced, withdrawn): its pages show them anew */
    MEDIA;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EventKind of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** The event a version announces when it leaves the story as {@code outcome} says. */
    public static EventKind of(OutcomeStatus outcome) {
        return switch (outcome) {
            case PUBLISHED -> PUBLISHED;
            case UPDATED, EDITED -> UPDATED;
            case HELD -> HELD;
            case EMBARGOED -> EMBARGOED;
            case KILLED -> KILLED;
            case DUPLICATE, REJECTED, MEDIA -> throw new IllegalArgumentException(outcome + " changes nothing readers see");
        };
    }
}
