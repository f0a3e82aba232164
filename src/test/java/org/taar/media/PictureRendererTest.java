package org.taar.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.taar.media.Pictures.BLUE;
import static org.taar.media.Pictures.GREEN;
import static org.taar.media.Pictures.RED;
import static org.taar.media.Pictures.WHITE;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.taar.item.Media;

class PictureRendererTest {
    private final PictureRenderer renderer = new PictureRenderer(MediaLimits.defaults());

    // ---- renditions --------------------------------------------------------------------------

    @Test
    void aLargePhotoGetsEveryWidthInJpegAndWebpPlusOgAndCrops() throws Exception {
        Rendered r = renderer.render(Pictures.jpeg(Pictures.photo(4000, 3000, 1), false));

        assertThat(r.kind()).isEqualTo(Media.Kind.PICTURE);
        assertThat(r.contentType()).isEqualTo("image/jpeg");
        assertThat(r.width()).isEqualTo(4000);
        assertThat(r.height()).isEqualTo(3000);
        assertThat(r.renditions()).extracting(m -> m.name() + "." + m.format() + " " + m.width() + "x" + m.height())
                .containsExactly(
                        "w320.jpeg 320x240", "w320.webp 320x240", "w640.jpeg 640x480", "w640.webp 640x480",
                        "w1024.jpeg 1024x768", "w1024.webp 1024x768", "w1600.jpeg 1600x1200", "w1600.webp 1600x1200",
                        "og.jpeg 1200x900", "r16x9.jpeg 1200x675", "r4x3.jpeg 1200x900", "r1x1.jpeg 1200x1200");
        for (Rendered.Made m : r.renditions()) {
            BufferedImage decoded = Pictures.decode(m.bytes());
            assertThat(decoded.getWidth()).as(m.name() + "." + m.format()).isEqualTo(m.width());
            assertThat(decoded.getHeight()).as(m.name() + "." + m.format()).isEqualTo(m.height());
            if (m.format().equals("jpeg")) {
                assertThat(m.contentType()).isEqualTo("image/jpeg");
                assertThat(Pictures.markers(m.bytes())).as("progressive").contains(0xC2).doesNotContain(0xC0);
            } else {
                assertThat(m.contentType()).isEqualTo("image/webp");
                assertThat(new String(m.bytes(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
            }
        }
        Map<String, Integer> sizes = r.renditions().stream()
                .collect(Collectors.toMap(m -> m.name() + "." + m.format(), m -> m.bytes().length));
        assertThat(sizes.get("w320.jpeg")).isLessThan(sizes.get("w640.jpeg"));
        assertThat(sizes.get("w640.jpeg")).isLessThan(sizes.get("w1600.jpeg"));
    }

    @Test
    void aPictureIsNeverMadeLargerThanItCame() throws Exception {
        Rendered r = renderer.render(Pictures.jpeg(Pictures.photo(1000, 500, 2), false));

        assertThat(r.renditions()).extracting(m -> m.name() + "." + m.format() + " " + m.width() + "x" + m.height())
                .containsExactly(
                        "w320.jpeg 320x160", "w320.webp 320x160", "w640.jpeg 640x320", "w640.webp 640x320",
                        "w1024.jpeg 1000x500", "w1024.webp 1000x500",
                        "og.jpeg 1000x500", "r16x9.jpeg 888x500", "r4x3.jpeg 666x500", "r1x1.jpeg 500x500");
    }

    @Test
    void aPictureNarrowerThan320GetsOneWidthAtItsOwnSizeAndAWarning() throws Exception {
        Rendered r = renderer.render(Pictures.encode(Pictures.photo(200, 150, 3), "png"));

        assertThat(r.renditions()).filteredOn(m -> m.name().startsWith("w"))
                .extracting(m -> m.name() + "." + m.format() + " " + m.width() + "x" + m.height())
                .containsExactly("w320.jpeg 200x150", "w320.webp 200x150");
        assertThat(r.warnings()).anyMatch(w -> w.contains("small picture: 200 × 150"));
    }

    @Test
    void cropsAreCutAroundTheCentre() throws Exception {
        // A wide picture: red left third, green middle, blue right third. The square crop is the middle.
        BufferedImage img = Pictures.solid(1800, 600, GREEN);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 600, 600);
        g.setColor(Color.BLUE);
        g.fillRect(1200, 0, 600, 600);
        g.dispose();

        Rendered.Made square = rendition(renderer.render(Pictures.encode(img, "png")), "r1x1", "jpeg");

        assertThat(square.width()).isEqualTo(600);
        assertThat(square.height()).isEqualTo(600);
        BufferedImage pixels = Pictures.decode(square.bytes());
        assertColour(pixels, 10, 300, GREEN);
        assertColour(pixels, 590, 300, GREEN);
    }

    @Test
    void fineDetailIsAveragedNotAliasedWhenShrunk() {
        // One-pixel black and white stripes: shrunk five times, they must become an even grey,
        // not black, white or bands (what sampling every fifth pixel would give).
        BufferedImage stripes = new BufferedImage(1600, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 1600; x++) stripes.setRGB(x, y, (x & 1) == 0 ? 0 : 0xFFFFFF);
        }
        BufferedImage small = new Scaler().toWidth(stripes, 320);

        assertThat(small.getWidth()).isEqualTo(320);
        assertThat(small.getHeight()).isEqualTo(80);
        for (int x = 0; x < 320; x++) {
            int grey = small.getRGB(x, 40) & 0xFF;
            assertThat(grey).as("x=" + x).isBetween(100, 155);
        }
    }

    // ---- what survives: pixels only ------------------------------------------------------------

    @Test
    void gpsExifXmpIptcAndCommentsAreInNoRendition() throws Exception {
        byte[] original = Pictures.jpeg(Pictures.photo(800, 600, 4), false);
        original = Pictures.withSegment(original, 0xFE, "shot from the roof of the party office".getBytes(StandardCharsets.US_ASCII));
        original = Pictures.withSegment(original, 0xED, Pictures.iptc());
        original = Pictures.withSegment(original, 0xE1, Pictures.xmp());
        original = Pictures.withSegment(original, 0xE1, Pictures.exif(1, true));
        Metadata before = ImageMetadataReader.readMetadata(new ByteArrayInputStream(original), original.length);
        assertThat(before.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation()).as("the fixture has GPS").isNotNull();
        assertThat(before.getFirstDirectoryOfType(XmpDirectory.class)).as("the fixture has XMP").isNotNull();
        assertThat(before.getFirstDirectoryOfType(IptcDirectory.class)).as("the fixture has IPTC").isNotNull();
        assertThat(Pictures.markers(original)).contains(0xE1, 0xED, 0xFE);

        Rendered r = renderer.render(original);

        assertThat(r.renditions()).hasSize(10); // w320, w640, w1024 at 800 wide (each jpeg+webp), og, 3 crops
        for (Rendered.Made m : r.renditions()) {
            String what = m.name() + "." + m.format();
            if (m.format().equals("jpeg")) {
                assertThat(Pictures.markers(m.bytes())).as(what).doesNotContain(0xE1, 0xE2, 0xED, 0xFE);
            } else {
                assertThat(webpChunks(m.bytes())).as(what).doesNotContain("EXIF", "XMP ", "ICCP");
            }
            Metadata after = ImageMetadataReader.readMetadata(new ByteArrayInputStream(m.bytes()), m.bytes().length);
            assertThat(after.getFirstDirectoryOfType(GpsDirectory.class)).as(what).isNull();
            assertThat(after.getFirstDirectoryOfType(ExifIFD0Directory.class)).as(what).isNull();
            assertThat(after.getFirstDirectoryOfType(XmpDirectory.class)).as(what).isNull();
            assertThat(after.getFirstDirectoryOfType(IptcDirectory.class)).as(what).isNull();
            assertThat(new String(m.bytes(), StandardCharsets.ISO_8859_1)).as(what).doesNotContain("party office", "Photographer");
        }
    }

    @Test
    void exifOrientationSixTurnsTheRenditionToPortraitClockwise() throws Exception {
        byte[] original = Pictures.withSegment(Pictures.jpeg(Pictures.quadrants(800, 400), false), 0xE1, Pictures.exif(6, false));

        Rendered r = renderer.render(original);

        assertThat(r.width()).isEqualTo(400);
        assertThat(r.height()).isEqualTo(800);
        Rendered.Made w320 = rendition(r, "w320", "jpeg");
        assertThat(w320.width()).isEqualTo(320);
        assertThat(w320.height()).isEqualTo(640);
        BufferedImage pixels = Pictures.decode(w320.bytes());
        // Turned a quarter clockwise: blue (bottom left) comes to the top left, red to the top right.
        assertColour(pixels, 80, 160, BLUE);
        assertColour(pixels, 240, 160, RED);
        assertColour(pixels, 80, 480, WHITE);
        assertColour(pixels, 240, 480, GREEN);
    }

    @Test
    void exifOrientationEightTurnsTheRenditionToPortraitAnticlockwise() throws Exception {
        byte[] original = Pictures.withSegment(Pictures.jpeg(Pictures.quadrants(800, 400), false), 0xE1, Pictures.exif(8, false));

        Rendered r = renderer.render(original);

        Rendered.Made webp = rendition(r, "w320", "webp");
        assertThat(webp.width()).isEqualTo(320);
        assertThat(webp.height()).isEqualTo(640);
        BufferedImage pixels = Pictures.decode(webp.bytes());
        // A quarter anticlockwise: green (top right) comes to the top left, red to the bottom left.
        assertColour(pixels, 80, 160, GREEN);
        assertColour(pixels, 240, 160, WHITE);
        assertColour(pixels, 80, 480, RED);
        assertColour(pixels, 240, 480, BLUE);
    }

    // ---- colours ---------------------------------------------------------------------------

    @Test
    void anAdobeCmykJpegKeepsItsColour() throws Exception {
        // Full magenta and yellow ink, no cyan or black: a printer's red.
        byte[] cmyk = Pictures.cmykJpeg(400, 300, 0, 255, 255, 0);
        assertThat(Pictures.markers(cmyk)).as("the fixture is an Adobe JPEG").contains(0xEE);

        Rendered r = renderer.render(cmyk);

        int rgb = Pictures.decode(rendition(r, "w320", "jpeg").bytes()).getRGB(160, 120);
        assertThat((rgb >> 16) & 0xFF).as("red").isGreaterThan(180);
        assertThat((rgb >> 8) & 0xFF).as("green").isLessThan(90);
        assertThat(rgb & 0xFF).as("blue").isLessThan(90);
    }

    @Test
    void aYcckJpegKeepsItsColour() throws Exception {
        // The same printer's red, stored as Photoshop stores CMYK by default (ImageMagick reads the
        // fixture as srgb(254,0,0) too).
        byte[] ycck = Pictures.ycckJpeg(400, 300, 0, 255, 255, 0);

        Rendered r = renderer.render(ycck);

        int rgb = Pictures.decode(rendition(r, "w320", "jpeg").bytes()).getRGB(160, 120);
        assertThat((rgb >> 16) & 0xFF).as("red").isGreaterThan(180);
        assertThat((rgb >> 8) & 0xFF).as("green").isLessThan(90);
        assertThat(rgb & 0xFF).as("blue").isLessThan(90);
    }

    @Test
    void anEmbeddedIccProfileIsConvertedToSrgb() throws Exception {
        // Mid-grey samples in linear RGB are much lighter in sRGB (about 188): read as sRGB they would stay 128.
        byte[] plain = Pictures.jpeg(Pictures.solid(400, 300, 0x808080), false);
        byte[] tagged = Pictures.withSegment(plain, 0xE2, Pictures.iccSegment(Pictures.iccProfile(ColorSpace.CS_LINEAR_RGB)));

        int untagged = Pictures.decode(rendition(renderer.render(plain), "w320", "jpeg").bytes()).getRGB(160, 120) & 0xFF;
        int converted = Pictures.decode(rendition(renderer.render(tagged), "w320", "jpeg").bytes()).getRGB(160, 120) & 0xFF;

        assertThat(untagged).isBetween(120, 136);
        assertThat(converted).isBetween(170, 205);
    }

    @Test
    void transparencyIsFlattenedOnWhite() throws Exception {
        BufferedImage img = new BufferedImage(400, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(200, 0, 200, 200); // the left half stays fully transparent
        g.dispose();

        BufferedImage pixels = Pictures.decode(rendition(renderer.render(Pictures.encode(img, "png")), "w320", "jpeg").bytes());

        assertColour(pixels, 60, 80, WHITE);
        assertColour(pixels, 260, 80, RED);
    }

    @Test
    void sixteenBitGreyAndPalettePngsBecomeEightBitSrgb() throws Exception {
        BufferedImage deep = Pictures.decode(rendition(renderer.render(Pictures.png16(400, 300, 0xC800, 0x6400, 0x3200)), "w320", "jpeg").bytes());
        assertColour(deep, 160, 120, 0xC86432);

        BufferedImage grey = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSamples(0, 0, 400, 300, 0, filled(400 * 300, 100));
        BufferedImage greyOut = Pictures.decode(rendition(renderer.render(Pictures.encode(grey, "png")), "w320", "jpeg").bytes());
        assertColour(greyOut, 160, 120, 0x646464);

        ComponentColorModel greyAlpha = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster samples = greyAlpha.createCompatibleWritableRaster(400, 300);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) samples.setPixel(x, y, new int[] {100, x < 200 ? 255 : 0});
        }
        byte[] greyAlphaPng = Pictures.encode(new BufferedImage(greyAlpha, samples, false, null), "png");
        BufferedImage greyAlphaOut = Pictures.decode(rendition(renderer.render(greyAlphaPng), "w320", "jpeg").bytes());
        assertColour(greyAlphaOut, 60, 120, 0x646464); // opaque grey stays 100, not lightened as linear light
        assertColour(greyAlphaOut, 260, 120, WHITE); // transparent grey is white

        BufferedImage palette = new BufferedImage(400, 300, BufferedImage.TYPE_BYTE_INDEXED);
        Graphics2D g = palette.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        BufferedImage paletteOut = Pictures.decode(rendition(renderer.render(Pictures.encode(palette, "png")), "w320", "webp").bytes());
        assertColour(paletteOut, 160, 120, BLUE);
    }

