package org.taar.format;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.text.Agencies;

/**
 * A mail's subject as a headline: the prefixes mail programs add to replies and forwards, in the
 * languages they are written in, taken off; a bracketed tag or a leading agency name taken off
 * too, keeping its meaning: an agency becomes the item's agency, FLASH or URGENT its urgency.
 */
final class EmailSubject {
    /** Reply and forward prefixes (English, German, Nordic, Dutch, French, Italian, Spanish, Polish...), with a count. */
    private static final Pattern REPLY_FORWARD = Pattern.compile(
            "^\\s*(?:re|fwd?|fw|aw|wg|sv|vs|antw|doorst|tr|rif|res|enc|odp|pd|r|i)\\s*(?:\\[\\d+\\]|\\(\\d+\\)|\\^\\d+)?\\s*[:：]\\s*",
            Pattern.CASE_INSENSITIVE);
    /** A tag in brackets: a list name, a filter's mark, an agency, an urgency. */
    private static final Pattern TAG = Pattern.compile("^\\s*[\\[(]([^\\])]{1,40})[\\])]\\s*[:-]?\\s*");
    /** A leading word and a separator, which may name the agency: "IANS: ...", "PTI - ...". */
    private static final Pattern LEADING_NAME = Pattern.compile("^\\s*([^:|\\s][^:|]{0,30}?)\\s*(?::|\\s[-–|]\\s)\\s*");
    private static final Set<String> FLASH = Set.of("flash", "फ्लैश");
    private static final Set<String> URGENT = Set.of("urgent", "breaking", "alert", "bulletin", "newsalert", "तत्काल",
            "ब्रेकिंग");
    /** Subjects that say "here is a story" and nothing about it. */
    private static final Set<String> GENERIC = Set.of("story", "stories", "news", "copy", "report", "item", "article",
            "nosubject", "untitled", "newsstory", "khabar", "khabre", "samachar", "press", "pressrelease", "release",
            "खबर", "ख़बर", "खबरें", "समाचार", "न्यूज", "न्यूज़", "स्टोरी", "रिपोर्ट", "प्रेसविज्ञप्ति", "विज्ञप्ति");

    /** @param headline the subject without mail prefixes and tags; empty when nothing is left */
    record Reading(String headline, String agency, Integer urgency) {}

    private final Agencies agencies;

    EmailSubject(Agencies agencies) {
        this.agencies = agencies;
    }

    Reading read(String subject) {
        String s = subject == null ? "" : subject.replaceAll("\\s+", " ").strip();
        String agency = null;
        Integer urgency = null;
        for (boolean changed = true; changed && !s.isEmpty(); ) {
            changed = false;
            Matcher m = REPLY_FORWARD.matcher(s);
            if (m.find() && m.end() < s.length()) {
                s = s.substring(m.end());
                changed = true;
                continue;
            }
            m = TAG.matcher(s);
            if (m.find() && m.end() < s.length()) {
                String tag = m.group(1).strip();
                String code = agencies.code(tag).orElse(null);
                if (code != null && agency == null) agency = code;
                String word = key(tag);
                if (FLASH.contains(word)) urgency = 1;
                else if (URGENT.contains(word) && urgency == null) urgency = 2;
                s = s.substring(m.end());
                changed = true;
                continue;
            }
            m = LEADING_NAME.matcher(s);
            if (m.find() && m.end() < s.length()) {
                String name = m.group(1).strip();
                String code = agencies.code(name).orElse(null);
                String word = key(name);
                if (code != null || FLASH.contains(word) || URGENT.contains(word)) {
                    if (code != null && agency == null) agency = code;
                    if (FLASH.contains(word)) urgency = 1;
                    else if (URGENT.contains(word) && urgency == null) urgency = 2;
                    s = s.substring(m.end());
                    changed = true;
                }
            }
        }
        return new Reading(s.strip(), agency, urgency);
    }

    /** Whether a subject says nothing about the story ("story", "IANS copy", "खबर"), so the copy's own headline is better. */
    boolean generic(String headline) {
        if (headline == null || headline.isBlank()) return true;
        String[] words = headline.strip().split("[\\s,;:./_-]+");
        if (words.length > 4) return false;
        for (String w : words) {
            if (w.isEmpty()) continue;
            String k = key(w);
            if (k.isEmpty() || GENERIC.contains(k) || agencies.code(w).isPresent() || k.matches("\\d+")
                    || k.equals("hindi") || k.equals("english") || k.equals("हिंदी") || k.equals("हिन्दी")
                    || k.equals("for") || k.equals("the") || k.equals("of") || k.equals("की") || k.equals("के")) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static String key(String word) {
        StringBuilder b = new StringBuilder();
        word.codePoints().filter(cp -> Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK).forEach(b::appendCodePoint);
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
