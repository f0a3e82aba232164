package org.taar.search;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Maps a few well-known alternative spellings of the same word to one form (अमरीका → अमेरिका),
 * where no rule of normalization or stemming can bring them together. Runs after
 * {@link DevanagariFoldingFilter}, so the table is written without nukta or chandrabindu.
 */
public final class SpellingVariantFilter extends TokenFilter {
    static final Map<String, String> VARIANTS = Map.ofEntries(
            Map.entry("अमरीका", "अमेरिका"),
            Map.entry("अमरीकी", "अमेरिकी"),
            Map.entry("बर्तानिया", "ब्रिटेन"),
            Map.entry("हिन्दी", "हिंदी"),
            Map.entry("हिन्दू", "हिंदू"),
            Map.entry("हिन्दुस्तान", "हिंदुस्तान"),
            Map.entry("सम्बन्ध", "संबंध"),
            Map.entry("सम्बंध", "संबंध"),
            Map.entry("गान्धी", "गांधी"));

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    public SpellingVariantFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        if (!keyword.isKeyword()) {
            String to = VARIANTS.get(term.toString());
            if (to != null) term.setEmpty().append(to);
        }
        return true;
    }
}
