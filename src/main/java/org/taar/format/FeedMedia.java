package org.taar.format;

import static org.taar.format.FeedXml.attr;
import static org.taar.format.FeedXml.isMedia;
import static org.taar.format.FeedXml.ns;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.taar.item.Media;
import org.taar.item.Rendition;

/**
 * The pictures, video and audio of one feed entry, as the feed names them: Media RSS
 * ({@code media:content}, each its own media item; {@code media:group}, one media item whose contents
 * are its renditions; {@code media:thumbnail}, {@code media:title}, {@code media:description},
 * {@code media:credit}), RSS {@code enclosure}, Atom {@code link rel="enclosure"}, JSON Feed
 * {@code image}, {@code banner_image} and {@code attachments}. Addresses are kept raw while the entry
 * is read and resolved when it becomes an item, against the entry's base.
 */
final class FeedMedia {
    /** One media item as the feed gives it, before its addresses are resolved. */
    static final class Found {
        final Media.Kind kind;
        final List<Raw> renditions = new ArrayList<>();
        String caption;
        String credit;
        String thumbnail;

        Found(Media.Kind kind) {
            this.kind = kind;
        }
    }

    /** A rendition's address and what the feed says of it, as written; medium is Media RSS's (image, video, audio, document...). */
    record Raw(String url, String type, String medium, String width, String height, String size) {}

    private final List<Found> found = new ArrayList<>();
    private int dropped;
    /** Item-level Media RSS, which applies to every media object of the item (Media RSS 2.0, "optional elements"). */
    private String caption;
    private String credit;
    private String thumbnail;

    boolean isEmpty() {
        return found.isEmpty() && thumbnail == null;
    }

    /** Adds one, or counts it when the entry already has {@link MediaList#MAX}: a hostile feed's ten thousand cost nothing. */
    void add(Found f) {
        if (f == null || f.renditions.isEmpty()) return;
        if (found.size() >= MediaList.MAX) dropped++;
        else found.add(f);
    }

    /** A single address with a declared type (an enclosure, a JSON Feed attachment); false when it is no picture, video or audio. */
    boolean addOne(String url, String type, String size, String caption) {
        String u = Text.blankToNull(url);
        if (u == null) return false;
        String ct = MediaFields.contentType(type);
        Media.Kind kind = MediaFields.kind(null, ct);
        // Without a type, or with the one that says nothing, the address's extension tells.
        if (kind == null && (ct == null || ct.endsWith("/octet-stream"))) kind = MediaFields.kindOfName(u);
        if (kind == null) return false;
        Found f = new Found(kind);
        f.renditions.add(new Raw(u, type, null, null, null, size));
        f.caption = Text.blankToNull(caption);
        add(f);
        return true;
    }

    /** A picture at an address whose type the feed does not say (a JSON Feed image, a thumbnail standing in). */
    void addPicture(String url, String caption) {
        String u = Text.blankToNull(url);
        if (u == null) return;
        Found f = new Found(Media.Kind.PICTURE);
        f.renditions.add(new Raw(u, null, null, null, null, null));
        f.caption = Text.blankToNull(caption);
        add(f);
    }

