package org.taar.story;

import java.util.Locale;

/**
 * Where a story stands on the site. Only PUBLISHED stories are visible to readers. DUPLICATE:
 * stored and linked to the first story it repeats (org.taar.dedupe), never shown on its own.
 */
public enum Status {
    PUBLISHED, HELD, EMBARGOED, KILLED, DUPLICATE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
