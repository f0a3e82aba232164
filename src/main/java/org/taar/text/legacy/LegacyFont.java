package org.taar.text.legacy;

import java.util.Locale;
import java.util.Optional;

/** The pre-Unicode Hindi fonts that wire copy and old CMS exports still arrive in. */
public enum LegacyFont {
    KRUTIDEV("Kruti Dev 010"),
    WALKMAN("Walkman-Chanakya 905"),
    CHANAKYA("Chanakya");

    private final String displayName;

    LegacyFont(String displayName) {
        this.displayName = displayName;
    }

    /** The font's usual name, for warnings an editor reads. */
    public String displayName() {
        return displayName;
    }

    /** The converter for this font; converters are stateless, so one instance each is shared. */
    public LegacyConverter converter() {
        return switch (this) {
            case KRUTIDEV -> KrutiDevConverter.INSTANCE;
            case WALKMAN -> WalkmanChanakyaConverter.INSTANCE;
            case CHANAKYA -> ChanakyaConverter.INSTANCE;
        };
    }

    /** The font for a command-line name (krutidev, walkman, chanakya), case-insensitive. */
    public static Optional<LegacyFont> byName(String name) {
        if (name == null) return Optional.empty();
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