    /**
     * A Media RSS element at item level: content, group and thumbnail are media; credit, title and
     * description apply to them all, and title and description (as before) are also the entry's media
     * title and a description; keywords and category are tags.
     */
    static void read(XMLStreamReader r, FeedEntry e) throws XMLStreamException {
        FeedMedia m = e.media;
        switch (r.getLocalName()) {
            case "content" -> {
                if (m.full()) {
                    m.dropped++;
                    Stax.skip(r);
                    return;
                }
                Found f = new Found(null);
                Raw raw = content(r, f);
                Media.Kind kind = kindOf(raw);
                if (kind != null) {
                    Found one = new Found(kind);
                    one.renditions.add(raw);
                    one.caption = f.caption;
                    one.credit = f.credit;
                    one.thumbnail = f.thumbnail;
                    m.add(one);
                } else if (f.thumbnail != null) {
                    // A document or page with a picture of itself: the picture is the entry's, the page a link.
                    m.addPicture(f.thumbnail, f.caption);
                    if (e.enclosureUrl == null) e.enclosureUrl = Text.blankToNull(raw.url());
                } else if (e.enclosureUrl == null) {
                    e.enclosureUrl = Text.blankToNull(raw.url());
                }
            }
            case "group" -> m.add(group(r, e));
            case "thumbnail" -> {
                if (m.thumbnail == null) m.thumbnail = Text.blankToNull(attr(r, "url"));
                Stax.skip(r);
            }
            case "credit" -> {
                String c = Text.blankToNull(Stax.text(r));
                if (m.credit == null) m.credit = c;
            }
            case "title" -> {
                String t = Text.blankToNull(Stax.text(r));
                if (e.mediaTitle == null) e.mediaTitle = t;
            }
            case "description" -> {
                boolean html = "html".equals(FeedXml.lower(attr(r, "type")));
                String d = html ? FeedXml.mixed(r) : Stax.text(r);
                e.description(d, !html);
                if (m.caption == null) m.caption = html ? HtmlContent.text(d) : Text.blankToNull(d);
            }
            case "keywords" -> e.keywords(Stax.text(r));
            case "category" -> e.tag(Stax.text(r));
            default -> Stax.skip(r);
        }
    }

    /** A media:group: one media item; its contents, in order, are its renditions. */
    private static Found group(XMLStreamReader r, FeedEntry e) throws XMLStreamException {
        Found holder = new Found(null);
        List<Raw> contents = new ArrayList<>();
        String[] groupLevel = new String[4]; // description, credit, thumbnail, title
        int[] skipped = {0};
        FeedXml.children(r, c -> {
            if (!isMedia(ns(c))) {
                Stax.skip(c);
                return;
            }
            switch (c.getLocalName()) {
                case "content" -> {
                    if (contents.size() >= MediaFields.MAX_RENDITIONS) {
                        skipped[0]++;
                        Stax.skip(c);
                    } else {
                        contents.add(content(c, holder));
                    }
                }
                case "thumbnail" -> {
                    if (groupLevel[2] == null) groupLevel[2] = Text.blankToNull(attr(c, "url"));
                    Stax.skip(c);
                }
                case "credit" -> {
                    String credit = Text.blankToNull(Stax.text(c));
                    if (groupLevel[1] == null) groupLevel[1] = credit;
                }
                case "title", "description" -> {
                    // The group's words are the entry's too, as they were before pictures were read.
                    boolean title = c.getLocalName().equals("title");
                    boolean html = "html".equals(FeedXml.lower(attr(c, "type")));
                    String text = html ? FeedXml.mixed(c) : Stax.text(c);
                    if (title && e.mediaTitle == null) e.mediaTitle = Text.blankToNull(text);
                    if (!title) e.description(text, !html);
                    String plain = html ? HtmlContent.text(text) : Text.blankToNull(text);
                    int slot = title ? 3 : 0;
                    if (groupLevel[slot] == null) groupLevel[slot] = plain;
                }
                case "keywords" -> e.keywords(Stax.text(c));
                case "category" -> e.tag(Stax.text(c));
                default -> Stax.skip(c);
            }
        });
        Media.Kind kind = null;
        for (Raw raw : contents) if (kind == null) kind = kindOf(raw);
        if (kind == null) {
            if (!contents.isEmpty() && e.enclosureUrl == null) e.enclosureUrl = Text.blankToNull(contents.get(0).url());
            return null;
        }
        Found f = new Found(kind);
        f.renditions.addAll(contents);
        f.caption = groupLevel[0] != null ? groupLevel[0] : groupLevel[3] != null ? groupLevel[3] : holder.caption;
        f.credit = groupLevel[1] != null ? groupLevel[1] : holder.credit;
        f.thumbnail = groupLevel[2] != null ? groupLevel[2] : holder.thumbnail;
        if (skipped[0] > 0) e.warnings.add("media:group with " + (skipped[0] + contents.size()) + " contents; only the first "
                + MediaFields.MAX_RENDITIONS + " kept");
        return f;
    }

