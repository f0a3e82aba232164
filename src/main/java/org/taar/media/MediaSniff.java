package org.taar.media;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Predicate;
import org.taar.item.Media;

/**
 * What a media original is, read from its first bytes (never from its name or the type the agency
 * claimed: a feed that says image/jpeg may hand over a login page). Pictures a reader exists for,
 * video and audio a browser plays; everything else is refused naming what it looks like, so an editor
 * can tell the agency what went wrong.
 */
public final class MediaSniff {
    /** How far into a text-like file the first element is looked for. */
    private static final int TEXT_PREFIX = 4096;

    /**
     * What the bytes are.
     *
     * @param kind picture, video or audio
     * @param format the short name renditions are stored under (jpeg, png, mp4, mp3, ...)
     * @param contentType the MIME type served
     */
    public record Type(Media.Kind kind, String format, String contentType) {}

    /** Reader presence for the pictures only some installations can decode (HEIC, AVIF). */
    private final Predicate<String> readerFor;

    /** @param readerFor whether a picture reader exists for a MIME type (see {@link PictureDecoder#canRead}) */
    public MediaSniff(Predicate<String> readerFor) {
        this.readerFor = readerFor;
    }

    public Type sniff(byte[] b) throws RefusedMedia {
        if (b == null || b.length == 0) throw new RefusedMedia("empty: no bytes came");
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) return picture("jpeg", "image/jpeg");
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return picture("png", "image/png");
        if (ascii(b, 0, "GIF87a") || ascii(b, 0, "GIF89a")) return picture("gif", "image/gif");
        if (ascii(b, 0, "RIFF") && b.length >= 12) return riff(b);
        if (bmp(b)) return picture("bmp", "image/bmp");
        if (startsWith(b, 0, 'I', 'I', 42, 0) || startsWith(b, 0, 'M', 'M', 0, 42)) return picture("tiff", "image/tiff");
        if (b.length >= 12 && ascii(b, 4, "ftyp")) return isoMedia(b);
        if (startsWith(b, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return indexOf(b, "webm", 64) >= 0 ? new Type(Media.Kind.VIDEO, "webm", "video/webm")
                    : new Type(Media.Kind.VIDEO, "mkv", "video/x-matroska");
        }
        if (ascii(b, 0, "OggS")) {
            return indexOf(b, "theora", 256) >= 0 ? new Type(Media.Kind.VIDEO, "ogv", "video/ogg")
                    : new Type(Media.Kind.AUDIO, "ogg", "audio/ogg");
        }
        if (ascii(b, 0, "fLaC")) return new Type(Media.Kind.AUDIO, "flac", "audio/flac");
        if (ascii(b, 0, "ID3") || mp3Frames(b)) return new Type(Media.Kind.AUDIO, "mp3", "audio/mpeg");
        if (adtsFrames(b)) return new Type(Media.Kind.AUDIO, "aac", "audio/aac");
        throw new RefusedMedia(refusal(b));
    }

    private static Type picture(String format, String contentType) {
        return new Type(Media.Kind.PICTURE, format, contentType);
    }

    private static Type riff(byte[] b) throws RefusedMedia {
        if (ascii(b, 8, "WEBP")) return picture("webp", "image/webp");
        if (ascii(b, 8, "WAVE")) return new Type(Media.Kind.AUDIO, "wav", "audio/wav");
        if (ascii(b, 8, "AVI ")) throw new RefusedMedia("AVI video refused: browsers cannot play it; send MP4 or WebM");
        throw new RefusedMedia("not a picture, video or audio: a RIFF file of type '" + latin1(b, 8, 4) + "'");
    }

    /** ISO base media (MP4, MOV, M4A, HEIC, AVIF): the brands in the ftyp box say which. */
    private Type isoMedia(byte[] b) throws RefusedMedia {
        String major = latin1(b, 8, 4);
        long boxSize = ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
        int end = (int) Math.min(b.length, Math.min(boxSize, 256));
        StringBuilder brands = new StringBuilder(major);
        for (int i = 16; i + 4 <= end; i += 4) brands.append(' ').append(latin1(b, i, 4));
        String all = " " + brands + " ";
        if (all.contains(" avif ") || all.contains(" avis ")) return readable("avif", "image/avif", "AVIF");
        for (String heic : new String[] {"heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"}) {
            if (major.equals(heic)) return readable("heic", "image/heic", "HEIC");
        }
        if (major.equals("crx ")) throw new RefusedMedia("Canon raw picture refused: send a JPEG");
        if (major.equals("qt  ")) return new Type(Media.Kind.VIDEO, "mov", "video/quicktime");
        if (major.startsWith("M4A") || major.startsWith("M4B") || major.startsWith("F4A")) {
            return new Type(Media.Kind.AUDIO, "m4a", "audio/mp4");
        }
        return new Type(Media.Kind.VIDEO, "mp4", "video/mp4");
    }

