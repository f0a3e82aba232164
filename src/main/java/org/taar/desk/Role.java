package org.taar.desk;

import java.util.Locale;
import java.util.Optional;

/** What a desk user may do: each role may do everything the roles below it may. */
public enum Role {
    /** Reads the queue, stories, sources and rules; changes nothing. */
    VIEWER,
    /** Acts on stories, advisories and tags. */
    EDITOR,
    /** Also manages users, sources, keys and rules. */
    ADMIN;

    public boolean mayDo(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String label) {
        if (label == null) return Optional.empty();
        for (Role r : values()) {
            if (r.label().equals(label.strip().toLowerCase(Locale.ROOT))) return Optional.of(r);
        }
        return Optional.empty();
    }
}
