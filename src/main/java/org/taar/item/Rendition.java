package org.taar.item;

/**
 * One of an agency's renditions of a media item: where its bytes are and what the agency says
 * they are. Nothing here is trusted: the media stage reads the type and size from the bytes.
 *
 * @param href an absolute http(s) URL to fetch it from, or {@code part:NAME} for bytes that came in
 *     the same delivery (a part of a multipart push, an e-mail attachment, a file beside the story in
 *     the drop folder), NAME being the part's or file's name
 * @param contentType the MIME type the agency gave; null when none
 * @param width pixels, as the agency gave them; null when not given
 * @param height pixels, as the agency gave them; null when not given
 * @param size bytes, as the agency gave them; null when not given
 * @param name the agency's name for the rendition (NewsML-G2 rendition qcode, ninjs key, e.g.
 *     {@code rnd:highRes}, {@code thumbnail}); null when none
 */
public record Rendition(String href, String contentType, Integer width, Integer height, Long size, String name) {
    public static final String PART = "part:";

    public boolean inDelivery() {
        return href != null && href.startsWith(PART);
    }
}
