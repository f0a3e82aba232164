package org.taar.intake;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names a delivery's attachments go by ({@code part:NAME} in its items, the archive's log
 * lines): a sender's file name made safe. Only its last path part is kept, control and
 * direction-changing characters go, a leading dot goes, the length is capped (keeping the
 * extension), and a second part of the same name gets a number, so no name can climb out of a
 * folder, hide, spoof, or stand for two parts.
 */
public final class AttachmentNames {
    public static final int MAX_LENGTH = 100;

    private final Set<String> taken = new HashSet<>();

    /** The safe, unique name for the next part; {@code fallback} when the sender gave no usable name. */
    public String next(String raw, String fallback) {
        String name = safe(raw);
        if (name.isEmpty()) name = safe(fallback);
        if (name.isEmpty()) name = "part";
        String unique = name;
        for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) unique = numbered(name, n);
        return unique;
    }

    /** The name made safe, or "" when nothing usable is left. */
    public static String safe(String raw) {
        if (raw == null) return "";
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(cut + 1);
        StringBuilder b = new StringBuilder(Math.min(s.length(), 4 * MAX_LENGTH));
        s.codePoints().forEach(c -> {
            int type = Character.getType(c);
            // Controls, and formats such as RIGHT-TO-LEFT OVERRIDE that make "gpj.exe" read as "exe.jpg".
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE) return;
            if (c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|') {
                b.append('_');
                return;
            }
            b.appendCodePoint(c);
        });
        String out = b.toString().strip();
        while (out.startsWith(".")) out = out.substring(1);
        out = out.strip();
        return cap(out);
    }

    private static String cap(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) return name;
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        String stem = ext.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_LENGTH - ext.length();
        return stem.substring(0, stem.offsetByCodePoints(0, Math.min(keep, stem.codePointCount(0, stem.length()))))
                + ext;
    }

    private static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String suffix = "-" + n;
        if (stem.length() + suffix.length() + ext.length() > MAX_LENGTH) {
            stem = stem.substring(0, Math.max(1, MAX_LENGTH - suffix.length() - ext.length()));
        }
        return stem + suffix + ext;
    }
}
