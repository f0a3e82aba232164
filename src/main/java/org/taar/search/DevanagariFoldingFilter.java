package org.taar.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the Devanagari spellings that readers and agencies use interchangeably: the nukta is
 * dropped (ज़ → ज, also the precomposed letters क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ ऩ ऱ ऴ), chandrabindu becomes
 * anusvara (सिँह → सिंह), and zero-width joiners are removed. Nothing else changes.
 */
public final class DevanagariFoldingFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    public DevanagariFoldingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) return false;
        char[] b = term.buffer();
        int len = term.length();
        int out = 0;
        for (int i = 0; i < len; i++) {
            char c = fold(b[i]);
            if (c != 0) b[out++] = c;
        }
        term.setLength(out);
        return true;
    }

    /** The folded character, or 0 to drop it. */
    static char fold(char c) {
        switch (c) {
            case '\u093C': case '\u200C': case '\u200D': return 0;      // nukta, ZWNJ, ZWJ
            case '\u0901': return '\u0902';                              // chandrabindu → anusvara
            case '\u0929': return '\u0928';                              // ऩ → न
            case '\u0931': return '\u0930';                              // ऱ → र
            case '\u0934': return '\u0933';                              // ऴ → ळ
            case '\u0958': return '\u0915';                              // क़ → क
            case '\u0959': return '\u0916';                              // ख़ → ख
            case '\u095A': return '\u0917';                              // ग़ → ग
            case '\u095B': return '\u091C';                              // ज़ → ज
            case '\u095C': return '\u0921';                              // ड़ → ड
            case '\u095D': return '\u0922';                              // ढ़ → ढ
            case '\u095E': return '\u092B';                              // फ़ → फ
            case '\u095F': return '\u092F';                              // य़ → य
            default: return c;
        }
    }
}
