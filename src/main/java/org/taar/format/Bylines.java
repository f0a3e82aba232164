package org.taar.format;

import java.util.Locale;
import java.util.regex.Pattern;
import org.taar.text.Agencies;

/**
 * Whether a byline as the XML formats carry it names a writer. Agencies put their own name there
 * ({@code NTB-AFP-DPA}, {@code वार्ता}) and desks their initials ({@code bur-dar-gl/fz}); neither is
 * a byline, and a site that prints one as "By NTB-AFP-DPA" misleads its readers.
 */
final class Bylines {
    private static final Agencies AGENCIES = new Agencies();
    private static final Pattern TOKENS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}.]+");
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2,6}");
    private static final Pattern INITIALS = Pattern.compile("\\p{Ll}{1,4}");
    private static final Pattern LEAD_IN = Pattern.compile("(?i)^(by|von|par|por|di|door|av|af)\\s+");
    private static final Pattern LOOSE_ENDS = Pattern.compile("^[\\s,;:/|–—-]+|[\\s,;:/|–—-]+$");

    private Bylines() {}

    /**
     * The byline as written, loose punctuation trimmed; null when it is only agency names or codes
     * ({@code agencies} adds the item's own, such as its distributor) or a desk's initials.
     */
    static String writer(String byline, String... agencies) {
        String v = Text.blankToNull(byline);
        if (v == null) return null;
        v = Text.blankToNull(LOOSE_ENDS.matcher(v.replaceAll("\\s+", " ")).replaceAll(""));
        if (v == null) return null;
        String bare = LEAD_IN.matcher(v).replaceFirst("");
        if (isAgency(bare, agencies)) return null;
        boolean oneWord = !bare.contains(" ");
        boolean allAgencies = true;
        boolean allInitials = true;
        for (String token : TOKENS.split(bare)) {
            if (token.isEmpty()) continue;
            String t = token.replace(".", "");
            if (t.isEmpty()) continue;
            // An unknown run of capitals is an agency code only without spaces: "JOHN DOE" is a writer.
            boolean agency = isAgency(t, agencies) || (oneWord && ACRONYM.matcher(t).matches());
            allAgencies &= agency;
            allInitials &= oneWord && INITIALS.matcher(t).matches();
        }
        return allAgencies || allInitials ? null : v;
    }

    private static boolean isAgency(String name, String... agencies) {
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
