package org.taar.site;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
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
     * Brotli quality for pages. Measured on a rendered 15-paragraph Hindi article (27.5 KB identity,
     * gzip -9 5.0 KB), per compression on this machine: q5 4.6 KB in 0.3 ms, q7 4.5 KB 0.5 ms,
     * q9 4.4 KB 0.9 ms, q11 3.9 KB 28 ms. q11 saves another 11% but is 30 times slower, which a
     * burst of wire stories or an on-demand render of an evicted article would feel; q9 keeps
     * most of the gain at under a millisecond. (Figures refreshed by CompressionTest.measure.)
     */
    static final int BROTLI_QUALITY = 9;

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
                def.setLevel(Deflater.BEST_COMPRESSION);
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
