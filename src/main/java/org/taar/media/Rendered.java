package org.taar.media;

import java.util.List;
import org.taar.item.Media;

/**
 * What a MediaRenderer made of one original.
 *
 * @param kind what the bytes turned out to be
 * @param contentType the original's type, read from its bytes
 * @param width the picture's (or a video poster's) width after orientation; 0 for audio
 * @param height likewise
 * @param renditions each made rendition
 * @param warnings what was noticed but could be lived with (e.g. "animated GIF: first frame only")
 */
public record Rendered(Media.Kind kind, String contentType, int width, int height, List<Made> renditions,
                       List<String> warnings) {

    /**
     * One made rendition.
     *
     * @param name w320, w640, w1024, w1600, og, r16x9, r4x3, r1x1 or original (see the media_renditions table)
     * @param format jpeg, webp, or for an original video or audio its own (mp4, webm, mp3, ...)
     */
    public record Made(String name, String format, String contentType, int width, int height, byte[] bytes) {}
}
