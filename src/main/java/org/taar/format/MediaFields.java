package org.taar.format;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.Rendition;
import org.taar.text.UrlScheme;

/**
 * How every parser reads what an agency says of a picture, video or audio: its address, pixels and
 * bytes. Nothing here is trusted (the media stage reads type and size from the bytes); a value that
 * cannot be true is dropped with a warning rather than passed on.
 */
final class MediaFields {
    /** More pixels on a side than any camera or agency sends; a larger declared size is a mistake or a trap. */
    static final int MAX_PIXELS = 100_000;
    /** Renditions kept of one media item; agencies send three to six. */
    static final int MAX_RENDITIONS = 20;
    /** A file name beside the item in its delivery ({@code ./photo.jpg}): letters, digits, dot, dash, underscore. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,199}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\s*\\+?\\d{1,18}(?:\\.0*)?\\s*");

    private MediaFields() {}

    /**
     * An absolute http(s) address of a rendition: resolved against {@code base} when relative, else
     * null with a warning (javascript:, data:, file:, a relative path with nothing to resolve it
     * against). Trackers are dropped without one: they are feed noise, not media.
     *
     * @param inDelivery a bare relative file name ({@code photo.jpg}, {@code ./photo.jpg}) names a file
     *     sent in the same delivery (NewsML-G2 and NITF senders put the picture beside the item): it
     *     becomes {@code part:photo.jpg} when there is no base to resolve it against
     */
    static String href(String raw, String base, boolean inDelivery, List<String> warnings, String who) {
        String h = Text.blankToNull(raw);
        if (h == null) return null;
        String abs = HtmlContent.absoluteUrl(base, h);
        if (abs != null) {
            if (HtmlContent.isTracker(abs)) return null;
            return abs;
        }
        if (inDelivery && UrlScheme.of(h) == null) {
            String name = h.startsWith("./") ? h.substring(2) : h;
            if (FILE_NAME.matcher(name).matches() && !name.contains("..")) return Rendition.PART + name;
        }
        warnings.add(at(who) + "media address '" + FeedEntry.shorten(h) + "' is not an http(s) URL"
                + (UrlScheme.of(h) == null ? " and nothing to resolve it against" : "") + "; left out");
        return null;
    }

    /**
     * Gives a media item named only by a file in its delivery ({@code part:photo.jpg}) a uri of its
     * own story's ({@code ITEM-URI#photo.jpg}): every story's photo.jpg is another picture, and the
     * media store keeps one picture per uri. Call once the item's uri is known.
     */
    static void scopeParts(NewsItem.Builder b) {
        if (b.uri == null) return;
        for (int i = 0; i < b.media.size(); i++) {
            Media m = b.media.get(i);
            if (m.uri().startsWith(Rendition.PART)) {
                b.media.set(i, new Media(m.kind(), b.uri + "#" + m.uri().substring(Rendition.PART.length()), m.version(),
                        m.caption(), m.credit(), m.alt(), m.renditions(), m.pubstatus()));
            }
        }
    }

    /** Pixels on one side as declared: a whole number from 1 to {@link #MAX_PIXELS}, else null with a warning. */
    static Integer pixels(String raw, String what, List<String> warnings, String who) {
        String v = Text.blankToNull(raw);
        if (v == null) return null;
        if (WHOLE_NUMBER.matcher(v).matches()) {
            long n = Long.parseLong(v.strip().replaceFirst("^\\+", "").replaceFirst("\\..*$", ""));
            if (n >= 1 && n <= MAX_PIXELS) return (int) n;
        }
        warnings.add(at(who) + "media " + what + " '" + FeedEntry.shorten(v) + "' is not a number of pixels from 1 to "
                + MAX_PIXELS + "; ignored");
        return null;
    }

    /** A declared size in bytes: a whole number of at least 1, else null with a warning. */
    static Long bytes(String raw, List<String> warnings, String who) {
        String v = Text.blankToNull(raw);
        if (v == null) return null;
        if (WHOLE_NUMBER.matcher(v).matches()) {
            long n = Long.parseLong(v.strip().replaceFirst("^\\+", "").replaceFirst("\\..*$", ""));
            if (n >= 1) return n;
        }
        // A size of 0 or "unknown" is a common placeholder (RSS enclosures): not worth a warning.
        if (!v.equals("0") && !v.equals("-1")) warnings.add(at(who) + "media size '" + FeedEntry.shorten(v) + "' is not a number of bytes; ignored");
        return null;
    }

    /** "who: " before a warning, or nothing for a feed entry, whose warnings are its own. */
    static String at(String who) {
        return who == null ? "" : who + ": ";
    }

    /** A MIME type as written, lower case, without parameters; null when absent or not type/subtype. */
    static String contentType(String raw) {
        String t = Text.blankToNull(raw);
        if (t == null) return null;
        t = t.toLowerCase(Locale.ROOT);
        int semi = t.indexOf(';');
        if (semi >= 0) t = t.substring(0, semi).strip();
        // "image/jpg" is common and harmless; anything without a slash is no MIME type.
        return t.matches("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*") ? t : null;
    }

    /**
     * The kind a feed's or agency's words name: a medium ({@code image}, {@code video}, {@code audio}),
     * an item class ({@code ninat:picture}, {@code graphic}, {@code photo}), or a MIME type; null for
     * any other (a document, a text).
     */
    static Media.Kind kind(String medium, String contentType) {
        // The last word of a QCode or URI: "ninat:picture", "http://cv.iptc.org/newscodes/ninature/picture".
        String m = medium == null ? "" : medium.strip().toLowerCase(Locale.ROOT).replaceFirst("^.*[:/]", "");
        switch (m) {
            case "image", "picture", "photo", "graphic", "photograph", "illustration" -> {
                return Media.Kind.PICTURE;
            }
            case "video", "movingimage" -> {
                return Media.Kind.VIDEO;
            }
            case "audio", "sound" -> {
                return Media.Kind.AUDIO;
            }
            default -> {
                return Media.Kind.ofContentType(contentType);
            }
        }
    }

    /** The kind a URL's file extension suggests, for feeds that give neither type nor medium; null when none. */
    static Media.Kind kindOfName(String url) {
        if (url == null) return null;
        String u = url.toLowerCase(Locale.ROOT);
        int q = u.indexOf('?');
        if (q >= 0) u = u.substring(0, q);
        int hash = u.indexOf('#');
        if (hash >= 0) u = u.substring(0, hash);
        String ext = u.substring(u.lastIndexOf('.') + 1);
        return switch (ext) {
            case "jpg", "jpeg", "png", "gif", "webp", "avif", "heic", "tif", "tiff", "bmp" -> Media.Kind.PICTURE;
            case "mp4", "m4v", "mov", "webm", "mkv", "avi", "mpg", "mpeg", "3gp", "m3u8" -> Media.Kind.VIDEO;
            case "mp3", "m4a", "aac", "ogg", "oga", "opus", "wav", "flac" -> Media.Kind.AUDIO;
            default -> null;
        };
    }
}