    @Test
    void progressiveJpegsBmpTiffAndWebpAreRead() throws Exception {
        byte[] progressive = Pictures.jpeg(Pictures.quadrants(800, 600), true);
        assertThat(Pictures.markers(progressive)).as("the fixture is progressive").contains(0xC2);
        for (byte[] original : List.of(progressive, Pictures.encode(Pictures.quadrants(800, 600), "bmp"),
                Pictures.encode(Pictures.quadrants(800, 600), "tiff"), new PictureEncoder(0.9f).webp(Pictures.quadrants(800, 600)))) {
            Rendered r = renderer.render(original);
            BufferedImage pixels = Pictures.decode(rendition(r, "w640", "jpeg").bytes());
            assertThat(r.width()).as(r.contentType()).isEqualTo(800);
            assertColour(pixels, 100, 100, RED);
            assertColour(pixels, 540, 100, GREEN);
            assertColour(pixels, 100, 380, BLUE);
            assertColour(pixels, 540, 380, WHITE);
        }
    }

    @Test
    void anAnimatedGifShowsItsFirstFrameAndSaysSo() throws Exception {
        byte[] gif = Pictures.animatedGif(400, 300, 0xFF0000, 0x0000FF);

        Rendered r = renderer.render(gif);

        assertThat(r.contentType()).isEqualTo("image/gif");
        assertThat(r.warnings()).contains("animated GIF: first frame only");
        assertColour(Pictures.decode(rendition(r, "w320", "jpeg").bytes()), 160, 120, RED);
        assertThat(renderer.render(Pictures.animatedGif(400, 300, 0xFF0000)).warnings()).doesNotContain("animated GIF: first frame only");
    }

