package org.taar.format;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.Rendition;

/**
 * The pictures, video and audio of an e-mailed story, attached or inline: each one's bytes go to
 * the delivery ({@link ParseContext#attachments()}) under a name safe and unique within the message,
 * and the item gets a media item whose one rendition is {@code part:NAME}. Pictures under
 * {@link #MIN_PICTURE_BYTES} are left out: they are signature logos, icons and spacer pixels, and no
 * agency or stringer sends a news picture that small.
 */
final class EmailMedia {
    /** Smaller pictures are left out, with a warning (a 320-pixel-wide JPEG photo is 10 KB or more). */
    static final int MIN_PICTURE_BYTES = 2 * 1024;
    /** A name longer than this is cut (before its extension). */
    static final int MAX_NAME = 100;

    private EmailMedia() {}

    /** What an attachment is by its declared type (or, for application/octet-stream, its name's extension); null for no media. */
    static Media.Kind kind(EmailParts.Attachment a) {
        if (a.message() != null) return null;
        Media.Kind kind = Media.Kind.ofContentType(a.type());
        if (kind == null && a.type() != null && a.type().endsWith("/octet-stream")) kind = MediaFields.kindOfName(a.name());
        return kind;
    }

    /**
     * Hands each picture, video or audio to the delivery and gives the item a media item for it; says
     * in a warning why any was left out. Call once the item's uri is known: a media item's uri is the
     * story's with the part's name after {@code #}, as a picture sent by mail has no identity of its own.
     */
    static void attach(NewsItem.Builder item, List<EmailParts.Attachment> found, ParseContext ctx) {
        Set<String> used = new HashSet<>();
        MediaList media = new MediaList();
        for (EmailParts.Attachment a : found) {
            Media.Kind kind = kind(a);
            if (kind == null) continue;
            if (a.bytes() == null) {
                item.warn("attachment " + a.describe() + " not read: " + (a.overCap()
                        ? "a mail's pictures, video and audio are held up to " + EmailBodies.MAX_MEDIA_BYTES / (1024 * 1024) + " MB"
                        : "its bytes are no picture, video or audio"));
                continue;
            }
            if (kind == Media.Kind.PICTURE && a.bytes().length < MIN_PICTURE_BYTES) {
                item.warn("attachment " + a.describe() + " left out: too small for a news picture (a signature logo or icon)");
                continue;
            }
            if (media.full()) {
                media.drop();
                continue;
            }
            String name = safeName(a.name(), kind, used);
            if (ctx != null) ctx.attachments().accept(new Attachment(name, a.type(), a.bytes()));
            String caption = a.description() == null ? null
                    : Text.blankToNull(DecoderUtil.decodeEncodedWords(a.description(), DecodeMonitor.SILENT));
            media.add(new Media(kind, item.uri + "#" + name, 1, caption, null, null,
                    List.of(new Rendition(Rendition.PART + name, MediaFields.contentType(a.type()), null, null,
                            (long) a.bytes().length, null)), null));
        }
        media.into(item, null);
    }

    /**
     * A part's name made safe: the last path segment, control characters and everything but ASCII letters,
     * digits, dot, dash and underscore replaced, no leading dot (a hidden file), at most {@link #MAX_NAME}
     * characters; the kind's word when nothing is left ({@code फोटो.jpg} → {@code picture.jpg}); made unique
     * among {@code used} with {@code -2}, {@code -3}... before the extension.
     */
    static String safeName(String raw, Media.Kind kind, Set<String> used) {
        String n = raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFC);
        n = n.replaceAll("\\p{Cntrl}", "").strip();
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        int dot = n.lastIndexOf('.');
        String ext = dot > 0 && n.substring(dot + 1).matches("[A-Za-z0-9]{1,8}") ? n.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String base = ext.isEmpty() ? n : n.substring(0, dot);
        base = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+|[.-]+$", "").replaceAll("\\.{2,}", ".");
        if (base.isEmpty() || base.equals("no-name")) base = kind.label();
        String suffix = ext.isEmpty() ? "" : "." + ext;
        if (base.length() + suffix.length() > MAX_NAME) base = base.substring(0, MAX_NAME - suffix.length());
        String name = base + suffix;
        for (int i = 2; used.contains(name.toLowerCase(Locale.ROOT)); i++) name = base + "-" + i + suffix;
        used.add(name.toLowerCase(Locale.ROOT));
        return name;
    }
}
