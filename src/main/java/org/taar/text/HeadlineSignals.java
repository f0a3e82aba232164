package org.taar.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words agencies put before a headline or on a keyword line to signal what a message is, not
 * what it says: a correction ({@code CORRECTED-}, {@code KORREKTUR}, {@code RECTIFICATIF},
 * {@code सुधार:}), a re-send ({@code REFILE}, {@code RPT}, {@code WDH}), a new lead or update
 * ({@code 1ST LEAD}, {@code UPDATE 2-}, {@code WRAPUP}, {@code 2E LEAD}, {@code AMPLIACIÓN},
 * {@code अपडेट}), an urgency ({@code FLASH}, {@code URGENT}, {@code EILMELDUNG}, {@code URGENTE},
 * {@code ब्रेकिंग}) or a note to editors ({@code (Achtung)}, {@code EXTRA}). One table for every
 * wire format, in English, German, French, Spanish and Hindi agency practice.
 */
public final class HeadlineSignals {

    /** What a signal word says. */
    public enum Kind { CORRECTION, REPEAT, LEAD, URGENCY, NOTE }

    /** One word read: its kind, the urgency (1 most urgent) for URGENCY, the lead number for LEAD. */
    public record Word(Kind kind, int level) {}

    /**
     * What the signal words of a headline or keyword line said, and the headline without them.
     *
     * @param rest the headline after the signal words; the input unchanged when nothing was read
     * @param lead the highest lead or update number (1 for a bare LEAD or UPDATE), 0 for none
     * @param urgency the highest urgency signalled, null for none
     * @param words the signal words as written, in order
     */
    public record Signals(String rest, boolean correction, boolean repeat, int lead, Integer urgency, List<String> words) {
        public boolean any() {
            return !words.isEmpty();
        }
    }

    private static final Map<String, Word> WORDS = Map.ofEntries(
            // Corrections, in the agencies' languages.
            w("CORRECTED", Kind.CORRECTION, 0), w("CORRECTION", Kind.CORRECTION, 0), w("CORRECTS", Kind.CORRECTION, 0),
            w("CORRECTING", Kind.CORRECTION, 0), w("CORR", Kind.CORRECTION, 0), w("CORRN", Kind.CORRECTION, 0),
            w("KORREKTUR", Kind.CORRECTION, 0), w("KORRIGIERT", Kind.CORRECTION, 0), w("BERICHTIGUNG", Kind.CORRECTION, 0),
            w("RECTIFICATIF", Kind.CORRECTION, 0), w("CORRIGÉ", Kind.CORRECTION, 0), w("CORRIGE", Kind.CORRECTION, 0),
            w("CORRECTIF", Kind.CORRECTION, 0), w("CORRECCIÓN", Kind.CORRECTION, 0), w("CORRECCION", Kind.CORRECTION, 0),
            w("RECTIFICACIÓN", Kind.CORRECTION, 0), w("RECTIFICACION", Kind.CORRECTION, 0),
            w("सुधार", Kind.CORRECTION, 0), w("संशोधित", Kind.CORRECTION, 0), w("संशोधन", Kind.CORRECTION, 0),
            // Re-sends: the story is the same, so neither a correction nor a new version of the words.
            w("REFILE", Kind.REPEAT, 0), w("REFILED", Kind.REPEAT, 0), w("RPT", Kind.REPEAT, 0), w("REPEAT", Kind.REPEAT, 0),
            w("REPEATING", Kind.REPEAT, 0), w("RESENDING", Kind.REPEAT, 0), w("WDH", Kind.REPEAT, 0),
            w("WIEDERHOLUNG", Kind.REPEAT, 0), w("RÉPÉTITION", Kind.REPEAT, 0), w("REPETICIÓN", Kind.REPEAT, 0),
            w("REPETICION", Kind.REPEAT, 0), w("दोहराया", Kind.REPEAT, 0),
            // New leads and updates.
            w("LEAD", Kind.LEAD, 1), w("LD", Kind.LEAD, 1), w("NEWLEAD", Kind.LEAD, 1), w("UPDATE", Kind.LEAD, 1),
            w("UPDATED", Kind.LEAD, 1), w("UPDATES", Kind.LEAD, 1), w("WRAPUP", Kind.LEAD, 1), w("WRAP-UP", Kind.LEAD, 1), w("WRAP", Kind.LEAD, 1),
            w("WRITETHRU", Kind.LEAD, 1), w("ZUSAMMENFASSUNG", Kind.LEAD, 1), w("ZUS", Kind.LEAD, 1),
            w("AKTUALISIERT", Kind.LEAD, 1), w("NEUFASSUNG", Kind.LEAD, 1), w("PAPIER GÉNÉRAL", Kind.LEAD, 1),
            w("PAPIER GENERAL", Kind.LEAD, 1), w("ACTUALISATION", Kind.LEAD, 1), w("AMPLIACIÓN", Kind.LEAD, 1),
            w("AMPLIACION", Kind.LEAD, 1), w("ACTUALIZA", Kind.LEAD, 1), w("ACTUALIZACIÓN", Kind.LEAD, 1),
            w("ACTUALIZACION", Kind.LEAD, 1), w("अपडेट", Kind.LEAD, 1), w("अद्यतन", Kind.LEAD, 1),
            // Urgencies, 1 the most urgent.
            w("FLASH", Kind.URGENCY, 1), w("BLITZ", Kind.URGENCY, 1), w("APNEWSALERT", Kind.URGENCY, 1),
            w("BULLETIN", Kind.URGENCY, 2), w("ALERT", Kind.URGENCY, 2), w("BREAKING", Kind.URGENCY, 2),
            w("EILMELDUNG", Kind.URGENCY, 2), w("EIL", Kind.URGENCY, 2), w("URGENT", Kind.URGENCY, 3),
            w("URGENTE", Kind.URGENCY, 3), w("VORRANG", Kind.URGENCY, 3), w("AVANCE", Kind.URGENCY, 3),
            w("फ्लैश", Kind.URGENCY, 1), w("ब्रेकिंग", Kind.URGENCY, 2), w("अर्जेंट", Kind.URGENCY, 3),
            // Notes to the desk that are no part of the headline.
            w("ACHTUNG", Kind.NOTE, 0), w("EXTRA", Kind.NOTE, 0), w("ATTENTION", Kind.NOTE, 0));