    // ---- bad pictures ----------------------------------------------------------------------

    @Test
    void aTruncatedJpegIsRefusedNotShownHalfGrey() {
        byte[] whole = Pictures.jpeg(Pictures.photo(800, 600, 5), false);
        byte[] cut = Arrays.copyOf(whole, whole.length * 6 / 10);

        assertThatThrownBy(() -> renderer.render(cut)).isInstanceOf(RefusedMedia.class).hasMessageContaining("damaged JPEG");
    }

    @Test
    void aTruncatedProgressiveJpegPngAndGifAreRefused() {
        byte[] progressive = Pictures.jpeg(Pictures.photo(800, 600, 6), true);
        byte[] png = Pictures.encode(Pictures.photo(800, 600, 7), "png");
        byte[] gif = Pictures.encode(Pictures.photo(400, 300, 8), "gif");
        for (byte[] whole : List.of(progressive, png, gif)) {
            byte[] cut = Arrays.copyOf(whole, whole.length / 2);
            assertThatThrownBy(() -> renderer.render(cut)).isInstanceOf(RefusedMedia.class).hasMessageContaining("damaged");
        }
    }

    @Test
    void aPngBombIsRefusedFromItsHeaderInMilliseconds() {
        byte[] bomb = Pictures.pngClaiming(100_000, 100_000);
        assertThat(bomb.length).isLessThan(1000);

        long start = System.nanoTime();
        assertThatThrownBy(() -> renderer.render(bomb)).isInstanceOf(RefusedMedia.class)
                .hasMessage("PNG refused: 100000 × 100000 is 10000.0 megapixels, over the 50 megapixel limit");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(1000);
    }

