package org.taar.search;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.taar.text.Folding;

/**
 * Folds the Devanagari spellings that readers and agencies use interchangeably: the nukta is
 * dropped (ज़ → ज, also the precomposed letters क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ ऩ ऱ ऴ), chandrabindu becomes
 * anusvara (सिँह → सिंह), and zero-width joiners are removed. Nothing else changes. The table is
 * {@link Folding}'s, shared with the desk's queue search.
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
            char c = Folding.fold(b[i]);
            if (c != 0) b[out++] = c;
        }
        term.setLength(out);
        return true;
    }
}
