package org.taar.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Pictures made for the tests, good and bad: drawn here, encoded with the JDK, patched by hand. */
final class Pictures {
    static final int RED = 0xFF0000;
    static final int GREEN = 0x00FF00;
    static final int BLUE = 0x0000FF;
    static final int WHITE = 0xFFFFFF;

    private Pictures() {}

    static BufferedImage solid(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** Red top left, green top right, blue bottom left, white bottom right. */
    static BufferedImage quadrants(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        fill(g, RED, 0, 0, w / 2, h / 2);
        fill(g, GREEN, w / 2, 0, w - w / 2, h / 2);
        fill(g, BLUE, 0, h / 2, w / 2, h - h / 2);
        fill(g, WHITE, w / 2, h / 2, w - w / 2, h - h / 2);
        g.dispose();
        return img;
    }

    /** Gradients and noise, like a photograph as far as an encoder can tell. */
    static BufferedImage photo(int w, int h, long seed) {
        Random random = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = clamp(x * 255 / w + random.nextInt(41) - 20);
                int g = clamp(y * 255 / h + random.nextInt(41) - 20);
                int b = clamp(128 + random.nextInt(41) - 20);
                img.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return img;
    }

    private static void fill(Graphics2D g, int rgb, int x, int y, int w, int h) {
        g.setColor(new Color(rgb));
        g.fillRect(x, y, w, h);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] jpeg(BufferedImage img, boolean progressive) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.92f);
        param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
        return write(writer, new IIOImage(img, null, null), param);
    }

    static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, format, out)) throw new IllegalStateException("no writer for " + format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An animated GIF: one frame per colour. */
    static byte[] animatedGif(int w, int h, int... colours) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int c : colours) {
                BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED);
                Graphics2D g = frame.createGraphics();
                g.setColor(new Color(c));
                g.fillRect(0, 0, w, h);
                g.dispose();
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A 16-bit-per-sample RGB PNG of one colour given in 16-bit samples. */
    static byte[] png16(int w, int h, int r16, int g16, int b16) {
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) raster.setPixel(x, y, new int[] {r16, g16, b16});
        }
        return encode(new BufferedImage(cm, raster, false, null), "png");
    }

    /**
     * A CMYK JPEG of one colour (0-255 ink amounts) as Photoshop writes it: an Adobe APP14 marker
     * (transform 0) and the samples stored inverted.
     */
    static byte[] cmykJpeg(int w, int h, int c, int m, int y, int k) {
        return adobeJpeg(w, h, new int[] {255 - c, 255 - m, 255 - y, 255 - k}, 0);
    }

    /**
     * A YCCK JPEG of one colour (0-255 ink amounts), as Photoshop writes CMYK by default: the inks
     * taken as R, G, B and stored as YCbCr, black stored inverted, Adobe transform 2. (A decoder turns
     * YCC back into RGB, inverts it into Adobe's inverted CMYK, and reads that as inks.)
     */
    static byte[] ycckJpeg(int w, int h, int c, int m, int y, int k) {
        int luma = (int) Math.round(0.299 * c + 0.587 * m + 0.114 * y);
        int cb = (int) Math.round(128 - 0.168736 * c - 0.331264 * m + 0.5 * y);
        int cr = (int) Math.round(128 + 0.5 * c - 0.418688 * m - 0.081312 * y);
        return adobeJpeg(w, h, new int[] {clamp(luma), clamp(cb), clamp(cr), 255 - k}, 2);
    }

    /** Four components stored as given (the JDK writer converts no raster), labelled by an Adobe marker. */
    private static byte[] adobeJpeg(int w, int h, int[] samples, int transform) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int yy = 0; yy < h; yy++) {
            for (int x = 0; x < w; x++) raster.setPixel(x, yy, samples);
        }
        ImageWriter writer = null;
        for (var it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter candidate = it.next();
            if (writer == null || candidate.getClass().getName().startsWith("com.sun.")) writer = candidate;
        }
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.95f);
        byte[] bytes = write(writer, new IIOImage(raster, null, null), param);
        bytes = withoutSegments(bytes, 0xEE);
        byte[] adobe = {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
        return withSegment(bytes, 0xEE, adobe);
    }

    private static byte[] write(ImageWriter writer, IIOImage image, ImageWriteParam param) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JPEG with a segment (marker 0xE1 for APP1 ...) inserted after SOI and any JFIF APP0. */
    static byte[] withSegment(byte[] jpeg, int marker, byte[] payload) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) at += 2 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** The JPEG without its segments of one marker (before the scan). */
    static byte[] withoutSegments(byte[] jpeg, int marker) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int m = jpeg[at + 1] & 0xFF;
            if (m == 0xDA) break;
            int length = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
            if (m != marker) out.write(jpeg, at, 2 + length);
            at += 2 + length;
        }
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** The markers of a JPEG's segments up to and including its first scan (SOS). */
    static List<Integer> markers(byte[] jpeg) {
        List<Integer> found = new ArrayList<>();
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int m = jpeg[at + 1] & 0xFF;
            found.add(m);
            if (m == 0xDA) break;
            at += 2 + ((jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF));
        }
        return found;
    }

    /** An APP1 EXIF payload: IFD0 with the orientation and, when asked, a GPS IFD placing the shot in Delhi. */
    static byte[] exif(int orientation, boolean gps) {
        ByteBuffer t = ByteBuffer.allocate(512); // big-endian, as "MM" says
        t.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        int entries = gps ? 2 : 1;
        int gpsIfd = 8 + 2 + 12 * entries + 4;
        t.putShort((short) entries);
        t.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        if (gps) t.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsIfd);
        t.putInt(0);
        if (gps) {
            int gpsEntries = 4;
            int data = gpsIfd + 2 + 12 * gpsEntries + 4;
            t.putShort((short) gpsEntries);
            t.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
            t.putShort((short) 2).putShort((short) 5).putInt(3).putInt(data);
            t.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'E', 0, 0, 0});
            t.putShort((short) 4).putShort((short) 5).putInt(3).putInt(data + 24);
            t.putInt(0);
            t.putInt(28).putInt(1).putInt(36).putInt(1).putInt(5000).putInt(100); // 28° 36' 50"
            t.putInt(77).putInt(1).putInt(12).putInt(1).putInt(3000).putInt(100); // 77° 12' 30"
        }
        byte[] tiff = new byte[t.position()];
        t.flip().get(tiff);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        return out.toByteArray();
    }

    static byte[] xmp() {
        return ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
                + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
                + " xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"28,36.8N\"/></rdf:RDF></x:xmpmeta>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A Photoshop APP13 with one IPTC record: the byline. */
    static byte[] iptc() {
        byte[] byline = "Photographer Name".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(64 + byline.length);
        b.put("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII));
        b.put("8BIM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 0x0404).putShort((short) 0);
        int record = 5 + byline.length;
        b.putInt(record + (record & 1));
        b.put((byte) 0x1C).put((byte) 2).put((byte) 80).putShort((short) byline.length).put(byline);
        if ((record & 1) == 1) b.put((byte) 0);
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** A JPEG whose frame header claims another size than its pixels. */
    static byte[] jpegClaiming(byte[] jpeg, int width, int height) {
        byte[] b = jpeg.clone();
        for (int i = 2; i + 9 < b.length; i++) {
            int m = b[i + 1] & 0xFF;
            if ((b[i] & 0xFF) == 0xFF && (m == 0xC0 || m == 0xC2)) {
                b[i + 5] = (byte) (height >> 8);
                b[i + 6] = (byte) height;
                b[i + 7] = (byte) (width >> 8);
                b[i + 8] = (byte) width;
                return b;
            }
        }
        throw new IllegalArgumentException("no frame header");
    }

    /** A PNG of a few hundred bytes whose header claims width × height: a decompression bomb's calling card. */
    static byte[] pngClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0}).array());
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[100_000]);
        deflater.finish();
        byte[] buffer = new byte[4096];
        int n = deflater.deflate(buffer);
        deflater.end();
        byte[] idat = new byte[n];
        System.arraycopy(buffer, 0, idat, 0, n);
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A GIF whose screen and first image claim width × height. */
    static byte[] gifClaiming(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        le16(out, width);
        le16(out, height);
        out.writeBytes(new byte[] {0, 0, 0});
        out.write(0x2C);
        le16(out, 0);
        le16(out, 0);
        le16(out, width);
        le16(out, height);
        out.write(0);
        out.writeBytes(new byte[] {2, 2, 0x4C, 0x01, 0, 0x3B});
        return out.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >> 8) & 0xFF);
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
            if (img == null) throw new IllegalStateException("no reader could decode the bytes");
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] iccProfile(int colourSpace) {
        return ICC_Profile.getInstance(colourSpace).getData();
    }

    /** An APP2 ICC_PROFILE payload holding the whole profile in one chunk. */
    static byte[] iccSegment(byte[] profile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        out.write(1);
        out.write(1);
        out.writeBytes(profile);
        return out.toByteArray();
    }
}
