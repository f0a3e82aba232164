package org.taar.enrich;

import org.taar.story.Tag;

/**
 * Something a story can be about: its canonical Hindi name, the English name its slug is made
 * of, and its type (person, place, org; learned for names taken from the archive's tags).
 */
public record Entity(String type, String name, String english, String slug) {
    public Tag tag() {
        return new Tag(slug, name);
    }
}
