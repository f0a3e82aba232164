package org.taar.intake;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body, decompressing gzip or deflate here rather than in the HTTP client, so
 * that the cap counts the bytes after decompression: a gzip bomb stops at the cap, with a clear
 * error, having used no more memory than the cap and a fixed inflater window.
 */
public final class CappedBody {
    private CappedBody() {}

    /** The body was larger than allowed; the message says which limit and at which stage. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(String message) {
            super(message);
        }
    }

    /**
     * @param contentEncoding the Content-Encoding header, or null
     * @param max the most bytes accepted, both on the wire and after decompression
     */
    public static byte[] read(InputStream wire, String contentEncoding, long max) throws IOException {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        InputStream raw = new Counting(wire, max, "the body");
        Inflater inflater = null;
        InputStream decoded;
        switch (encoding) {
            case "", "identity" -> decoded = raw;
            case "gzip", "x-gzip" -> decoded = new GZIPInputStream(raw, 8192);
            case "deflate" -> {
                // "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate.
                PushbackInputStream in = new PushbackInputStream(raw, 2);
                int cmf = in.read();
                int flg = in.read();
                if (flg >= 0) in.unread(flg);
                if (cmf >= 0) in.unread(cmf);
                boolean zlib = cmf >= 0 && flg >= 0 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
                inflater = new Inflater(!zlib);
                decoded = new InflaterInputStream(in, inflater, 8192);
            }
            default -> throw new IOException("unsupported Content-Encoding: " + contentEncoding);
        }
        try {
            return readAtMost(decoded, max, encoding.equals("identity") || encoding.isEmpty() ? ""
                    : " after decompression (" + encoding + ")");
        } finally {
            if (inflater != null) inflater.end();
            decoded.close();
        }
    }

    private static byte[] readAtMost(InputStream in, long max, String stage) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > max) throw new TooLargeException("the body is larger than " + max + " bytes" + stage);
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Stops the compressed stream at the cap too, so an endless stream of empty gzip members ends. */
    private static final class Counting extends FilterInputStream {
        private final long max;
        private final String what;
        private long count;

        Counting(InputStream in, long max, String what) {
            super(in);
            this.max = max;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) add(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) add(n);
            return n;
        }

        private void add(int n) throws IOException {
            count += n;
            if (count > max) throw new TooLargeException(what + " is larger than " + max + " bytes");
        }
    }
}
