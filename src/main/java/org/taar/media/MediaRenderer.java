package org.taar.media;

/**
 * Turns an original's bytes (a picture, video or audio as the agency sent it) into what readers
 * are served. Pure: bytes in, renditions out; storing them is the caller's business.
 */
public interface MediaRenderer {
    /**
     * Reads the type from the bytes (never from a name), checks the picture's size before decoding,
     * and makes the renditions (pictures: JPEG and WebP at the site's widths, the og and crop
     * renditions; video and audio: the original as it came, no transcoding).
     *
     * @throws RefusedMedia with a reason an editor can read, for anything that must not be shown
     */
    Rendered render(byte[] original) throws RefusedMedia;
}