    @Test
    void aPngJustDecodableButTooLargeIsRefusedWithoutDecoding() {
        // 30,000 × 30,000 would take 3.6 GB to decode; the header alone says no.
        long start = System.nanoTime();
        assertThatThrownBy(() -> renderer.render(Pictures.pngClaiming(30_000, 30_000))).isInstanceOf(RefusedMedia.class)
                .hasMessageContaining("900.0 megapixels");
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms").isLessThan(1000);
    }

    @Test
    void gifAndJpegHeadersClaimingHugeSizesAreRefused() {
        assertThatThrownBy(() -> renderer.render(Pictures.gifClaiming(65_535, 65_535))).isInstanceOf(RefusedMedia.class)
                .hasMessageStartingWith("GIF refused: 65535 × 65535");
        byte[] jpeg = Pictures.jpegClaiming(Pictures.jpeg(Pictures.photo(64, 48, 9), false), 65_000, 65_000);
        assertThatThrownBy(() -> renderer.render(jpeg)).isInstanceOf(RefusedMedia.class)
                .hasMessageStartingWith("JPEG refused: 65000 × 65000");
    }

    @Test
    void thePixelLimitIsCheckedAtItsEdge() throws Exception {
        PictureRenderer oneMegapixel = new PictureRenderer(new MediaLimits(40L << 20, 1_000_000, 500L << 20));

        assertThat(oneMegapixel.render(Pictures.encode(Pictures.solid(1000, 1000, RED), "png")).width()).isEqualTo(1000);
        assertThatThrownBy(() -> oneMegapixel.render(Pictures.encode(Pictures.solid(1001, 1000, RED), "png")))
                .isInstanceOf(RefusedMedia.class).hasMessageContaining("1001 × 1000");
    }

