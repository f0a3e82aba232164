package org.taar.story;

import java.util.Locale;

/**
 * What one received version did, as `taar ingest` prints it, the push API answers it and the
 * versions table keeps it. The labels are the words on the wire and in the database.
 */
public enum OutcomeStatus {
    PUBLISHED, UPDATED, HELD, EMBARGOED, KILLED, DUPLICATE, REJECTED,
    /** Not a delivery's: an editor's edit at the desk, kept as a version of its own (no delivery). */
    EDITED,
    /**
     * No story version: the item was a picture, video or audio sent alone, or a package giving a
     * story its pictures; kept as media (store/MediaStore), its url the first story showing it, if any.
     */
    MEDIA;

    /** The lowercase word written to JSON, logs and the versions table. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OutcomeStatus of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** A version that leaves the story standing as {@code status} says so in the same word. */
    public static OutcomeStatus of(Status status) {
        return switch (status) {
            case PUBLISHED -> PUBLISHED;
            case HELD -> HELD;
            case EMBARGOED -> EMBARGOED;
            case KILLED -> KILLED;
            case DUPLICATE -> DUPLICATE;
        };
    }
}
