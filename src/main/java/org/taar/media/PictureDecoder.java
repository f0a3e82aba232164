package org.taar.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ColorConvertOp;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Turns a picture's bytes into 8-bit sRGB pixels, safely: the size is read from the header and
 * checked before a single pixel is decoded (a 100,000 × 100,000 PNG is a few hundred bytes), and a
 * picture the reader had to guess at (a truncated or corrupt JPEG decodes "successfully" into a grey
 * lower half) is refused rather than shown. Colours are managed on the way: CMYK and YCCK JPEGs and
 * embedded ICC profiles end up in sRGB, and transparency is flattened on white (JPEG has none, and
 * the site's pages are white).
 */
public final class PictureDecoder {
    /** A reader's warnings that mean pixels were invented (libjpeg's words, and TwelveMonkeys'). */
    private static final Pattern DAMAGE = Pattern.compile(
            "(?i)premature end|corrupt|truncat|unexpected end|end of (file|stream)|\\beof\\b|bad huffman|invalid");

    /**
     * The pixels and what was noticed.
     *
     * @param pixels TYPE_INT_RGB, sRGB, opaque
     * @param warnings for the editor (an animation's later frames dropped, a harmless reader warning)
     */
    public record Decoded(BufferedImage pixels, List<String> warnings) {}

    private final MediaLimits limits;

    public PictureDecoder(MediaLimits limits) {
        this.limits = limits;
    }

    /** Whether a reader is installed for a picture type (HEIC and AVIF have none unless one is added). */
    public static boolean canRead(String contentType) {
        return ImageIO.getImageReadersByMIMEType(contentType).hasNext();
    }

    public Decoded decode(byte[] bytes, MediaSniff.Type type) throws RefusedMedia {
        String name = type.format().toUpperCase(Locale.ROOT);
        ImageReader reader = readerFor(type.contentType(), name);
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, false, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkSize(name, width, height);
            List<String> warnings = new ArrayList<>();
            List<String> damage = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> {
                if (warning != null && DAMAGE.matcher(warning).find()) {
                    damage.add(warning);
                } else {
                    warnings.add(name + " reader: " + warning);
                }
            });
            BufferedImage read = reader.read(0, reader.getDefaultReadParam());
            if (!damage.isEmpty()) throw new RefusedMedia("damaged " + name + " refused: " + damage.get(0));
            if (read.getWidth() != width || read.getHeight() != height) {
                throw new RefusedMedia("damaged " + name + " refused: its header says " + width + " × " + height
                        + " but " + read.getWidth() + " × " + read.getHeight() + " was read");
            }
            if (type.format().equals("gif") && hasSecondFrame(reader)) warnings.add("animated GIF: first frame only");
            return new Decoded(toSrgb(read), List.copyOf(warnings));
        } catch (IOException | RuntimeException e) {
            // Readers throw IIOException for bad data, and now and then a RuntimeException
            // (IndexOutOfBounds, IllegalArgument, CMMException) for worse; both mean "do not show it".
            throw new RefusedMedia("damaged " + name + " refused: " + reason(e));
        } finally {
            reader.dispose();
        }
    }

    private void checkSize(String name, int width, int height) throws RefusedMedia {
        if (width <= 0 || height <= 0) {
            throw new RefusedMedia(name + " refused: its header says " + width + " × " + height + " pixels");
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new RefusedMedia(String.format(Locale.ROOT,
                    "%s refused: %d × %d is %.1f megapixels, over the %.0f megapixel limit",
                    name, width, height, pixels / 1e6, limits.maxPixels() / 1e6));
        }
    }

    /** Another frame's header can be read: an animation, of which only the first frame is shown. */
    private static boolean hasSecondFrame(ImageReader reader) {
        try {
            return reader.getWidth(1) > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** TwelveMonkeys' reader where there is one (JPEG: CMYK, YCCK, ICC), else the JDK's. */
    private static ImageReader readerFor(String contentType, String name) throws RefusedMedia {
        ImageReader chosen = null;
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByMIMEType(contentType); it.hasNext(); ) {
            ImageReader r = it.next();
            if (chosen == null || r.getClass().getName().startsWith("com.twelvemonkeys.")
                    && !chosen.getClass().getName().startsWith("com.twelvemonkeys.")) {
                if (chosen != null) chosen.dispose();
                chosen = r;
            } else {
                r.dispose();
            }
        }
        if (chosen == null) throw new RefusedMedia(name + " refused: no reader is installed for " + contentType);
        return chosen;
    }

    /**
     * 8-bit sRGB, opaque. A picture in another RGB or a CMYK colour space is converted through its
     * profile first (drawing it directly would go pixel by pixel through the colour model, slowly);
     * grey pictures are drawn as they are, their levels being meant as displayed.
     */
    static BufferedImage toSrgb(BufferedImage src) {
        ColorSpace cs = src.getColorModel().getColorSpace();
        if (cs.getType() == ColorSpace.TYPE_GRAY && src.getType() != BufferedImage.TYPE_BYTE_GRAY
                && src.getType() != BufferedImage.TYPE_USHORT_GRAY && src.getColorModel().getNumComponents() <= 2) {
            return greyOnWhite(src);
        }
        BufferedImage from = src;
        boolean otherRgb = cs.getType() == ColorSpace.TYPE_RGB && !cs.isCS_sRGB() && cs instanceof ICC_ColorSpace;
        if (otherRgb || cs.getType() == ColorSpace.TYPE_CMYK) {
            from = new BufferedImage(src.getWidth(), src.getHeight(),
                    src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            new ColorConvertOp(null).filter(src, from);
        }
        if (from != src && from.getType() == BufferedImage.TYPE_INT_RGB) return from;
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(from, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Grey with transparency (a grey-and-alpha PNG). Java2D would treat its grey as linear light and
     * lighten it (100 becomes 168); the levels are meant as displayed, like sRGB's, so they are copied.
     */
    private static BufferedImage greyOnWhite(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        Raster raster = src.getRaster();
        ColorModel cm = src.getColorModel();
        int greyMax = (1 << cm.getComponentSize(0)) - 1;
        boolean alpha = cm.hasAlpha() && raster.getNumBands() > 1;
        int alphaMax = alpha ? (1 << cm.getComponentSize(1)) - 1 : 1;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] grey = new int[w];
        int[] opacity = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, grey);
            if (alpha) raster.getSamples(0, y, w, 1, 1, opacity);
            for (int x = 0; x < w; x++) {
                double g = grey[x] * 255.0 / greyMax;
                double a = alpha ? opacity[x] / (double) alphaMax : 1;
                int v = (int) Math.round(g * a + 255 * (1 - a));
                out.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return out;
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        if (e instanceof EOFException || cause instanceof EOFException) {
            return "truncated (the bytes end too soon)";
        }
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
