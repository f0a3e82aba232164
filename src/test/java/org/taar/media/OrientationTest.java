package org.taar.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.taar.item.Media;

class OrientationTest {
    private static final MediaSniff.Type JPEG = new MediaSniff.Type(Media.Kind.PICTURE, "jpeg", "image/jpeg");
    private final Orientation orientation = new Orientation();

    /** The stored picture: a b c over d e f (each letter a pixel value). */
    private static BufferedImage stored() {
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        String letters = "abcdef";
        for (int i = 0; i < 6; i++) img.setRGB(i % 3, i / 3, letters.charAt(i));
        return img;
    }

    private static String seen(BufferedImage img) {
        StringBuilder s = new StringBuilder();
        for (int y = 0; y < img.getHeight(); y++) {
            if (y > 0) s.append('/');
            for (int x = 0; x < img.getWidth(); x++) s.append((char) (img.getRGB(x, y) & 0xFF));
        }
        return s.toString();
    }

    @Test
    void eachOfTheEightExifOrientationsIsTurnedAsTheStandardSays() {
        // EXIF 2.3, tag 0x0112: where the stored rows and columns go when the picture is shown.
        String[] expected = {
            null,
            "abc/def",          // 1 as stored
            "cba/fed",          // 2 mirrored left to right
            "fed/cba",          // 3 turned half round
            "def/abc",          // 4 mirrored top to bottom
            "ad/be/cf",         // 5 mirrored along the main diagonal
            "da/eb/fc",         // 6 a quarter clockwise
            "fc/eb/da",         // 7 mirrored along the other diagonal
            "cf/be/ad",         // 8 a quarter anticlockwise
        };
        for (int o = 1; o <= 8; o++) {
            assertThat(seen(orientation.apply(stored(), o))).as("orientation " + o).isEqualTo(expected[o]);
        }
    }

    @Test
    void orientationIsReadFromExifAndDefaultsToNormal() {
        byte[] plain = Pictures.jpeg(Pictures.solid(16, 8, 0), false);
        for (int o = 1; o <= 8; o++) {
            assertThat(orientation.read(Pictures.withSegment(plain, 0xE1, Pictures.exif(o, false)), JPEG)).isEqualTo(o);
        }
        assertThat(orientation.read(plain, JPEG)).isEqualTo(Orientation.NORMAL);
    }

    @Test
    void aBrokenExifBlockCostsTheTurnNotThePicture() {
        byte[] plain = Pictures.jpeg(Pictures.solid(16, 8, 0), false);
        byte[] broken = Pictures.withSegment(plain, 0xE1, "Exif\0\0MM\0*\u00ff\u00ff\u00ff\u00ff".getBytes(StandardCharsets.ISO_8859_1));
        byte[] outOfRange = Pictures.withSegment(plain, 0xE1, Pictures.exif(9, false));

        assertThat(orientation.read(broken, JPEG)).isEqualTo(Orientation.NORMAL);
        assertThat(orientation.read(outOfRange, JPEG)).isEqualTo(Orientation.NORMAL);
    }
}
