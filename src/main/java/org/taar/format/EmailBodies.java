package org.taar.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.BodyFactory;

/**
 * Where mime4j puts the decoded bodies of a message's parts: the bytes of a text part up to a cap,
 * the bytes of a picture, video or audio (told by its first bytes: mime4j does not say the part's
 * type here) up to a cap for the whole message, and of anything else only its size. A 50 MB
 * archive therefore passes through without being held. One instance reads one message.
 */
final class EmailBodies implements BodyFactory {
    /** More text than any story has; a text part beyond it is cut, with a warning. */
    static final int MAX_TEXT_BYTES = 4 * 1024 * 1024;
    /** Pictures, video and audio held for one message; a part that would pass it is counted and let go. */
    static final long MAX_MEDIA_BYTES = 64L * 1024 * 1024;
    private static final int HEAD = 16;

    private long heldMedia;

    @Override
    public BinaryBody binaryBody(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD);
        if (!looksLikeMedia(head)) return new Counted(head.length + drain(in), false);
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        kept.write(head);
        byte[] buf = new byte[8192];
        long total = head.length;
        boolean over = false;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (over || heldMedia + total > MAX_MEDIA_BYTES) {
                over = true;
                continue;
            }
            kept.write(buf, 0, n);
        }
        if (over) return new Counted(total, true);
        heldMedia += total;
        return new Held(kept.toByteArray());
    }

    /**
     * Whether the first bytes are those of a picture, video or audio file: JPEG, PNG, GIF, WebP, TIFF,
     * BMP, the ISO media family (MP4, MOV, M4A, HEIC, AVIF), Matroska and WebM, Ogg, FLAC, WAV, AVI,
     * MPEG and MP3. Only what is held is decided here; the media stage reads the bytes in earnest.
     */
    static boolean looksLikeMedia(byte[] h) {
        if (h.length < 4) return false;
        int b0 = h[0] & 0xFF;
        int b1 = h[1] & 0xFF;
        String ascii = new String(h, 0, Math.min(h.length, 12), StandardCharsets.ISO_8859_1);
        if (b0 == 0xFF && b1 == 0xD8 && (h[2] & 0xFF) == 0xFF) return true;
        if (ascii.startsWith("\u0089PNG") || ascii.startsWith("GIF8") || ascii.startsWith("II*\0")
                || ascii.startsWith("MM\0*") || ascii.startsWith("BM") || ascii.startsWith("OggS")
                || ascii.startsWith("fLaC") || ascii.startsWith("ID3")) {
            return true;
        }
        if (ascii.length() >= 12 && ascii.startsWith("RIFF")) {
            String form = ascii.substring(8, 12);
            return form.equals("WEBP") || form.equals("WAVE") || form.equals("AVI ");
        }
        if (ascii.length() >= 8 && Set.of("ftyp", "moov", "mdat").contains(ascii.substring(4, 8))) return true;
        if (b0 == 0x1A && b1 == 0x45 && (h[2] & 0xFF) == 0xDF && (h[3] & 0xFF) == 0xA3) return true;
        if (b0 == 0 && b1 == 0 && (h[2] & 0xFF) == 1 && ((h[3] & 0xFF) == 0xBA || (h[3] & 0xFF) == 0xB3)) return true;
        // An MPEG audio frame (MP3, AAC ADTS) opens with eleven set bits.
        return b0 == 0xFF && (b1 & 0xE0) == 0xE0;
    }

    @Override
    public TextBody textBody(InputStream in, String mimeCharset) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            int keep = (int) Math.max(0, Math.min(n, MAX_TEXT_BYTES - total));
            kept.write(buf, 0, keep);
            total += n;
        }
        return new Kept(kept.toByteArray(), mimeCharset, total);
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) total += n;
        return total;
    }

    /** A part whose content was counted and let go; {@code overCap} when it was media beyond {@link #MAX_MEDIA_BYTES}. */
    static final class Counted extends BinaryBody {
        private final long size;
        final boolean overCap;

        Counted(long size, boolean overCap) {
            this.size = size;
            this.overCap = overCap;
        }

        @Override
        public InputStream getInputStream() {
            return InputStream.nullInputStream();
        }

        @Override
        public long size() {
            return size;
        }
    }

    /** A picture, video or audio part's decoded bytes. */
    static final class Held extends BinaryBody {
        private final byte[] bytes;

        Held(byte[] bytes) {
            this.bytes = bytes;
        }

        byte[] bytes() {
            return bytes;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public long size() {
            return bytes.length;
        }
    }

    /** A text part's decoded bytes (transfer encoding undone, charset not yet applied) and its declared charset. */
    static final class Kept extends TextBody {
        private final byte[] bytes;
        private final String mimeCharset;
        private final long size;

        Kept(byte[] bytes, String mimeCharset, long size) {
            this.bytes = bytes;
            this.mimeCharset = mimeCharset;
            this.size = size;
        }

        byte[] bytes() {
            return bytes;
        }

        boolean cut() {
            return size > bytes.length;
        }

        @Override
        public String getMimeCharset() {
            return mimeCharset;
        }

        @Override
        public Charset getCharset() {
            // Taar decides the charset itself (EmailText.decode); this is only mime4j's interface.
            return StandardCharsets.UTF_8;
        }

        @Override
        public Reader getReader() {
            return new InputStreamReader(getInputStream(), getCharset());
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public long size() {
            return size;
        }
    }
}
