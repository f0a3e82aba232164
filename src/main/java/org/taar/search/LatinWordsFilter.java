package org.taar.search;

import java.lang.Character.UnicodeScript;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Keeps the words of the English chain that are English: Latin letters, digits and marks, and
 * drops a word with a letter of any other script. The Hindi words of a Hindi story are already in
 * its {@code .hi} and {@code .exact} copies; in the {@code .en} copy they were a third copy of
 * every word, a quarter of the indexing time of an import (bench/RESULTS.md, "import"), that no
 * English stemming or stop list applies to. Positions are kept, so phrases still line up.
 */
final class LatinWordsFilter extends FilteringTokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    LatinWordsFilter(TokenStream in) {
        super(in);
    }

    @Override
    protected boolean accept() {
        char[] b = term.buffer();
        int len = term.length();
        for (int i = 0; i < len; ) {
            int c = Character.codePointAt(b, i, len);
            i += Character.charCount(c);
            if (c < 0x80 || !Character.isLetter(c)) continue;
            UnicodeScript script = UnicodeScript.of(c);
            if (script != UnicodeScript.LATIN && script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                return false;
            }
        }
        return true;
    }
}
