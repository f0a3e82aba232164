package org.taar.desk;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.taar.store.StoryReads.Stamp;
import org.taar.story.Story;
import org.taar.story.Tag;
import org.taar.text.Digest;

/**
 * What a story page's forms carry as {@code seen}: the story's state when the page was rendered.
 * The counts of its versions and audit entries (both only grow, so any action, edit or received
 * version moves them) and a digest of what an editor reads and acts on (status, embargo, address,
 * copy, tags: a tag merge changes tags without an audit entry). An action whose token no longer
 * matches is refused, so nothing is applied to a story the editor has not seen, and a form posted
 * twice acts once. The versions count also says which version the editor saw, for the difference.
 */
public final class SeenToken {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})\\.([0-9]{1,9})\\.([0-9a-f]{16})");

    private SeenToken() {}

    public static String of(Story s, Stamp stamp) {
        StringBuilder state = new StringBuilder(256 + length(s.item().bodyHtml()));
        state.append(s.version()).append('\u0000').append(s.status().label()).append('\u0000')
                .append(s.embargoUntil()).append('\u0000').append(s.section()).append('\u0000').append(s.slug())
                .append('\u0000').append(s.headline()).append('\u0000').append(s.item().summary()).append('\u0000')
                .append(s.item().bodyHtml()).append('\u0000');
        for (Tag t : s.tags()) state.append(t.slug()).append(',');
        return stamp.versions() + "." + stamp.audits() + "." + Digest.sha256Hex(state.toString()).substring(0, 16);
    }

    /** How many versions the story had when the token was made; empty for a token the desk did not make. */
    public static Optional<Integer> versions(String token) {
        Matcher m = token == null ? null : FORM.matcher(token);
        return m != null && m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** How many audit entries the story had when the token was made; empty for a token the desk did not make. */
    public static Optional<Integer> audits(String token) {
        Matcher m = token == null ? null : FORM.matcher(token);
        return m != null && m.matches() ? Optional.of(Integer.parseInt(m.group(2))) : Optional.empty();
    }

    private static int length(String s) {
        return s == null ? 0 : Math.min(s.length(), 1 << 20);
    }
}
