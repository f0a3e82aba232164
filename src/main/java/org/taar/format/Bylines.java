package org.taar.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.text.Agencies;

/**
 * A byline line as agencies write it, to the names a reader sees: {@code By JANE DOE} → {@code JANE DOE},
 * {@code Von Anna Schmidt, dpa} → {@code Anna Schmidt}, {@code — संवाददाता} → {@code संवाददाता}. The word
 * "By" and its German, French, Spanish and Hindi forms go, as do the agency's own credit ("By The
 * Associated Press", "By dpa correspondents"), a title after the name ("AP Science Writer") and editors'
 * initials ({@code ab/cd}, {@code jk}), none of which is a byline.
 */
final class Bylines {
    /** The word that opens a byline line, in the agencies' languages; a dash opens a Hindi desk's credit. */
    static final Pattern OPENING = Pattern.compile(
            "^(?:(?i:by|von|par|por)\\s+|द्वारा\\s+|(?:--|[-–—])\\s*(?=\\S))(.+)$");
    private static final Pattern HINDI_BY = Pattern.compile("^(.+?)\\s+(?:द्वारा|की रिपोर्ट)$");
    /** A title or affiliation after a name: "AP Science Writer", "Associated Press", "The San Diego Union-Tribune". */
    private static final Pattern TITLE = Pattern.compile("(?i)\\b(?:writers?|correspondents?|editors?|reporters?|columnist|"
            + "staff|contributor|bureau|chief|producer|analyst|press|news|times|tribune|post|journal|herald|agency|"
            + "service|desk|special to)\\b|संवाददाता\\s+.*|^(?:the|an?)\\s");
    /** Role words alone, without a name: what is left of "dpa correspondents" once the agency goes. */
    private static final Pattern ROLE_ONLY = Pattern.compile(
            "(?i)(?:(?:staff|special|chief|senior|foreign|sports?|science|business|political|our|own)\\s+)*"
                    + "(?:writers?|correspondents?|reporters?|staff|editors?|desk|bureau|team)");
    /** Editors' and monitors' initials: "ab/cd", "jk", "rmo hct", "AB/XX". */
    private static final Pattern INITIALS = Pattern.compile(
            "[a-z]{1,4}(?:[\\s/]+[a-z]{1,4})*|[A-Za-z]{1,4}(?:/[A-Za-z]{1,4})+|[A-Z]{1,3}");

    private Bylines() {}

    /** True when the line opens as a byline does ("By ...", "Von ...", "— ..."). */
    static boolean isBylineLine(String line) {
        if (line == null) return false;
        String s = strip(line);
        Matcher m = OPENING.matcher(s);
        if (!m.matches()) return HINDI_BY.matcher(s).matches() && s.length() <= 60;
        // "By" lines are short; a sentence beginning "By Tuesday, the..." is body.
        String rest = m.group(1);
        if (INITIALS.matcher(rest).matches()) return true;
        int first = rest.codePointAt(0);
        return rest.length() <= 80 && !rest.matches(".*[.!?]\\s.*") && Character.isLetter(first)
                && (Character.isUpperCase(first) || first >= 0x0900);
    }

    /** The names of a byline line, or null when it names no person (an agency, initials, a title alone). */
    static String names(String line) {
        if (line == null) return null;
        String s = strip(line);
        Matcher open = OPENING.matcher(s);
        if (open.matches()) {
            s = open.group(1).strip();
        } else {
            Matcher hindi = HINDI_BY.matcher(s);
            if (hindi.matches()) s = hindi.group(1).strip();
        }
        List<String> kept = new ArrayList<>();
        for (String part : s.split("\\s*[,|]\\s*|\\s+[-–—]\\s+|\\s+for\\s+(?=[A-Z])")) {
            String p = part.strip();
            if (p.isEmpty() || NewsAgency.isAgency(p)) continue;
            String withoutAgency = withoutAgencyWords(p);
            if (withoutAgency.isEmpty() || ROLE_ONLY.matcher(withoutAgency).matches()) continue;
            // A title after the name; the first part is the name even when it reads like one.
            if (!kept.isEmpty() && TITLE.matcher(p).find()) continue;
            if (kept.isEmpty() && TITLE.matcher(p).find() && !p.equals(withoutAgency)) continue;
            kept.add(p);
        }
        if (kept.isEmpty()) return null;
        String names = String.join(", ", kept);
        if (INITIALS.matcher(names).matches()) return null;
        return names;
    }

    /** A part of a byline without agency names in it ("dpa correspondents" → "correspondents"). */
    private static String withoutAgencyWords(String part) {
        StringBuilder b = new StringBuilder();
        for (String w : part.split("\\s+")) {
            if (NewsAgency.isAgency(w)) continue;
            b.append(b.length() == 0 ? "" : " ").append(w);
        }
        String s = b.toString();
        return s.matches("(?i)(?:the\\s+)?(?:associated\\s+press|press)") ? "" : s;
    }

    private static String strip(String line) {
        return line.strip().replaceAll("^\\^", "").replaceAll("[\\s=<]+$", "").strip();
    }

    private static final Agencies AGENCIES = new Agencies();
    private static final Pattern TOKENS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}.]+");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}");
    private static final Pattern LOWER_INITIALS = Pattern.compile("\\p{Ll}{1,4}");
    private static final Pattern LEAD_IN = Pattern.compile("(?i)^(by|von|par|por|di|door|av|af)\\s+");
    private static final Pattern LOOSE_ENDS = Pattern.compile("^[\\s,;:/|–—-]+|[\\s,;:/|–—-]+$");

    /**
     * A byline as the XML formats carry it (one field, no "By" line to find): as written, loose
     * punctuation trimmed; null when it is only agency names or codes ({@code agencies} adds the item's
     * own, such as its distributor: {@code NTB-AFP-DPA}, {@code वार्ता}) or a desk's initials
     * ({@code bur-dar-gl/fz}).
     */
    static String writer(String byline, String... agencies) {
        String v = Text.blankToNull(byline);
        if (v == null) return null;
        v = Text.blankToNull(LOOSE_ENDS.matcher(v.replaceAll("\\s+", " ")).replaceAll(""));
        if (v == null) return null;
        String bare = LEAD_IN.matcher(v).replaceFirst("");
        if (isCredit(bare, agencies)) return null;
        boolean oneWord = !bare.contains(" ");
        boolean allAgencies = true;
        boolean allInitials = true;
        for (String token : TOKENS.split(bare)) {
            if (token.isEmpty()) continue;
            String t = token.replace(".", "");
            if (t.isEmpty()) continue;
            // An unknown run of capitals is an agency code only without spaces: "JOHN DOE" is a writer.
            boolean agency = isCredit(t, agencies) || (oneWord && ACRONYM.matcher(t).matches());
            allAgencies &= agency;
            allInitials &= oneWord && LOWER_INITIALS.matcher(t).matches();
        }
        return allAgencies || allInitials ? null : v;
    }

    private static boolean isCredit(String name, String... agencies) {
        if (AGENCIES.code(name).isPresent()) return true;
        String n = name.toLowerCase(Locale.ROOT);
        for (String a : agencies) {
            if (a != null && !a.isBlank() && (a.strip().toLowerCase(Locale.ROOT).equals(n)
                    || n.equals(String.valueOf(NewsAgency.canonical(a)).toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }
}
