package org.taar.normalize;

import java.util.List;

/**
 * What a kill says about the story it takes down: the references it names. A cancel of the story
 * itself (NewsML-G2 {@code stat:canceled}, wire text {@code Status: killed}) names the story by its
 * own uri and headline; an advisory names another item by slug, quoted headline or identifier.
 *
 * @param kind the advisory word as sent ({@code KILL}, {@code MANDATORY KILL}, {@code WITHDRAWN},
 *     {@code ELIMINATE}, {@code हिंदी परामर्श}) or {@code CANCELED} for a plain cancel
 * @param advisory true when the item is an advisory about another item, false for a cancel of itself
 * @param uris identifiers named (the item's own uri first)
 * @param slug the slug named, or null
 * @param headlines headlines quoted in the advisory, or the cancel's own headline
 * @param text the advisory's words, shortened, for the audit reason and the editor
 */
public record KillAdvisory(String kind, boolean advisory, List<String> uris, String slug, List<String> headlines,
                           String text) {
    public KillAdvisory {
        uris = List.copyOf(uris);
        headlines = List.copyOf(headlines);
    }
}
