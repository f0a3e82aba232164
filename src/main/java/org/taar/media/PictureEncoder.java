package org.taar.media;

import com.luciad.imageio.webp.WebPWriteParam;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes pixels for readers: progressive JPEG and lossy WebP (libwebp through JNI, in process).
 * Only pixels go in, never the original's metadata, so no EXIF, GPS, XMP, IPTC or comment survives.
 * A new writer per picture: ImageIO writers hold state and are not to be shared between threads.
 */
public final class PictureEncoder {
    private static final Logger log = LoggerFactory.getLogger(PictureEncoder.class);

    private final float quality;
    private final boolean webp;

    /** @param quality 0 to 1 (0.8 is the site's: small, and clean on photographs) */
    public PictureEncoder(float quality) {
        if (!(quality > 0 && quality <= 1)) throw new IllegalArgumentException("quality must be in (0, 1]: " + quality);
        this.quality = quality;
        // The JDK's JPEG writer is always there; libwebp is a native library that may not load on an
        // unusual platform. Then readers get JPEG only, which every browser shows, and operators are told once.
        writer("image/jpeg").dispose();
        this.webp = webpLoads();
    }

    /** Whether WebP renditions can be made here (libwebp's native library loaded). */
    public boolean webpAvailable() {
        return webp;
    }

    private boolean webpLoads() {
        try {
            return webpBytes(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)).length > 0;
        } catch (RuntimeException | LinkageError e) {
            log.warn("WebP renditions are off: libwebp did not load ({}); pictures get JPEG renditions only", e.toString());
            return false;
        }
    }

    public byte[] jpeg(BufferedImage pixels) {
        ImageWriter writer = writer("image/jpeg");
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        return write(writer, pixels, param);
    }

    /** @throws IllegalStateException when {@link #webpAvailable()} is false */
    public byte[] webp(BufferedImage pixels) {
        if (!webp) throw new IllegalStateException("libwebp did not load: no WebP renditions here");
        return webpBytes(pixels);
    }

    private byte[] webpBytes(BufferedImage pixels) {
        ImageWriter writer = writer("image/webp");
        WebPWriteParam param = new WebPWriteParam(writer.getLocale());
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(param.getCompressionTypes()[WebPWriteParam.LOSSY_COMPRESSION]);
        param.setCompressionQuality(quality);
        return write(writer, pixels, param);
    }

    private static byte[] write(ImageWriter writer, BufferedImage pixels, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(4096, pixels.getWidth() * pixels.getHeight() / 4));
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(pixels, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + pixels.getWidth() + " × " + pixels.getHeight() + " rendition", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JDK's JPEG writer (TwelveMonkeys' only wraps it) and libwebp's. */
    private static ImageWriter writer(String contentType) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(contentType);
        if (!writers.hasNext()) throw new IllegalStateException("no ImageIO writer for " + contentType + " in this build");
        return writers.next();
    }
}
