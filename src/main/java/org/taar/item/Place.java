package org.taar.item;

/**
 * A place the item names as where it was reported from, beyond the city in {@code located}: the
 * state and country a dateline qualifies its city with ({@code लखनऊ (उत्तर प्रदेश) [भारत]}), or the
 * parts of a NITF {@code location}. Written to ninjs {@code places} with the kind as {@code rel}.
 *
 * @param name the place as written
 * @param kind what part it plays: {@code city}, {@code state} (a state, province or region) or
 *     {@code country}
 */
public record Place(String name, String kind) {
    public static final String CITY = "city";
    public static final String STATE = "state";
    public static final String COUNTRY = "country";

    public Place {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a place has a name");
        name = name.strip();
        if (!CITY.equals(kind) && !STATE.equals(kind) && !COUNTRY.equals(kind)) {
            throw new IllegalArgumentException("a place is a city, a state or a country, not " + kind);
        }
    }
}
