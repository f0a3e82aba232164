package org.taar.site;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encodings pages are kept in: gzip always, brotli when brotli4j's native library loads on
 * this machine. Pages are compressed once when rendered, so the cost is paid per publish, not
 * per request.
 */
final class Compression {
    private static final Logger log = LoggerFactory.getLogger(Compression.class);

    /**
     * Brotli quality for pages. Measured on a rendered Hindi article of 21 paragraphs (10,580 bytes
     * identity, 2,922 gzip -9 in 0.9 ms), per compression on this 2-core machine under load:
     * q4 2,901 bytes 0.3 ms; q5 2,582 0.4 ms; q7 2,555 1.0 ms; q9 2,556 80-100 ms (its larger
     * hash tables cost more than they find on a page this small); q10 2,345 10-18 ms; q11 2,267
     * 29-49 ms. q5 is 12% smaller than gzip for less than half a millisecond; q11 would save 10%
     * more but at 70 times the time, which a burst of wire copy or an on-demand render of an
     * evicted article would feel.
     */
    static final int BROTLI_QUALITY = 5;

    /**
     * gzip level for pages. Measured on a rendered home page of 40,026 bytes: level 9 9,166 bytes
     * in 2.3 ms, level 6 9,333 bytes in 1.0 ms (an article: 5,944 / 5,988 bytes, 0.69 / 0.44 ms).
     * Level 9 bought 2 % for more than twice the time, on every page a burst renders; readers with
     * brotli (most) get that form anyway.
     */
    static final int GZIP_LEVEL = 6;

    /** Whether brotli is available: decided once, the first time a page is compressed. */
    private static final boolean BROTLI = loadBrotli();

    private Compression() {}

    private static boolean loadBrotli() {
        try {
            if (Brotli4jLoader.isAvailable()) return true;
            log.warn("brotli unavailable, pages are served gzip only: {}", String.valueOf(Brotli4jLoader.getUnavailabilityCause()));
        } catch (Throwable e) {  // a missing native artifact surfaces as a LinkageError
            log.warn("brotli unavailable, pages are served gzip only: {}", e.toString());
        }
        return false;
    }

    static boolean brotliAvailable() {
        return BROTLI;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(GZIP_LEVEL);
            }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] gzipped, int length) {
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            byte[] out = in.readNBytes(length);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The brotli form of body, or null when brotli is unavailable. */
    static byte[] brotli(byte[] body) {
        return BROTLI ? brotli(body, BROTLI_QUALITY) : null;
    }

    static byte[] brotli(byte[] body, int quality) {
        try {
            return Encoder.compress(body, new Encoder.Parameters().setQuality(quality).setMode(Encoder.Mode.TEXT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
