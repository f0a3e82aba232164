package org.taar.media;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.taar.item.Media;

/**
 * The renditions readers get of an agency's picture, video or audio. Pictures: the type from the
 * bytes, the size from the header (checked before decoding), decoded to sRGB, turned as EXIF says,
 * then encoded again from pixels only (no EXIF, GPS, XMP or IPTC survives) as JPEG and WebP at the
 * site's widths, never wider than the original, plus the 1200-wide og picture and the centred crops
 * search engines ask for. Video and audio are not transcoded: the original is the one rendition.
 *
 * <p>Thread-safe and stateless (every reader and writer is made per picture), so one instance serves a
 * pool of workers. A picture takes roughly seven bytes a pixel of heap while it is rendered, which
 * {@link MediaLimits#maxPixels()} bounds.
 */
public final class PictureRenderer implements MediaRenderer {
    /** The widths an article's srcset offers, named w320 ... w1600. */
    public static final List<Integer> WIDTHS = List.of(320, 640, 1024, 1600);
    public static final int OG_WIDTH = 1200;
    public static final int CROP_WIDTH = 1200;
    /** libwebp cannot encode a side longer than this; a taller rendition is JPEG only. */
    static final int WEBP_MAX_SIDE = 16383;

    private record Crop(String name, int rw, int rh) {}

    private static final List<Crop> CROPS = List.of(new Crop("r16x9", 16, 9), new Crop("r4x3", 4, 3), new Crop("r1x1", 1, 1));

    private final MediaLimits limits;
    private final MediaSniff sniff;
    private final PictureDecoder decoder;
    private final Orientation orientation = new Orientation();
    private final Scaler scaler = new Scaler();
    private final PictureEncoder encoder;

    public PictureRenderer(MediaLimits limits) {
        this.limits = limits;
        this.sniff = new MediaSniff(PictureDecoder::canRead);
        this.decoder = new PictureDecoder(limits);
        this.encoder = new PictureEncoder(0.8f);
    }

    @Override
    public Rendered render(byte[] original) throws RefusedMedia {
        if (original == null || original.length == 0) throw new RefusedMedia("empty: no bytes came");
        if (original.length > Math.max(limits.maxPictureBytes(), limits.maxStreamBytes())) {
            throw new RefusedMedia("refused: " + size(original.length) + ", over every media size limit");
        }
        MediaSniff.Type type = sniff.sniff(original);
        if (type.kind() != Media.Kind.PICTURE) return stream(original, type);
        if (original.length > limits.maxPictureBytes()) {
            throw new RefusedMedia(type.format().toUpperCase(Locale.ROOT) + " refused: " + size(original.length)
                    + ", over the picture limit of " + size(limits.maxPictureBytes()));
        }
        PictureDecoder.Decoded decoded = decoder.decode(original, type);
        BufferedImage picture = orientation.apply(decoded.pixels(), orientation.read(original, type));
        List<String> warnings = new ArrayList<>(decoded.warnings());
        if (picture.getWidth() < WIDTHS.get(0)) {
            warnings.add("small picture: " + picture.getWidth() + " × " + picture.getHeight() + ", shown no larger than that");
        }
        List<Rendered.Made> made = new ArrayList<>();
        // Every rendition is at most 1600 wide, so halving a large picture once, up front, spares
        // each rendition the same work; crops go back to the full picture when that keeps more pixels.
        BufferedImage work = halvedWhileWiderThan(picture, WIDTHS.get(WIDTHS.size() - 1));
        widths(work, picture.getWidth(), made, warnings);
        BufferedImage og = scaler.toWidth(work, Math.min(OG_WIDTH, work.getWidth()));
        made.add(jpeg("og", og));
        for (Crop c : CROPS) {
            BufferedImage base = cropWidth(work, c) >= Math.min(CROP_WIDTH, cropWidth(picture, c)) ? work : picture;
            made.add(jpeg(c.name(), scaler.crop(base, c.rw(), c.rh(), CROP_WIDTH)));
        }
        return new Rendered(Media.Kind.PICTURE, type.contentType(), picture.getWidth(), picture.getHeight(),
                List.copyOf(made), List.copyOf(warnings));
    }

    /**
     * w320 ... w1600, largest first, each made from the one before (each step at most halves, so
     * nothing aliases). A slot wider than the picture is skipped, except the first such slot, which
     * holds the picture at its own width: a 1000-wide picture is offered at 1000 as w1024, not only
     * at 640, and one narrower than 320 gets a single w320 at its own width.
     */
    private void widths(BufferedImage work, int width, List<Rendered.Made> made, List<String> warnings) {
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < WIDTHS.size(); i++) {
            int slot = WIDTHS.get(i);
            if (slot <= width || i == 0 || WIDTHS.get(i - 1) < width) slots.add(slot);
        }
        List<Rendered.Made> byWidth = new ArrayList<>();
        BufferedImage from = work;
        for (int i = slots.size() - 1; i >= 0; i--) {
            String name = "w" + slots.get(i);
            BufferedImage pixels = scaler.toWidth(from, Math.min(slots.get(i), width));
            byWidth.add(0, jpeg(name, pixels));
            if (Math.max(pixels.getWidth(), pixels.getHeight()) > WEBP_MAX_SIDE) {
                warnings.add(name + " is " + pixels.getHeight() + " pixels tall, too tall for WebP: JPEG only");
            } else if (encoder.webpAvailable()) {
                byWidth.add(1, made(name, "webp", "image/webp", pixels, encoder.webp(pixels)));
            }
            from = pixels;
        }
        made.addAll(byWidth);
    }

    private BufferedImage halvedWhileWiderThan(BufferedImage picture, int width) {
        int w = picture.getWidth();
        while (w / 2 >= width) w /= 2;
        return scaler.toWidth(picture, w);
    }

    private static int cropWidth(BufferedImage src, Crop c) {
        return (long) src.getWidth() * c.rh() / c.rw() <= src.getHeight() ? src.getWidth()
                : (int) ((long) src.getHeight() * c.rw() / c.rh());
    }

    private Rendered.Made jpeg(String name, BufferedImage pixels) {
        return made(name, "jpeg", "image/jpeg", pixels, encoder.jpeg(pixels));
    }

    private static Rendered.Made made(String name, String format, String contentType, BufferedImage pixels, byte[] bytes) {
        return new Rendered.Made(name, format, contentType, pixels.getWidth(), pixels.getHeight(), bytes);
    }

    /** Video and audio go out as they came, once their type and size are known. */
    private Rendered stream(byte[] original, MediaSniff.Type type) throws RefusedMedia {
        if (original.length > limits.maxStreamBytes()) {
            throw new RefusedMedia(type.kind().label() + " refused: " + size(original.length) + ", over the limit of "
                    + size(limits.maxStreamBytes()));
        }
        return new Rendered(type.kind(), type.contentType(), 0, 0,
                List.of(new Rendered.Made("original", type.format(), type.contentType(), 0, 0, original)), List.of());
    }

    private static String size(long bytes) {
        return bytes < 1 << 20 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
