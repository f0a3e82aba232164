package org.taar.desk;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.taar.store.SourceStore;

/**
 * A polled source as an admin types it at the desk, checked before anything is stored: a name
 * like every source's, an http or https URL with a host and without credentials (those belong in
 * taar.yml, never in the store), a known format or none (detect), and an interval within bounds.
 * Where the URL may lead is checked again when it is fetched: the poller's address policy.
 */
public final class SourceForm {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    public static final int MAX_URL = 2000;
    /** The poller polls no source more often than this. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(10);
    public static final Duration MAX_INTERVAL = Duration.ofHours(24);

    /** The checked source, or why it is refused. */
    public record Checked(SourceStore.Entry entry, String error) {}

    private final List<String> formats;

    /** @param formats the format names the parsers know */
    public SourceForm(List<String> formats) {
        this.formats = List.copyOf(formats);
    }

    public List<String> formats() {
        return formats;
    }

    public Checked check(String name, String url, String format, String intervalSeconds) {
        String bad = badName(name);
        if (bad != null) return refused(bad);
        if (url == null || url.isBlank()) return refused("a source needs the URL of its feed");
        if (url.length() > MAX_URL) return refused("a URL may have at most " + MAX_URL + " characters");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return refused("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return refused("the URL must be http or https, with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return refused("the URL may not carry a user name or password; credentials go in taar.yml");
        }
        String f = format == null || format.isBlank() ? null : format.strip().toLowerCase(Locale.ROOT);
        if (f != null && !formats.contains(f)) return refused("unknown format; one of " + String.join(", ", formats));
        long seconds;
        try {
            seconds = Long.parseLong(intervalSeconds == null ? "" : intervalSeconds.strip());
        } catch (NumberFormatException e) {
            return refused("the interval is a whole number of seconds");
        }
        if (seconds < MIN_INTERVAL.toSeconds() || seconds > MAX_INTERVAL.toSeconds()) {
            return refused("the interval must be from " + MIN_INTERVAL.toSeconds() + " to " + MAX_INTERVAL.toSeconds()
                    + " seconds");
        }
        return new Checked(new SourceStore.Entry(name.strip(), uri.toString(), f, Duration.ofSeconds(seconds)), null);
    }

    /** Why a source name is refused, or null: letters, digits, '.', '_' and '-', as `taar key add` takes. */
    public static String badName(String name) {
        if (name == null || !NAME.matcher(name.strip()).matches()) {
            return "a source name is 1 to 64 letters, digits, '.', '_' or '-', beginning with a letter or digit";
        }
        return null;
    }

    private static Checked refused(String why) {
        return new Checked(null, why);
    }
}
