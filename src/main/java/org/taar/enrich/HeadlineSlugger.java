package org.taar.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.taar.text.Slugger;

/**
 * The URL slug of a headline as a Hindi portal would write it by hand: entities the gazetteer
 * knows under their English names (उत्तर कोरिया → north-korea, वाशिंगटन → washington), the
 * function words below dropped, every other word romanized by {@link Slugger}; at most 80
 * characters, cut at a word, and never empty (the plain Slugger's slug when nothing is left).
 */
public final class HeadlineSlugger {
    /**
     * Dropped from slugs: Hindi postpositions, conjunctions, auxiliaries and particles, and their
     * English counterparts. Negations (नहीं, न) and numbers stay, since they change the meaning.
     */
    public static final List<String> STOP_WORDS = List.of(
            "के", "की", "का", "में", "से", "ने", "को", "पर", "तक", "लिए", "द्वारा", "और", "एवं", "तथा", "व", "या",
            "है", "हैं", "था", "थी", "थे", "हो", "होगा", "होगी", "होंगे", "एक", "भी", "तो", "ही", "कि", "यह", "वह",
            "ये", "वे", "इस", "उस", "इन", "उन", "जो", "अब", "साथ", "बाद",
            "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "is", "are", "was", "were", "by", "with");

    private static final Set<String> STOP_KEYS = Tagger.keys(STOP_WORDS.toArray(String[]::new));

    private final Gazetteer gazetteer;
    private final Slugger slugger;

    public HeadlineSlugger(Gazetteer gazetteer, Slugger slugger) {
        this.gazetteer = gazetteer;
        this.slugger = slugger;
    }

    public String slug(String headline) {
        List<TagText.Token> tokens = TagText.tokens(headline);
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            var match = gazetteer.find(tokens, i);
            if (match.isPresent()) {
                words.add(match.get().entity().slug());
                i += match.get().length();
                continue;
            }
            TagText.Token t = tokens.get(i++);
            if (!STOP_KEYS.contains(t.key())) words.add(t.surface());
        }
        // Apostrophes were split off by the tokenizer; "Modi's" still reads "modi-s" → keep the plain slugger's join.
        String joined = String.join(" ", words);
        String slug = slugger.slug(joined);
        return slug.equals(Slugger.FALLBACK) ? slugger.slug(headline) : slug;
    }
}
