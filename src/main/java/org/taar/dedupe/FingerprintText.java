package org.taar.dedupe;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.text.Agencies;
import org.taar.text.Nfc;

/**
 * The text a story is fingerprinted on: what stays the same when an agency's copy is relayed by
 * another desk. Relays change the dateline and the credit ({@code नई दिल्ली, 12 जुलाई (आईएएनएस)।}
 * becomes {@code नयी दिल्ली, 12 जुलाई (भाषा)}), spell nukta and chandrabindu letters either way,
 * write digits in Devanagari or ASCII, and punctuate at will; none of that may count.
 *
 * <p>Steps, in order: NFC; the dateline head (place and date before a parenthesised agency credit
 * near the start) and every parenthesised agency credit anywhere are removed; nukta dropped,
 * chandrabindu written as anusvara, ZWJ/ZWNJ dropped, Devanagari digits as ASCII, lower case;
 * everything that is not a letter, mark or digit becomes a space; a closing credit line
 * ({@code -- आईएएनएस}, {@code इनपुट: भाषा}) is dropped.
 */
public final class FingerprintText {
    // Agencies put the dateline at the very start; a credit further in is part of a sentence.
    private static final int DATELINE_REACH = 80;
    private static final int TRAILING_CREDIT_WORDS = 4;
    private static final Pattern PARENTHESISED = Pattern.compile("\\(([^()]{1,40})\\)");

    private final Agencies agencies;

    public FingerprintText(Agencies agencies) {
        this.agencies = agencies;
    }

    public FingerprintText() {
        this(new Agencies());
    }

    /** The normalized words of a text, joined by single spaces; "" for null or empty text. */
    public String normalize(String text) {
        if (text == null || text.isBlank()) return "";
        String nfc = Nfc.of(text);
        String credits = removeCredits(nfc);
        StringBuilder out = new StringBuilder(credits.length());
        for (int i = 0; i < credits.length(); ) {
            int cp = credits.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == 0x093C || cp == 0x200C || cp == 0x200D) continue;       // nukta, joiners
            if (cp == 0x0901) cp = 0x0902;                                      // chandrabindu → anusvara
            if (cp >= 0x0966 && cp <= 0x096F) cp = '0' + (cp - 0x0966);         // Devanagari digits
            int type = Character.getType(cp);
            boolean keep = Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK;
            if (keep) {
                out.appendCodePoint(Character.toLowerCase(cp));
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        // A credit line closes the copy ("-- आईएएनएस", "इनपुट: भाषा"); only the last words are looked up,
        // which keeps normalizing fast and leaves "भाषा" (language) inside sentences alone.
        String[] w = out.toString().strip().split(" ");
        int end = w.length;
        while (end > 0 && end > w.length - TRAILING_CREDIT_WORDS
                && (agencies.code(w[end - 1]).isPresent() || w[end - 1].equals("इनपुट") || w[end - 1].equals("input"))) {
            end--;
        }
        return w.length == 0 || w[0].isEmpty() ? "" : String.join(" ", java.util.Arrays.copyOf(w, end));
    }

    // "(आईएएनएस)", "(भाषा)", "(PTI/IANS)": credits only, so "(जदयू)" or "(2025)" stay.
    private String removeCredits(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        Matcher m = PARENTHESISED.matcher(text);
        int last = 0;
        boolean first = true;
        while (m.find()) {
            if (!isCredit(m.group(1))) continue;
            // Everything before the first credit near the start of the text is the dateline: place and date.
            boolean dateline = first && m.start() <= DATELINE_REACH && text.lastIndexOf('\n', m.start()) < 0;
            if (!dateline) sb.append(text, last, m.start());
            sb.append(' ');
            last = m.end();
            first = false;
        }
        sb.append(text, last, text.length());
        return sb.toString();
    }

    private boolean isCredit(String inside) {
        for (String part : inside.split("[/|,]")) {
            if (agencies.code(part.strip()).isEmpty()) return false;
        }
        return true;
    }
}