    @Test
    void aPictureOverTheByteLimitIsRefusedUnread() {
        PictureRenderer small = new PictureRenderer(new MediaLimits(10_000, 50_000_000, 500L << 20));
        byte[] big = Pictures.jpeg(Pictures.photo(800, 600, 10), false);
        assertThat(big.length).isGreaterThan(10_000);

        assertThatThrownBy(() -> small.render(big)).isInstanceOf(RefusedMedia.class).hasMessageContaining("picture limit");
    }

    @Test
    void emptyRandomAndSvgBytesAreRefusedWithTheirReason() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        random[0] = 0x13;
        String svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>";

        assertThatThrownBy(() -> renderer.render(new byte[0])).isInstanceOf(RefusedMedia.class).hasMessage("empty: no bytes came");
        assertThatThrownBy(() -> renderer.render(random)).isInstanceOf(RefusedMedia.class).hasMessageContaining("unrecognised bytes");
        assertThatThrownBy(() -> renderer.render(svg.getBytes(StandardCharsets.UTF_8))).isInstanceOf(RefusedMedia.class)
                .hasMessage("SVG refused: it can carry script; send a raster");
    }

    @Test
    void aJpegHeaderFollowedByGarbageIsRefused() {
        byte[] garbage = new byte[2000];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xFF;
        garbage[1] = (byte) 0xD8;
        garbage[2] = (byte) 0xFF;

        assertThatThrownBy(() -> renderer.render(garbage)).isInstanceOf(RefusedMedia.class).hasMessageContaining("JPEG");
    }

    // ---- video and audio -------------------------------------------------------------------

    @Test
    void videoAndAudioAreServedAsTheyCame() throws Exception {
        byte[] mp4 = MediaSniffTest.ftyp("isom", "isom", "mp41");
        byte[] mp3 = MediaSniffTest.mp3Frames();

        Rendered video = renderer.render(mp4);
        Rendered audio = renderer.render(mp3);

        assertThat(video.kind()).isEqualTo(Media.Kind.VIDEO);
        assertThat(video.renditions()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("original");
            assertThat(m.format()).isEqualTo("mp4");
            assertThat(m.contentType()).isEqualTo("video/mp4");
            assertThat(m.bytes()).isEqualTo(mp4);
        });
        assertThat(audio.kind()).isEqualTo(Media.Kind.AUDIO);
        assertThat(audio.renditions()).singleElement().extracting(Rendered.Made::format).isEqualTo("mp3");
    }

    @Test
    void aVideoOverItsLimitIsRefused() {
        PictureRenderer tiny = new PictureRenderer(new MediaLimits(40L << 20, 50_000_000, 100));
        byte[] mp4 = Arrays.copyOf(MediaSniffTest.ftyp("mp42", "isom"), 500);

        assertThatThrownBy(() -> tiny.render(mp4)).isInstanceOf(RefusedMedia.class).hasMessage("video refused: 500 bytes, over the limit of 100 bytes");
    }

    // ---- workers ---------------------------------------------------------------------------

    @Test
    void oneRendererServesManyWorkersAtOnce() throws Exception {
        byte[] original = Pictures.jpeg(Pictures.photo(1200, 900, 11), false);
        Function<Rendered, List<String>> digest = r -> r.renditions().stream()
                .map(m -> m.name() + m.format() + Arrays.hashCode(m.bytes())).toList();
        List<String> alone = digest.apply(renderer.render(original));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Rendered>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) runs.add(pool.submit(() -> renderer.render(original)));
            for (Future<Rendered> run : runs) assertThat(digest.apply(run.get())).isEqualTo(alone);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    static Rendered.Made rendition(Rendered r, String name, String format) {
        return r.renditions().stream().filter(m -> m.name().equals(name) && m.format().equals(format)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + "." + format + " among " + r.renditions().stream()
                        .map(m -> m.name() + "." + m.format()).toList()));
    }

    static void assertColour(BufferedImage img, int x, int y, int expected) {
        int rgb = img.getRGB(x, y);
        for (int shift : new int[] {16, 8, 0}) {
            int got = (rgb >> shift) & 0xFF;
            int want = (expected >> shift) & 0xFF;
            assertThat(got).as("channel at " + x + "," + y + " (shift " + shift + ") of #%06X, wanted #%06X", rgb & 0xFFFFFF, expected)
                    .isBetween(want - 32, want + 32);
        }
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    /** The chunk names of a WebP (RIFF) file. */
    static List<String> webpChunks(byte[] webp) {
        List<String> names = new java.util.ArrayList<>();
        int at = 12;
        while (at + 8 <= webp.length) {
            names.add(new String(webp, at, 4, StandardCharsets.US_ASCII));
            int size = (webp[at + 4] & 0xFF) | (webp[at + 5] & 0xFF) << 8 | (webp[at + 6] & 0xFF) << 16 | (webp[at + 7] & 0xFF) << 24;
            at += 8 + size + (size & 1);
        }
        return names;
    }
}
