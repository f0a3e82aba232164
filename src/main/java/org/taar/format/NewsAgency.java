package org.taar.format;

import java.util.Locale;
import java.util.Set;
import org.taar.text.Agencies;

/**
 * The agency code for a name, QCode or literal as the IPTC XML formats write it
 * ("nprov:IANS", "Press Trust of India", "भाषा"): the canonical code when the text stage's
 * {@link Agencies} knows the name, otherwise the name as written (CONTRACT: "or the source's own name").
 * It also tells a byline that is only an agency's credit ("The Associated Press", "dpa", "भाषा")
 * from a person's.
 */
final class NewsAgency {
    private static final Agencies AGENCIES = new Agencies();

    /** Services and desks that sign copy as the agency does but that {@link Agencies} does not name. */
    private static final Set<String> OTHER_CREDITS = Set.of("AP", "THE ASSOCIATED PRESS", "ASSOCIATED PRESS", "REUTERS",
            "THOMSON REUTERS", "AFP", "DPA", "DPA-AFX", "EFE", "ANSA", "KYODO", "YONHAP", "TASS", "BLOOMBERG", "TCA",
            "TRIBUNE CONTENT AGENCY", "AGENCIES", "AGENCY", "WIRE SERVICES", "NEWS DESK", "STAFF", "एजेंसी", "एजेंसियां",
            "एजेंसियाँ", "वार्ता", "भाषा", "ब्यूरो", "डेस्क");

    private NewsAgency() {}

    static String canonical(String nameOrQcode) {
        String v = Text.blankToNull(nameOrQcode);
        if (v == null) return null;
        var known = AGENCIES.code(v);
        if (known.isPresent()) return known.get();
        String code = NewsXml.Element.code(v);
        if (code != null && !code.equals(v)) {
            known = AGENCIES.code(code);
            if (known.isPresent()) return known.get();
            // A provider QCode's code is the agency's own short name (nprov:REUTERS, nprov:IANS).
            if (!code.contains("/")) return code;
        }
        return v;
    }

    /** True when the name is an agency's or a desk's credit rather than a person's ("AP", "The Associated Press", "IANS"). */
    static boolean isAgency(String name) {
        String v = Text.blankToNull(name);
        if (v == null) return false;
        String s = v.replaceAll("[.\u0964]+$", "").strip();
        if (AGENCIES.code(s).isPresent()) return true;
        if (OTHER_CREDITS.contains(s.toUpperCase(Locale.ROOT))) return true;
        // Two agencies credited together: "AP/Reuters", "IANS-PTI", "dpa tca".
        String[] parts = s.split("\\s*[/,&+]\\s*|\\s+and\\s+|\\s+");
        if (parts.length < 2) return false;
        for (String p : parts) {
            if (p.isEmpty()) continue;
            if (AGENCIES.code(p).isEmpty() && !OTHER_CREDITS.contains(p.toUpperCase(Locale.ROOT))) return false;
        }
        return true;
    }
}
