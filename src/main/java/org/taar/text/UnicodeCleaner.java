package org.taar.text;

/**
 * Brings text to NFC and removes the invisible characters that wire copy picks up on its way,
 * keeping only the joiners that shape Devanagari conjuncts.
 *
 * <p>Devanagari nukta letters (क़ U+0958 ... य़ U+095F) are composition exclusions in Unicode, so
 * NFC turns them into base letter + nukta (क + U+093C) rather than the precomposed letter. We keep
 * that standard behaviour: both spellings an agency may send come out as the same decomposed string,
 * which is what search, deduplication and comparison need.
 */
public final class UnicodeCleaner {

    /** What cleaning removed that is worth telling an editor about. */
    public record Result(String text, int controls, int replacements) {}

    /** Cleans one text field; null stays null. */
    public String clean(String s) {
        return s == null ? null : cleanCounting(s).text();
    }

    public Result cleanCounting(String s) {
        if (s == null) return new Result(null, 0, 0);
        String nfc = Nfc.of(s.replace("\r\n", "\n").replace('\r', '\n'));
        StringBuilder out = new StringBuilder(nfc.length());
        int controls = 0;
        int replacements = 0;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp == 0xFFFD) replacements++;
            if (isControl(cp)) {
                controls++;
            } else if (cp == 0x200C || cp == 0x200D) {
                // Joiners choose between conjunct and half forms (क्‍ष); anywhere else they are noise.
                if (isDevanagari(lastCodePoint(out)) && next < nfc.length() && isDevanagari(nfc.codePointAt(next))) {
                    out.appendCodePoint(cp);
                }
            } else if (isSpace(cp)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '\n') {
                    out.append(' ');
                }
            } else if (!isInvisible(cp)) {
                if (cp == '\n') stripTrailingSpace(out);
                out.appendCodePoint(cp);
            }
            i = next;
        }
        return new Result(out.toString().strip(), controls, replacements);
    }

    private static boolean isControl(int cp) {
        return (cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F);
    }

    private static boolean isSpace(int cp) {
        return cp == ' ' || cp == 0x00A0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F
                || cp == 0x3000;
    }

    private static boolean isInvisible(int cp) {
        return cp == 0xFEFF || cp == 0x200B || cp == 0x2060 || cp == 0x00AD || cp == 0x200E || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }

    static boolean isDevanagari(int cp) {
        return (cp >= 0x0900 && cp <= 0x097F) || (cp >= 0xA8E0 && cp <= 0xA8FF);
    }

    private static int lastCodePoint(StringBuilder sb) {
        return sb.length() == 0 ? -1 : Character.codePointBefore(sb, sb.length());
    }

    private static void stripTrailingSpace(StringBuilder sb) {
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') sb.setLength(sb.length() - 1);
    }
}
