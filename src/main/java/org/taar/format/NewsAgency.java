package org.taar.format;

import org.taar.text.Agencies;

/**
 * The agency code for a name, QCode or literal as the IPTC XML formats write it
 * ("nprov:IANS", "Press Trust of India", "भाषा"): the canonical code when the text stage's
 * {@link Agencies} knows the name, otherwise the name as written (CONTRACT: "or the source's own name").
 */
final class NewsAgency {
    private static final Agencies AGENCIES = new Agencies();

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
}