    private static final String WORD_ALTERNATIVES = alternatives();
    /** A signal: an ordinal before (1ST, 2ND, 2E, 1ER, 2.) or a number after (UPDATE 2, LEAD 1). */
    private static final String SIGNAL = "(?:(\\d{1,2})(?:ST|ND|RD|TH|ER|E|\\.)?\\s*)?(" + WORD_ALTERNATIVES + ")(?:\\s+(\\d{1,2}))?";
    /** A signal before the headline, ended by a separator; Latin words in capitals unless a colon or spaced dash follows. */
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:\\(\\s*(?iu:" + SIGNAL + ")\\s*\\)\\s*[-:–—|]?|(?iu:" + SIGNAL + ")(?:\\s*:|\\s+[-–—|]|\\s*[-–—|](?=\\S)))\\s*");
    private static final Pattern PAREN_SUFFIX = Pattern.compile("\\s*\\(\\s*(?iu:" + SIGNAL + ")\\s*\\)\\s*$");
    private static final Pattern WHOLE = Pattern.compile("(?iu:" + SIGNAL + ")");

    private HeadlineSignals() {}

    private static Map.Entry<String, Word> w(String word, Kind kind, int level) {
        return Map.entry(word, new Word(kind, level));
    }

    private static String alternatives() {
        List<String> words = new ArrayList<>(WORDS.keySet());
        // Longest first, so that UPDATED is not read as UPDATE and the rest "D".
        words.sort((a, b) -> b.length() - a.length());
        StringBuilder sb = new StringBuilder();
        for (String word : words) sb.append(sb.length() == 0 ? "" : "|").append(Pattern.quote(word).replace(" ", "\\E\\s+\\Q"));
        return sb.toString();
    }

    /** The kind of one signal word as written, ignoring case; null when the word is no signal. */
    public static Word word(String word) {
        if (word == null) return null;
        return WORDS.get(word.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
    }

    /**
     * Reads the signal words before a headline ({@code UPDATE 2-CORRECTED-Fed holds rates},
     * {@code FLASH: Quake hits}, {@code (Achtung) Impressum}) and a parenthesised one after it.
     * A headline that is nothing but signals keeps its words, since an empty headline is worse.
     */
    public static Signals read(String headline) {
        Acc acc = new Acc();
        if (headline == null) return acc.signals(null);
        String rest = headline;
        for (int guard = 0; guard < 8; guard++) {
            Matcher m = PREFIX.matcher(rest);
            if (!m.find() || m.end() == 0) break;
            boolean paren = m.group(2) != null;
            String word = paren ? m.group(2) : m.group(5);
            // Latin signal words before a bare hyphen are capitals on the wire; "Update-driven" is a word.
            if (!paren && isLatin(word) && !word.equals(word.toUpperCase(Locale.ROOT))
                    && !m.group().matches("(?s).*(?::|\\s[-–—|]).*")) break;
            String after = rest.substring(m.end());
            if (after.isBlank()) break;
            acc.add(word, paren ? m.group(1) : m.group(4), paren ? m.group(3) : m.group(6), m.group().strip());
            rest = after;
        }
        Matcher p = PAREN_SUFFIX.matcher(rest);
        if (p.find() && p.start() > 0) {
            acc.add(p.group(2), p.group(1), p.group(3), p.group().strip());
            rest = rest.substring(0, p.start());
        }
        return acc.signals(acc.words.isEmpty() ? headline : rest.strip());
    }

    /**
     * Reads a line that may consist of signals only ({@code REFILE}, {@code 1ST LEAD}, {@code (Achtung)},
     * {@code UPDATE 2}); empty signals when any part of it is no signal.
     */
    public static Signals line(String line) {
        Acc acc = new Acc();
        if (line == null || line.isBlank()) return acc.signals(line);
        String s = line.strip().replaceAll("^\\(|\\)$", "").replaceAll("[=<]+$", "").strip();
        for (String part : s.split("\\s*[,/]\\s*|\\s+-\\s+")) {
            Matcher m = WHOLE.matcher(part.strip());
            if (!m.matches()) return new Acc().signals(line);
            acc.add(m.group(2), m.group(1), m.group(3), part.strip());
        }
        return acc.signals("");
    }

    private static boolean isLatin(String word) {
        return word.chars().allMatch(c -> c < 0x0900);
    }

    private static final class Acc {
        boolean correction;
        boolean repeat;
        int lead;
        Integer urgency;
        final List<String> words = new ArrayList<>();

        void add(String word, String ordinal, String number, String asWritten) {
            Word w = word(word);
            if (w == null) return;
            words.add(asWritten);
            switch (w.kind()) {
                case CORRECTION -> correction = true;
                case REPEAT -> repeat = true;
                case LEAD -> {
                    String n = ordinal != null ? ordinal : number;
                    lead = Math.max(lead, n == null ? w.level() : Integer.parseInt(n));
                }
                case URGENCY -> urgency = urgency == null ? w.level() : Math.min(urgency, w.level());
                case NOTE -> { }
            }
        }

        Signals signals(String rest) {
            return new Signals(rest, correction, repeat, lead, urgency, List.copyOf(words));
        }
    }
}