    /** A media:content's attributes, and its own title, description, credit and thumbnail into {@code into} (first wins). */
    private static Raw content(XMLStreamReader r, Found into) throws XMLStreamException {
        Raw raw = new Raw(attr(r, "url"), attr(r, "type"), FeedXml.lower(attr(r, "medium")), attr(r, "width"),
                attr(r, "height"), attr(r, "fileSize"));
        FeedXml.children(r, c -> {
            String name = c.getLocalName();
            if (!isMedia(ns(c))) {
                Stax.skip(c);
            } else if (name.equals("description")) {
                String d = HtmlContent.text(Stax.text(c));
                if (d != null) into.caption = d;
            } else if (name.equals("title")) {
                String t = HtmlContent.text(Stax.text(c));
                if (into.caption == null) into.caption = t;
            } else if (name.equals("credit")) {
                String credit = Text.blankToNull(Stax.text(c));
                if (into.credit == null) into.credit = credit;
            } else if (name.equals("thumbnail")) {
                if (into.thumbnail == null) into.thumbnail = Text.blankToNull(attr(c, "url"));
                Stax.skip(c);
            } else {
                Stax.skip(c);
            }
        });
        return raw;
    }

    /** The kind of a media:content: its medium, else its type, else its address's extension; null for a document. */
    private static Media.Kind kindOf(Raw raw) {
        if (raw.url() == null || raw.url().isBlank()) return null;
        String medium = raw.medium();
        if (medium != null && !medium.equals("image") && !medium.equals("video") && !medium.equals("audio")) return null;
        Media.Kind kind = MediaFields.kind(medium, MediaFields.contentType(raw.type()));
        if (kind == null && raw.type() == null) kind = MediaFields.kindOfName(raw.url());
        return kind;
    }

    boolean full() {
        return found.size() >= MediaList.MAX;
    }

    /** Repairs mis-decoded captions and credits as the entry's other text is; true when one changed. */
    boolean repair() {
        boolean changed = false;
        for (Found f : found) {
            String c = Mojibake.repair(f.caption);
            String k = Mojibake.repair(f.credit);
            changed |= c != f.caption || k != f.credit;
            f.caption = c;
            f.credit = k;
        }
        String c = Mojibake.repair(caption);
        String k = Mojibake.repair(credit);
        changed |= c != caption || k != credit;
        caption = c;
        credit = k;
        return changed;
    }

    /**
     * The media items, addresses resolved against {@code base}: an address that is no http(s) URL is left
     * out with a warning, trackers silently. An item-level thumbnail is the picture of an entry that has
     * none, or the poster of its first video; item-level caption and credit go to every item without its own.
     */
    MediaList resolve(String base, List<String> warnings) {
        MediaList out = new MediaList();
        boolean poster = false;
        for (Found f : found) {
            List<Rendition> renditions = new ArrayList<>();
            for (Raw raw : f.renditions) {
                String href = MediaFields.href(raw.url(), base, false, warnings, null);
                if (href == null) continue;
                renditions.add(new Rendition(href, MediaFields.contentType(raw.type()),
                        MediaFields.pixels(raw.width(), "width", warnings, null),
                        MediaFields.pixels(raw.height(), "height", warnings, null),
                        MediaFields.bytes(raw.size(), warnings, null), null));
            }
            if (renditions.isEmpty()) continue;
            String thumb = f.thumbnail;
            if (thumb == null && f.kind != Media.Kind.PICTURE && !poster && thumbnail != null) {
                thumb = thumbnail;
                poster = true;
            }
            String thumbHref = MediaFields.href(thumb, base, false, warnings, null);
            if (thumbHref != null && !thumbHref.equals(renditions.get(0).href())) {
                renditions.add(new Rendition(thumbHref, null, null, null, null, "thumbnail"));
            }
            out.add(new Media(f.kind, renditions.get(0).href(), 1, f.caption != null ? f.caption : caption,
                    f.credit != null ? f.credit : credit, null, renditions, null));
        }
        boolean hasPicture = out.list().stream().anyMatch(m -> m.kind() == Media.Kind.PICTURE);
        String thumb = hasPicture || poster ? null : MediaFields.href(thumbnail, base, false, warnings, null);
        if (thumb != null) {
            out.add(new Media(Media.Kind.PICTURE, thumb, 1, caption, credit, null,
                    List.of(new Rendition(thumb, null, null, null, null, "thumbnail")), null));
        }
        out.drop(dropped);
        return out;
    }
}