    private Type readable(String format, String contentType, String name) throws RefusedMedia {
        if (readerFor.test(contentType)) return picture(format, contentType);
        throw new RefusedMedia(name + " picture refused: no " + name + " reader is installed; send a JPEG");
    }

    /** "BM" alone is two letters of text; the header's reserved zeros and DIB size make it a bitmap. */
    private static boolean bmp(byte[] b) {
        if (b.length < 18 || b[0] != 'B' || b[1] != 'M') return false;
        if (b[6] != 0 || b[7] != 0 || b[8] != 0 || b[9] != 0) return false;
        int dib = (b[14] & 0xFF) | (b[15] & 0xFF) << 8 | (b[16] & 0xFF) << 16 | (b[17] & 0xFF) << 24;
        return dib == 12 || dib == 40 || dib == 52 || dib == 56 || dib == 64 || dib == 108 || dib == 124;
    }

    private static final int[] MPEG1_L3_KBPS = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] MPEG2_L3_KBPS = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[][] RATES = {{11025, 12000, 8000}, null, {22050, 24000, 16000}, {44100, 48000, 32000}};

    /** Bare MP3 (no ID3 tag): a valid Layer III frame header, and another one where it says the next starts. */
    private static boolean mp3Frames(byte[] b) {
        int first = mp3FrameLength(b, 0);
        return first > 0 && mp3FrameLength(b, first) > 0;
    }

    private static int mp3FrameLength(byte[] b, int at) {
        if (at + 4 > b.length || (b[at] & 0xFF) != 0xFF || (b[at + 1] & 0xE0) != 0xE0) return -1;
        int version = (b[at + 1] >> 3) & 3;
        int layer = (b[at + 1] >> 1) & 3;
        int bitrate = (b[at + 2] >> 4) & 0xF;
        int rate = (b[at + 2] >> 2) & 3;
        if (version == 1 || layer != 1 || bitrate == 0 || bitrate == 15 || rate == 3) return -1;
        int padding = (b[at + 2] >> 1) & 1;
        int kbps = (version == 3 ? MPEG1_L3_KBPS : MPEG2_L3_KBPS)[bitrate];
        int perFrame = version == 3 ? 144_000 : 72_000;
        return perFrame * kbps / RATES[version][rate] + padding;
    }

    /** AAC in ADTS frames: two frame headers in a row. */
    private static boolean adtsFrames(byte[] b) {
        int first = adtsFrameLength(b, 0);
        return first > 0 && adtsFrameLength(b, first) > 0;
    }

    private static int adtsFrameLength(byte[] b, int at) {
        if (at + 7 > b.length || (b[at] & 0xFF) != 0xFF || (b[at + 1] & 0xF6) != 0xF0) return -1;
        if (((b[at + 2] >> 2) & 0xF) >= 13) return -1;
        int length = ((b[at + 3] & 3) << 11) | ((b[at + 4] & 0xFF) << 3) | ((b[at + 5] & 0xFF) >> 5);
        return length >= 7 ? at + length : -1;
    }

    /** Names what refused bytes look like, so the editor can ask the agency for the right thing. */
    private static String refusal(byte[] b) {
        String text = textPrefix(b);
        if (text != null && text.startsWith("<")) return markup(text);
        if (ascii(b, 0, "%PDF-")) return "not a picture, video or audio: a PDF document";
        if (startsWith(b, 0, 'P', 'K', 3, 4)) return "not a picture, video or audio: a ZIP archive (or an Office document)";
        if (startsWith(b, 0, 0x1F, 0x8B)) return "not a picture, video or audio: gzip-compressed data (an SVGZ drawing?); send a raster";
        if (ascii(b, 0, "8BPS")) return "Photoshop document refused: send a JPEG";
        if (startsWith(b, 0, 0, 0, 1, 0)) return "Windows icon refused: send a JPEG or PNG";
        if (startsWith(b, 0, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ') || startsWith(b, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
            return "JPEG 2000 picture refused: no reader is installed; send a JPEG";
        }
        if (startsWith(b, 0, 0xFF, 0x0A) || startsWith(b, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
            return "JPEG XL picture refused: no reader is installed; send a JPEG";
        }
        if (ascii(b, 0, "FLV")) return "Flash video refused: browsers cannot play it; send MP4 or WebM";
        if (startsWith(b, 0, 0x30, 0x26, 0xB2, 0x75)) return "Windows Media file refused: browsers cannot play it; send MP4 or WebM";
        if (startsWith(b, 0, 0, 0, 1, 0xBA)) return "MPEG program stream refused: send MP4 or WebM";
        if (b.length > 376 && b[0] == 0x47 && b[188] == 0x47 && b[376] == 0x47) {
            return "MPEG transport stream refused: send MP4 or WebM";
        }
        if (text != null) {
            String start = text.strip();
            if (start.startsWith("{") || start.startsWith("[")) return "not a picture, video or audio: JSON text";
            return "not a picture, video or audio: plain text";
        }
        return "not a picture, video or audio: unrecognised bytes starting " + hex(b, 8);
    }

    /** SVG, HTML or other XML, by its first element (after a declaration, comments and a doctype). */
    private static String markup(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length()) {
            i = skipSpace(t, i);
            if (t.startsWith("<?", i)) {
                i = after(t, i, "?>");
            } else if (t.startsWith("<!--", i)) {
                i = after(t, i, "-->");
            } else if (t.startsWith("<!doctype", i)) {
                String decl = t.substring(i, Math.min(t.length(), after(t, i, ">")));
                if (decl.matches("<!doctype\\s+svg\\b[\\s\\S]*")) return svg();
                if (decl.matches("<!doctype\\s+html\\b[\\s\\S]*")) return html();
                i = after(t, i, ">");
            } else if (t.startsWith("<", i)) {
                int end = i + 1;
                while (end < t.length() && " \t\r\n/>".indexOf(t.charAt(end)) < 0) end++;
                String name = t.substring(i + 1, end);
                if (name.equals("svg") || name.endsWith(":svg")) return svg();
                if (name.equals("html") || name.equals("head") || name.equals("body")) return html();
                if (t.contains("<svg")) return svg();
                return "not a picture, video or audio: an XML document (<" + name + ">)";
            } else {
                break;
            }
        }
        return t.contains("<svg") ? svg() : "not a picture, video or audio: markup text";
    }

    private static String svg() {
        return "SVG refused: it can carry script; send a raster";
    }

    private static String html() {
        return "not a picture, video or audio: an HTML page (a login or error page where the picture should be?)";
    }

    private static int skipSpace(String t, int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) i++;
        return i;
    }

    private static int after(String t, int from, String close) {
        int at = t.indexOf(close, from);
        return at < 0 ? t.length() : at + close.length();
    }

    /**
     * The start of the bytes as text when they are text (UTF-8 with or without a BOM, or UTF-16 by its
     * BOM or by a '<' beside a zero byte), else null. Leading white space is dropped.
     */
    static String textPrefix(byte[] b) {
        int n = Math.min(b.length, TEXT_PREFIX);
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(b, 0, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(b, 0, 0xFE, 0xFF)) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(b, 0, 0xFF, 0xFE)) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b.length >= 2 && b[0] == 0 && markupStart(b[1])) {
            cs = StandardCharsets.UTF_16BE;
        } else if (b.length >= 2 && b[1] == 0 && markupStart(b[0])) {
            cs = StandardCharsets.UTF_16LE;
        }
        String s = new String(b, skip, Math.max(0, n - skip), cs);
        int control = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == '\uFFFD' && i < s.length() - 2) return null;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') control++;
        }
        return control > 0 ? null : s.stripLeading();
    }

    private static boolean markupStart(byte c) {
        return c == '<' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) return false;
        for (int i = 0; i < expected.length; i++) {
            if ((b[at + i] & 0xFF) != (expected[i] & 0xFF)) return false;
        }
        return true;
    }

    private static boolean ascii(byte[] b, int at, String expected) {
        if (b.length < at + expected.length()) return false;
        for (int i = 0; i < expected.length(); i++) {
            if (b[at + i] != expected.charAt(i)) return false;
        }
        return true;
    }

    private static int indexOf(byte[] b, String needle, int within) {
        int end = Math.min(b.length, within) - needle.length();
        for (int i = 0; i <= end; i++) {
            if (ascii(b, i, needle)) return i;
        }
        return -1;
    }

    private static String latin1(byte[] b, int at, int n) {
        if (b.length < at + n) return "";
        StringBuilder s = new StringBuilder();
        for (int i = at; i < at + n; i++) {
            char c = (char) (b[i] & 0xFF);
            s.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        return s.toString();
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            if (i > 0) s.append(' ');
            s.append(String.format(Locale.ROOT, "%02X", b[i] & 0xFF));
        }
        return s.toString();
    }
}
