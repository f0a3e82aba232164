package org.taar.item;

import java.util.Objects;

/**
 * An agency's kill advisory as the item announces it: the advisory word as the agency wrote it and
 * the story it names. Parsers set it where the format says so (an ANPA keyword modifier, a 7901
 * header keyword, an advisory opening the text); the kill stage reads it, so no one has to read a
 * kill back out of a warning's words.
 *
 * @param word the advisory word as sent, in capitals ({@code KILL}, {@code MANDATORY KILL},
 *     {@code WITHDRAWN}, {@code ELIMINATION}, {@code किल}...)
 * @param names what the advisory names the story it withdraws by
 * @param target the slug, message number, uri or headline named; null when it names none
 */
public record KillSignal(String word, Names names, String target) {
    /** What an advisory names its story by, in the order of trust the kill stage gives them. */
    public enum Names { URI, SLUG, MESSAGE, HEADLINE, NONE }

    public KillSignal {
        if (word == null || word.isBlank()) throw new IllegalArgumentException("a kill advisory has its word");
        Objects.requireNonNull(names, "names");
        if ((names == Names.NONE) != (target == null || target.isBlank())) {
            throw new IllegalArgumentException("a kill advisory naming " + names + " needs exactly that: " + target);
        }
        if (names == Names.NONE) target = null;
    }

    /** An advisory naming the story by its slug (keyword). */
    public static KillSignal slug(String word, String slug) {
        return new KillSignal(word, Names.SLUG, slug);
    }

    /** An advisory naming the story by the agency's message number. */
    public static KillSignal message(String word, String number) {
        return new KillSignal(word, Names.MESSAGE, number);
    }

    /** An advisory naming the story by its identifier. */
    public static KillSignal uri(String word, String uri) {
        return new KillSignal(word, Names.URI, uri);
    }

    /** An advisory naming the story by its headline. */
    public static KillSignal headline(String word, String headline) {
        return new KillSignal(word, Names.HEADLINE, headline);
    }

    /** An advisory whose story could not be made out. */
    public static KillSignal unnamed(String word) {
        return new KillSignal(word, Names.NONE, null);
    }

    /** The advisory as an editor reads it among the item's warnings: "kill advisory (KILL) for ELECTION-RESULTS". */
    public String describe() {
        String head = "kill advisory (" + word + ")";
        return switch (names) {
            case SLUG, URI -> head + " for " + target;
            case MESSAGE -> head + " for message " + target;
            case HEADLINE -> head + " for \"" + target + "\"";
            case NONE -> head + " without a resolvable story reference";
        };
    }
}
