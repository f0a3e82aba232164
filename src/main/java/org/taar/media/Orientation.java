package org.taar.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifDirectoryBase;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;

/**
 * A camera stores a picture as its sensor saw it and writes in EXIF how to turn it (values 1 to 8).
 * The renditions carry no EXIF (it can hold where the photographer stood), so the turn is applied to
 * the pixels themselves before anything is encoded.
 */
public final class Orientation {
    public static final int NORMAL = 1;

    /**
     * The EXIF orientation of a JPEG, TIFF, PNG or WebP; {@link #NORMAL} when it has none or the
     * EXIF cannot be read (a broken EXIF block costs the turn, not the picture).
     */
    public int read(byte[] bytes, MediaSniff.Type type) {
        if (type.format().equals("gif") || type.format().equals("bmp")) return NORMAL;
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (ifd0 == null || !ifd0.containsTag(ExifDirectoryBase.TAG_ORIENTATION)) return NORMAL;
            int value = ifd0.getInt(ExifDirectoryBase.TAG_ORIENTATION);
            return value >= 1 && value <= 8 ? value : NORMAL;
        } catch (Exception e) {
            return NORMAL;
        }
    }

    /**
     * The picture as it is meant to be seen. Takes a TYPE_INT_RGB picture of its own (as
     * {@link PictureDecoder} makes) and returns it unchanged for {@link #NORMAL}.
     */
    public BufferedImage apply(BufferedImage src, int orientation) {
        if (orientation <= NORMAL || orientation > 8) return src;
        int w = src.getWidth();
        int h = src.getHeight();
        boolean turned = orientation >= 5;
        int ow = turned ? h : w;
        int oh = turned ? w : h;
        BufferedImage out = new BufferedImage(ow, oh, BufferedImage.TYPE_INT_RGB);
        int[] from = pixels(src);
        int[] to = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }
                    case 4 -> { tx = x; ty = h - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = h - 1 - y; ty = x; }
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }
                    default -> { tx = y; ty = w - 1 - x; }
                }
                to[ty * ow + tx] = from[row + x];
            }
        }
        return out;
    }

    /** The packed pixels, row by row, without a copy when the raster is a plain one. */
    private static int[] pixels(BufferedImage src) {
        int w = src.getWidth();
        if (src.getType() == BufferedImage.TYPE_INT_RGB && src.getRaster().getDataBuffer() instanceof DataBufferInt d
                && d.getOffset() == 0 && d.getSize() == w * src.getHeight() && src.getRaster().getParent() == null) {
            return d.getData();
        }
        return src.getRGB(0, 0, w, src.getHeight(), null, 0, w);
    }
}
