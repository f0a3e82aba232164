package org.taar.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.taar.item.Media;

class MediaSniffTest {
    private final MediaSniff sniff = new MediaSniff(type -> false);

    @Test
    void picturesAreKnownByTheirFirstBytes() throws Exception {
        assertType(Pictures.jpeg(Pictures.solid(8, 8, 0), false), Media.Kind.PICTURE, "jpeg", "image/jpeg");
        assertType(Pictures.encode(Pictures.solid(8, 8, 0), "png"), Media.Kind.PICTURE, "png", "image/png");
        assertType(Pictures.encode(Pictures.solid(8, 8, 0), "gif"), Media.Kind.PICTURE, "gif", "image/gif");
        assertType(ascii("GIF87a\u0001\u0000\u0001\u0000\u0000\u0000\u0000"), Media.Kind.PICTURE, "gif", "image/gif");
        assertType(Pictures.encode(Pictures.solid(8, 8, 0), "bmp"), Media.Kind.PICTURE, "bmp", "image/bmp");
        assertType(Pictures.encode(Pictures.solid(8, 8, 0), "tiff"), Media.Kind.PICTURE, "tiff", "image/tiff");
        assertType(bytes('M', 'M', 0, 42, 0, 0, 0, 8), Media.Kind.PICTURE, "tiff", "image/tiff");
        assertType(riff("WEBP", "VP8 "), Media.Kind.PICTURE, "webp", "image/webp");
    }

    @Test
    void aNameOrClaimedTypeIsNeverUsedOnlyTheBytes() throws Exception {
        // A PNG is a PNG whatever it was called; text that begins "BM" is not a bitmap.
        assertType(Pictures.encode(Pictures.solid(8, 8, 0), "png"), Media.Kind.PICTURE, "png", "image/png");
        assertThatThrownBy(() -> sniff.sniff(ascii("BMW unveils a new car in Delhi today"))).isInstanceOf(RefusedMedia.class)
                .hasMessage("not a picture, video or audio: plain text");
    }

    @Test
    void videoIsKnownByItsContainer() throws Exception {
        assertType(ftyp("isom", "isom", "avc1", "mp41"), Media.Kind.VIDEO, "mp4", "video/mp4");
        assertType(ftyp("mp42", "mp42", "isom"), Media.Kind.VIDEO, "mp4", "video/mp4");
        assertType(ftyp("qt  ", "qt  "), Media.Kind.VIDEO, "mov", "video/quicktime");
        assertType(matroska("webm"), Media.Kind.VIDEO, "webm", "video/webm");
        assertType(matroska("matroska"), Media.Kind.VIDEO, "mkv", "video/x-matroska");
        assertType(ogg("\u0080theora"), Media.Kind.VIDEO, "ogv", "video/ogg");
    }

    @Test
    void audioIsKnownByItsContainerOrFrames() throws Exception {
        assertType(ftyp("M4A ", "M4A ", "mp42", "isom"), Media.Kind.AUDIO, "m4a", "audio/mp4");
        assertType(ogg("\u0001vorbis"), Media.Kind.AUDIO, "ogg", "audio/ogg");
        assertType(ogg("OpusHead"), Media.Kind.AUDIO, "ogg", "audio/ogg");
        assertType(riff("WAVE", "fmt "), Media.Kind.AUDIO, "wav", "audio/wav");
        assertType(ascii("fLaC\u0000\u0000\u0000\u0010"), Media.Kind.AUDIO, "flac", "audio/flac");
        assertType(ascii("ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000"), Media.Kind.AUDIO, "mp3", "audio/mpeg");
        assertType(mp3Frames(), Media.Kind.AUDIO, "mp3", "audio/mpeg");
        assertType(adtsFrames(), Media.Kind.AUDIO, "aac", "audio/aac");
    }

    @Test
    void oneFrameSyncByChanceIsNotAnMp3() {
        byte[] lone = Arrays.copyOf(mp3Frames(), 600);
        Arrays.fill(lone, 417, 600, (byte) 0x20);

        assertThatThrownBy(() -> sniff.sniff(lone)).isInstanceOf(RefusedMedia.class);
    }

