package org.taar.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.taar.desk.DeskViews.Frame;

/** What the templates of the advisories, sources, tags and users pages are given. */
public final class AdminViews {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private AdminViews() {}

    /** A time as the desk shows it, in the site's zone; "" for none. */
    public static String when(Instant at, ZoneId zone) {
        return at == null || at.toEpochMilli() == 0 ? "" : WHEN.format(at.atZone(zone));
    }

    // Advisories

    /** A story an ambiguous advisory may mean. */
    public record Candidate(long id, String headline, String uri, String status, String source) {}

    public record Advisory(long id, String source, String status, String text, String created,
                           List<Candidate> candidates) {}

    public record Advisories(Frame frame, List<Advisory> advisories) {}

    // Sources

    /** The licence flags of taar.yml for a source (read-only at the desk). */
    public record Licence(boolean web, boolean fullTextInFeeds, boolean publishDuplicates) {}

    /**
     * One row of the health table. {@code url} is safe to show anyone (no query values);
     * {@code editUrl} is the desk source's whole URL, for its admin's edit form only.
     */
    public record Source(String name, String url, String format, long intervalSeconds, String state, String origin,
                         boolean enabled, String lastSuccess, String lastErrorAt, String lastError, int failures,
                         long itemsLast24h, String nextFetch, Licence licence) {
        public boolean fromDesk() {
            return "desk".equals(origin);
        }
    }

    /** A push key as listed: never the key. */
    public record Key(long id, String source, String created, String lastUsed) {}

    /** The add or edit form as typed, kept when it is refused. */
    public record SourceForm(String name, String url, String format, String interval) {
        public static SourceForm empty() {
            return new SourceForm("", "", "", "60");
        }
    }

    /** What one item of a "fetch now" did. */
    public record FetchedItem(String uri, String status, String url, String reason) {}

    /** What "fetch now" brought back. */
    public record Fetched(String source, String outcome, String error, List<String> warnings, List<FetchedItem> items,
                          String nextFetch) {}

    /**
     * @param newKey a push key just created, shown this once (never stored in clear)
     * @param fetched what "fetch now" just brought back, or null
     */
    public record Sources(Frame frame, List<Source> sources, List<Key> keys, List<String> formats, SourceForm form,
                          String newKey, String newKeySource, Fetched fetched) {}

    public record SourceEdit(Frame frame, String name, SourceForm form, List<String> formats) {}

    // Tags

    public record Tag(String slug, String name, long stories) {}

    public record Tags(Frame frame, List<Tag> tags, String search, long shown, long total) {}

    // Users

    public record User(long id, String name, String role, boolean disabled, String created, boolean self) {}

    /** @param newPassword a password just generated for {@code newPasswordFor}, shown this once */
    public record Users(Frame frame, List<User> users, String newPasswordFor, String newPassword, String formName,
                        String formRole) {}
}
