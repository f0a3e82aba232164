package org.taar.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.taar.item.NewsItem;
import org.taar.text.Nfc;

/**
 * The text rules look at, made comparable: NFC, case-folded, nukta dropped (ज़ = ज, ड़ = ड),
 * chandrabindu read as anusvara (गाँव = गांव) and joiners removed, then cut into words at
 * anything that is not a letter, mark or digit. Matching whole words of this text is what keeps
 * "Scunthorpe" and "गांडीव" clear of the words hidden inside them.
 */
public final class RuleText {
    private RuleText() {}

    /**
     * What the routing rules read of an item: its plain text, and the folded words of that text
     * with the slugline and editor's note. Pure work, which an import does on every core before writing.
     */
    public record Read(String text, List<String> words) {}

    public static Read read(NewsItem item) {
        String text = plain(item);
        String extra = (item.slugline() == null ? "" : item.slugline() + "\n") + (item.ednote() == null ? "" : item.ednote());
        return new Read(text, words(extra.isEmpty() ? text : text + "\n" + extra));
    }

    /** Headline, subheadline, summary and the body's text (markup removed), one line each. */
    public static String plain(NewsItem item) {
        StringBuilder b = new StringBuilder();
        for (String s : new String[] {item.headline(), item.subheadline(), item.summary()}) {
            if (s != null) b.append(s).append('\n');
        }
        if (item.bodyHtml() != null) b.append(Jsoup.parseBodyFragment(item.bodyHtml()).text());
        return Nfc.of(b.toString());
    }

    /** The folded form described above; the same function folds word lists and stories. */
    public static String fold(String s) {
        String nfc = Nfc.of(s).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(nfc.length());
        for (int i = 0; i < nfc.length(); i++) {
            char c = nfc.charAt(i);
            switch (c) {
                // NFC leaves क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ decomposed (composition exclusions): dropping the nukta is enough.
                case '\u093C', '\u200C', '\u200D', '\u00AD' -> { }
                case '\u0901' -> b.append('\u0902');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The folded words of a text, in order. */
    public static List<String> words(String text) {
        String f = fold(text);
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < f.length(); ) {
            int cp = f.codePointAt(i);
            boolean part = Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
            if (part && start < 0) start = i;
            if (!part && start >= 0) {
                out.add(f.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) out.add(f.substring(start));
        return out;
    }
}
