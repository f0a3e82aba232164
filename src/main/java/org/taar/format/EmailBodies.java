package org.taar.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.james.mime4j.dom.BinaryBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.BodyFactory;

/**
 * Where mime4j puts the decoded bodies of a message's parts: the bytes of a text part up to a cap,
 * and of anything else only its size. An attached picture or a 50 MB archive therefore passes
 * through without being held, so memory stays bounded by the text a story can have.
 */
final class EmailBodies implements BodyFactory {
    /** More text than any story has; a text part beyond it is cut, with a warning. */
    static final int MAX_TEXT_BYTES = 4 * 1024 * 1024;

    @Override
    public BinaryBody binaryBody(InputStream in) throws IOException {
        return new Counted(drain(in));
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

    /** A part whose content was counted and let go. */
    static final class Counted extends BinaryBody {
        private final long size;

        Counted(long size) {
            this.size = size;
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
