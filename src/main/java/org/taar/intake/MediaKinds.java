package org.taar.intake;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.taar.item.Media;

/**
 * Whether received bytes are a picture, video or audio (and so belong beside a story rather than
 * being one), read from their first bytes. A name's extension is only a hint, believed for formats
 * without a signature (raw MPEG audio) and only when the bytes are not text: a story named .jpg
 * is still a story.
 */
public final class MediaKinds {
    private static final Map<String, Media.Kind> EXTENSIONS = Map.ofEntries(
            Map.entry("jpg", Media.Kind.PICTURE), Map.entry("jpeg", Media.Kind.PICTURE),
            Map.entry("png", Media.Kind.PICTURE), Map.entry("gif", Media.Kind.PICTURE),
            Map.entry("webp", Media.Kind.PICTURE), Map.entry("tif", Media.Kind.PICTURE),
            Map.entry("tiff", Media.Kind.PICTURE), Map.entry("bmp", Media.Kind.PICTURE),
            Map.entry("heic", Media.Kind.PICTURE), Map.entry("avif", Media.Kind.PICTURE),
            Map.entry("svg", Media.Kind.PICTURE),
            Map.entry("mp4", Media.Kind.VIDEO), Map.entry("m4v", Media.Kind.VIDEO), Map.entry("mov", Media.Kind.VIDEO),
            Map.entry("webm", Media.Kind.VIDEO), Map.entry("mkv", Media.Kind.VIDEO),
            Map.entry("mp3", Media.Kind.AUDIO), Map.entry("m4a", Media.Kind.AUDIO), Map.entry("aac", Media.Kind.AUDIO),
            Map.entry("wav", Media.Kind.AUDIO), Map.entry("ogg", Media.Kind.AUDIO), Map.entry("oga", Media.Kind.AUDIO),
            Map.entry("opus", Media.Kind.AUDIO), Map.entry("flac", Media.Kind.AUDIO));

    private MediaKinds() {}

    /** The kind the bytes are, with the name as a hint; null for anything else (a story, most likely). */
    public static Media.Kind of(byte[] b, String name) {
        Media.Kind byBytes = bySignature(b);
        if (byBytes != null) return byBytes;
        Media.Kind byName = byExtension(name);
        if (byName == null) return null;
        if (byName == Media.Kind.PICTURE && svg(b)) return Media.Kind.PICTURE;
        return text(b) ? null : byName;
    }

    /** Whether a file name's extension names a media type (for ordering work before the bytes are read). */
    public static boolean looksLikeMedia(String name) {
        return byExtension(name) != null;
    }

    static Media.Kind byExtension(String name) {
        if (name == null) return null;
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) return null;
        return EXTENSIONS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    static Media.Kind bySignature(byte[] b) {
        if (starts(b, 0, 0xFF, 0xD8, 0xFF)) return Media.Kind.PICTURE; // JPEG
        if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Media.Kind.PICTURE;
        if (starts(b, 0, 'G', 'I', 'F', '8')) return Media.Kind.PICTURE;
        if (starts(b, 0, 'I', 'I', 0x2A, 0x00) || starts(b, 0, 'M', 'M', 0x00, 0x2A)) return Media.Kind.PICTURE; // TIFF
        if (starts(b, 0, 'B', 'M') && b.length > 26 && b[14] != 0 && b[15] == 0) return Media.Kind.PICTURE; // BMP header size
        if (starts(b, 0, 'R', 'I', 'F', 'F')) {
            if (starts(b, 8, 'W', 'E', 'B', 'P')) return Media.Kind.PICTURE;
            if (starts(b, 8, 'W', 'A', 'V', 'E')) return Media.Kind.AUDIO;
            if (starts(b, 8, 'A', 'V', 'I', ' ')) return Media.Kind.VIDEO;
        }
        if (starts(b, 4, 'f', 't', 'y', 'p')) {
            String brand = b.length >= 12 ? new String(b, 8, 4, StandardCharsets.ISO_8859_1) : "";
            if (brand.startsWith("avi") || brand.startsWith("hei") || brand.startsWith("mif")) return Media.Kind.PICTURE;
            if (brand.startsWith("M4A") || brand.startsWith("M4B")) return Media.Kind.AUDIO;
            return Media.Kind.VIDEO; // isom, mp41, mp42, qt, 3gp...
        }
        if (starts(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) return Media.Kind.VIDEO; // Matroska / WebM
        if (starts(b, 0, 'O', 'g', 'g', 'S')) return Media.Kind.AUDIO;
        if (starts(b, 0, 'f', 'L', 'a', 'C')) return Media.Kind.AUDIO;
        if (starts(b, 0, 'I', 'D', '3')) return Media.Kind.AUDIO; // MP3 with an ID3 tag
        return null;
    }

    private static boolean svg(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1).stripLeading();
        return (head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--")) && head.contains("<svg");
    }

    // Text has no NUL byte in its first few kilobytes; pictures, video and audio almost always do.
    private static boolean text(byte[] b) {
        int n = Math.min(b.length, 4096);
        for (int i = 0; i < n; i++) if (b[i] == 0) return false;
        return true;
    }

    private static boolean starts(byte[] b, int at, int... prefix) {
        if (b.length < at + prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[at + i] & 0xFF) != (prefix[i] & 0xFF)) return false;
        }
        return true;
    }
}
