package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.taar.item.Media;
import org.taar.media.SamplePictures;

/** A file is a picture, video or audio by its bytes; its name is only a hint. */
class MediaKindsTest {
    private static byte[] bytes(int... b) {
        byte[] out = new byte[64];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    @Test
    void theBytesSayWhatAFileIsWhateverItsName() {
        assertThat(MediaKinds.of(SamplePictures.jpeg(10, 10, 1), "story.txt")).isEqualTo(Media.Kind.PICTURE);
        assertThat(MediaKinds.of(SamplePictures.png(10, 10, 1), null)).isEqualTo(Media.Kind.PICTURE);
        assertThat(MediaKinds.of(bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'), "x")).isEqualTo(Media.Kind.VIDEO);
        assertThat(MediaKinds.of(bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f'), "x")).isEqualTo(Media.Kind.PICTURE);
        assertThat(MediaKinds.of(bytes('I', 'D', '3', 4), "x")).isEqualTo(Media.Kind.AUDIO);
        assertThat(MediaKinds.of(bytes('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'), "x")).isEqualTo(Media.Kind.PICTURE);
        assertThat(MediaKinds.of(bytes(0x1A, 0x45, 0xDF, 0xA3), "x")).isEqualTo(Media.Kind.VIDEO);
    }

    @Test
    void aStoryNamedLikeAPictureIsStillAStory() {
        byte[] text = "Headline: शीर्षक\n\nपाठ".getBytes(StandardCharsets.UTF_8);
        assertThat(MediaKinds.of(text, "story.jpg")).isNull();
        assertThat(MediaKinds.of(text, "story.txt")).isNull();
        // Raw MPEG audio has no signature here: the name is believed for bytes that are not text.
        assertThat(MediaKinds.of(bytes(0xFF, 0xFB, 0x90, 0x00), "clip.mp3")).isEqualTo(Media.Kind.AUDIO);
        assertThat(MediaKinds.of(bytes(0xFF, 0xFB, 0x90, 0x00), "clip.dat")).isNull();
        assertThat(MediaKinds.of("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"
                .getBytes(StandardCharsets.UTF_8), "logo.svg")).isEqualTo(Media.Kind.PICTURE);
        assertThat(MediaKinds.looksLikeMedia("a.JPG")).isTrue();
        assertThat(MediaKinds.looksLikeMedia("a.xml")).isFalse();
    }
}
