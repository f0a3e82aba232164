package org.taar.item;

import java.util.Locale;

/** The agency's publication status of an item, as ninjs and NewsML-G2 name it. */
public enum PubStatus {
    USABLE, WITHHELD, CANCELED;

    public String ninjs() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the spellings agencies use (usable, stat:usable, canceled, cancelled, withheld...). */
    public static PubStatus parse(String value) {
        if (value == null || value.isBlank()) return USABLE;
        String v = value.trim().toLowerCase(Locale.ROOT);
        int colon = v.lastIndexOf(':');
        if (colon >= 0) v = v.substring(colon + 1);
        return switch (v) {
            case "canceled", "cancelled", "cancel", "kill", "killed", "withdrawn", "deleted" -> CANCELED;
            case "withheld", "hold", "held" -> WITHHELD;
            case "usable", "published", "corrected", "updated", "" -> USABLE;
            default -> throw new IllegalArgumentException("unknown pubstatus '" + value + "'");
        };
    }
}
