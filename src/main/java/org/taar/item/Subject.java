package org.taar.item;

/**
 * A coded subject the agency gave the item: a NewsML-G2 qcode ({@code medtop:20000106},
 * {@code subj:15000000}), a NITF {@code tobject.subject} reference number, a ninjs subject's uri or
 * literal. The code is kept as the agency wrote it, because it is what a desk or a downstream
 * system matches on; the name is what a person reads. Keywords are not subjects: they stay tags.
 *
 * @param name the subject's name in the item, null when the item gives only the code
 * @param code the code as written (a qcode, a refnum or a URI), null when the item gives only a name
 */
public record Subject(String name, String code) {
    public Subject {
        name = blankToNull(name);
        code = blankToNull(code);
        if (name == null && code == null) throw new IllegalArgumentException("a subject has a name or a code");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
