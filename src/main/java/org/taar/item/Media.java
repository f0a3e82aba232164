package org.taar.item;

import java.util.List;
import java.util.Locale;

/**
 * A picture, video or audio that came with an item (or is the item): what the agency said of it,
 * and where its bytes are. The parsers fill it; the media stage fetches, checks and renders it.
 *
 * @param kind what it is: picture, video or audio
 * @param uri the agency's own identity of the media item (a NewsML-G2 guid, a ninjs association's
 *     uri), stable across re-sends; when the agency gives none, the first rendition's href
 * @param version grows with each re-send of the same uri (1 when the format has no version)
 * @param caption as written, often Hindi; null when none
 * @param credit who to credit (agency, photographer), as written; null when none
 * @param alt the alternative text the agency gave; null when none (the site then uses the caption, and says so)
 * @param renditions where its bytes are, best first as the agency listed them; empty when the item only
 *     names a media item sent on its own (a package's itemRef): the stage then finds it by uri
 * @param pubstatus canceled when the agency withdraws the media item
 */
public record Media(Kind kind, String uri, int version, String caption, String credit, String alt,
                    List<Rendition> renditions, PubStatus pubstatus) {

    public Media {
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
        pubstatus = pubstatus == null ? PubStatus.USABLE : pubstatus;
        if (kind == null) throw new IllegalArgumentException("a media item needs a kind");
        if (uri == null || uri.isBlank()) throw new IllegalArgumentException("a media item needs a uri");
    }

    /** A picture at one address, the commonest case (an enclosure, a media:content). */
    public static Media picture(String href, String contentType, String caption, String credit) {
        return new Media(Kind.PICTURE, href, 1, caption, credit, null,
                List.of(new Rendition(href, contentType, null, null, null, null)), PubStatus.USABLE);
    }

    /** What a picture, video or audio is; the labels are the words stored and shown. */
    public enum Kind {
        PICTURE, VIDEO, AUDIO;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT));
        }

        /** The kind a MIME type names (image/*, video/*, audio/*); null for any other. */
        public static Kind ofContentType(String contentType) {
            if (contentType == null) return null;
            String t = contentType.toLowerCase(Locale.ROOT).strip();
            if (t.startsWith("image/")) return PICTURE;
            if (t.startsWith("video/")) return VIDEO;
            if (t.startsWith("audio/")) return AUDIO;
            return null;
        }
    }
}
