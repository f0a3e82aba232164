package org.taar.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.taar.item.Media;
import org.taar.item.Rendition;

/**
 * NITF's {@code media} elements in a body: a picture, video or audio (media-type image, video,
 * audio) with its media-reference renditions (source, mime-type, width, height, alternate-text),
 * media-caption and media-producer (the credit). A reference to a bare file name names a file sent
 * beside the story ({@code part:NAME}); NITF gives nothing to resolve a relative address against.
 */
final class NitfMedia {
    /** The media read, and the elements they came from: those leave the body, their captions go with the picture. */
    record Found(MediaList media, Set<NewsXml.Element> taken) {}

    private NitfMedia() {}

    static Found read(NewsXml.Element content, List<String> warnings) {
        MediaList media = new MediaList();
        Set<NewsXml.Element> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        if (content == null) return new Found(media, taken);
        for (NewsXml.Element m : content.descendants("media")) {
            if (media.full()) {
                media.drop();
                continue;
            }
            Media found = media(m, warnings);
            if (found != null && media.add(found)) taken.add(m);
        }
        return new Found(media, taken);
    }

    private static Media media(NewsXml.Element m, List<String> warnings) {
        List<NewsXml.Element> references = m.children("media-reference");
        String firstType = references.isEmpty() ? null : MediaFields.contentType(references.get(0).attr("mime-type"));
        Media.Kind kind = MediaFields.kind(m.attr("media-type"), firstType);
        if (kind == null) return null;
        List<Rendition> renditions = new ArrayList<>();
        String alt = null;
        String sourceCredit = null;
        for (NewsXml.Element r : references) {
            if (renditions.size() >= MediaFields.MAX_RENDITIONS) break;
            String href = MediaFields.href(first(r.attr("source"), r.attr("data-location")), null, true, warnings, "nitf");
            if (href == null) continue;
            // Sizes in other units (inches, centimetres: NITF allows them) say nothing of pixels.
            String units = r.attr("units");
            boolean pixels = units == null || units.toLowerCase(Locale.ROOT).startsWith("pixel");
            renditions.add(new Rendition(href, MediaFields.contentType(r.attr("mime-type")),
                    pixels ? MediaFields.pixels(r.attr("width"), "width", warnings, "nitf") : null,
                    pixels ? MediaFields.pixels(r.attr("height"), "height", warnings, "nitf") : null,
                    null, r.attr("name")));
            if (alt == null) alt = r.attr("alternate-text");
            if (sourceCredit == null) sourceCredit = r.attr("source-credit");
        }
        if (renditions.isEmpty()) return null;
        NewsXml.Element caption = m.child("media-caption");
        NewsXml.Element producer = m.child("media-producer");
        String credit = producer != null && producer.text() != null ? producer.text() : sourceCredit;
        return new Media(kind, renditions.get(0).href(), 1, caption == null ? null : caption.text(), credit, alt,
                renditions, null);
    }

    private static String first(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }
}