    @Test
    void svgIsRefusedHoweverItBegins() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        String[] forms = {
            svg,
            "  \n\t" + svg,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg,
            "<?xml version=\"1.0\"?>\n<!-- drawn by the graphics desk -->\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
                    + "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n" + svg,
            "<!DOCTYPE svg>" + svg,
            "<svg:svg xmlns:svg=\"http://www.w3.org/2000/svg\"/>",
            "<SVG onload=\"alert(1)\"></SVG>",
        };
        for (String form : forms) {
            assertRefused(form.getBytes(StandardCharsets.UTF_8), "SVG refused: it can carry script; send a raster");
            assertRefused(withBom(form.getBytes(StandardCharsets.UTF_8)), "SVG refused: it can carry script; send a raster");
        }
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, svg.getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, svg.getBytes(StandardCharsets.UTF_16BE));
        assertRefused(le, "SVG refused: it can carry script; send a raster");
        assertRefused(be, "SVG refused: it can carry script; send a raster");
        assertRefused(svg.getBytes(StandardCharsets.UTF_16LE), "SVG refused: it can carry script; send a raster");
    }

    @Test
    void heicAndAvifAreRefusedWithAReasonUnlessAReaderExists() throws Exception {
        assertRefused(ftyp("heic", "mif1", "heic"), "HEIC picture refused: no HEIC reader is installed; send a JPEG");
        assertRefused(ftyp("mif1", "mif1", "heic"), "HEIC picture refused: no HEIC reader is installed; send a JPEG");
        assertRefused(ftyp("avif", "avif", "mif1", "miaf"), "AVIF picture refused: no AVIF reader is installed; send a JPEG");
        assertRefused(ftyp("mif1", "mif1", "avif"), "AVIF picture refused: no AVIF reader is installed; send a JPEG");

        MediaSniff withReaders = new MediaSniff(type -> true);
        assertThat(withReaders.sniff(ftyp("heic", "mif1", "heic")).contentType()).isEqualTo("image/heic");
        assertThat(withReaders.sniff(ftyp("avif", "avif")).kind()).isEqualTo(Media.Kind.PICTURE);
    }

    @Test
    void whatIsNotMediaIsRefusedNamingWhatItLooksLike() {
        assertRefused(new byte[0], "empty: no bytes came");
        assertRefused(ascii("<!DOCTYPE html><html><body>Please log in</body></html>"),
                "not a picture, video or audio: an HTML page (a login or error page where the picture should be?)");
        assertRefused(ascii("<html><head><title>404</title></head></html>"),
                "not a picture, video or audio: an HTML page (a login or error page where the picture should be?)");
        assertRefused(ascii("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>"),
                "not a picture, video or audio: an XML document (<rss>)");
        assertRefused(ascii("%PDF-1.7\n%\u00e2\u00e3"), "not a picture, video or audio: a PDF document");
        assertRefused(bytes('P', 'K', 3, 4, 20, 0, 0, 0), "not a picture, video or audio: a ZIP archive (or an Office document)");
        assertRefused(ascii("{\"error\": \"not found\"}"), "not a picture, video or audio: JSON text");
        assertRefused(bytes(0x1F, 0x8B, 8, 0, 0, 0, 0, 0), "not a picture, video or audio: gzip-compressed data (an SVGZ drawing?); send a raster");
        assertRefused(riff("AVI ", "LIST"), "AVI video refused: browsers cannot play it; send MP4 or WebM");
        assertRefused(ascii("8BPS\u0000\u0001"), "Photoshop document refused: send a JPEG");
        assertRefused(bytes(0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, 0x87, 0x0A), "JPEG 2000 picture refused: no reader is installed; send a JPEG");
        byte[] random = new byte[2048];
        new Random(1).nextBytes(random);
        random[0] = 0x13;
        random[1] = 0x37;
        assertThatThrownBy(() -> sniff.sniff(random)).isInstanceOf(RefusedMedia.class)
                .hasMessageStartingWith("not a picture, video or audio: unrecognised bytes starting 13 37");
    }

    // ---- fixtures, written here (also used by PictureRendererTest) --------------------------

    /** An ISO base media file's ftyp box with its major and compatible brands, then a little padding. */
    static byte[] ftyp(String major, String... compatible) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 16 + 4 * compatible.length;
        out.writeBytes(new byte[] {0, 0, (byte) (size >> 8), (byte) size});
        out.writeBytes(ascii("ftyp" + major));
        out.writeBytes(new byte[] {0, 0, 2, 0});
        for (String brand : compatible) out.writeBytes(ascii(brand));
        out.writeBytes(new byte[] {0, 0, 0, 8, 'f', 'r', 'e', 'e'});
        return out.toByteArray();
    }

    /** Two MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz: 417 bytes each), no ID3 tag. */
    static byte[] mp3Frames() {
        byte[] b = new byte[417 * 2 + 10];
        for (int at : new int[] {0, 417}) {
            b[at] = (byte) 0xFF;
            b[at + 1] = (byte) 0xFB;
            b[at + 2] = (byte) 0x90;
            b[at + 3] = 0x00;
        }
        return b;
    }

    /** Two ADTS AAC frames of 100 bytes each. */
    static byte[] adtsFrames() {
        byte[] b = new byte[210];
        for (int at : new int[] {0, 100}) {
            b[at] = (byte) 0xFF;
            b[at + 1] = (byte) 0xF1;
            b[at + 2] = 0x50;
            b[at + 3] = (byte) (0x80 | ((100 >> 11) & 3));
            b[at + 4] = (byte) ((100 >> 3) & 0xFF);
            b[at + 5] = (byte) (((100 & 7) << 5) | 0x1F);
            b[at + 6] = (byte) 0xFC;
        }
        return b;
    }

    private static byte[] matroska(String docType) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x9F, 0x42, (byte) 0x86, (byte) 0x81, 1,
                0x42, (byte) 0x82, (byte) (0x80 | docType.length())});
        out.writeBytes(ascii(docType));
        return out.toByteArray();
    }

    private static byte[] ogg(String firstPacket) {
        byte[] page = new byte[27 + 1 + 30];
        System.arraycopy(ascii("OggS"), 0, page, 0, 4);
        byte[] packet = firstPacket.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(packet, 0, page, 28, packet.length);
        return page;
    }

    private static byte[] riff(String form, String firstChunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("RIFF"));
        out.writeBytes(new byte[] {30, 0, 0, 0});
        out.writeBytes(ascii(form + firstChunk));
        out.writeBytes(new byte[22]);
        return out.toByteArray();
    }

    private void assertType(byte[] b, Media.Kind kind, String format, String contentType) throws RefusedMedia {
        assertThat(sniff.sniff(b)).isEqualTo(new MediaSniff.Type(kind, format, contentType));
    }

    private void assertRefused(byte[] b, String reason) {
        assertThatThrownBy(() -> sniff.sniff(b)).isInstanceOf(RefusedMedia.class).hasMessage(reason);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = (byte) values[i];
        return b;
    }

    private static byte[] withBom(byte[] b) {
        return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, b);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
