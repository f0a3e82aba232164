package org.taar.media;

/**
 * What a media original may weigh before anything is decoded: a picture's bytes and pixels (a
 * decoded picture takes about seven bytes a pixel while its renditions are made, so the pixel cap is
 * what bounds a worker's heap), and a video's or audio's bytes (served as they came).
 *
 * @param maxPictureBytes a picture larger than this is refused unread
 * @param maxPixels width × height from the picture's header; above it the picture is refused undecoded
 * @param maxStreamBytes a video or audio larger than this is refused
 */
public record MediaLimits(long maxPictureBytes, long maxPixels, long maxStreamBytes) {
    public MediaLimits {
        if (maxPictureBytes <= 0 || maxPixels <= 0 || maxStreamBytes <= 0) {
            throw new IllegalArgumentException("media limits must be positive");
        }
    }

    /** 40 MB and 50 megapixels a picture (a 50 MP camera's file fits), 500 MB a video or audio. */
    public static MediaLimits defaults() {
        return new MediaLimits(40L << 20, 50_000_000L, 500L << 20);
    }
}
