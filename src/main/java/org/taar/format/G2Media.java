package org.taar.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.PubStatus;
import org.taar.item.Rendition;

/**
 * NewsML-G2 pictures, graphics, video and audio: a newsItem of such a class is one media item, its
 * renditions the remoteContent of its contentSet; a package's itemRef names one (and says a little
 * of it) when the item itself is sent on its own.
 */
final class G2Media {
    private G2Media() {}

    /**
     * What a news item is, when it is media: by its itemClass (ninat:picture, graphic, video, audio);
     * an item that calls itself text (or nothing) but whose only content is remote pictures, video or
     * audio is that media too. Null for text.
     */
    static Media.Kind kindOf(NewsXml.Element item) {
        NewsXml.Element itemClass = item.path("itemMeta", "itemClass");
        String qcode = itemClass == null ? null : first(itemClass.attr("qcode"), itemClass.attr("uri"));
        Media.Kind kind = ofClass(qcode);
        if (kind != null) return kind;
        String code = lower(NewsXml.Element.code(qcode));
        if (code != null && !code.endsWith("text") && !code.endsWith("composite")) return null;
        NewsXml.Element set = item.child("contentSet");
        if (set == null || set.children("remoteContent").isEmpty() || !set.children("inlineXML").isEmpty()
                || !set.children("inlineData").isEmpty()) {
            return null;
        }
        for (NewsXml.Element remote : set.children("remoteContent")) {
            Media.Kind k = MediaFields.kind(null, MediaFields.contentType(remote.attr("contenttype")));
            if (k == null) k = MediaFields.kindOfName(remote.attr("href"));
            if (k != null) return k;
        }
        return null;
    }

    /** The kind an itemClass names (picture and graphic are both pictures); null for text, composite or none. */
    static Media.Kind ofClass(String qcode) {
        if (qcode == null) return null;
        String code = qcode.strip().toLowerCase(Locale.ROOT).replaceFirst("^.*[:/]", "");
        return switch (code) {
            case "picture", "graphic", "photo" -> Media.Kind.PICTURE;
            case "video" -> Media.Kind.VIDEO;
            case "audio" -> Media.Kind.AUDIO;
            default -> null;
        };
    }

    /**
     * A media news item, already read into {@code b} (uri, version, status, headline, language), as
     * the one media item it is: caption from its caption description (else its headline), credit from
     * its creditline (else by, else its creators and contributors), alt from an alternative-text
     * description, renditions from remoteContent.
     */
    static Media media(NewsXml.Element item, NewsItem.Builder b, Media.Kind kind, List<String> warnings, String who) {
        NewsXml.Element meta = item.child("contentMeta");
        String lang = b.language;
        String caption = meta == null ? null : description(meta, lang, "caption");
        if (caption == null) caption = b.headline;
        String alt = meta == null ? null : description(meta, lang, "alt");
        String credit = meta == null ? null : credit(meta, lang);
        List<Rendition> renditions = renditions(item.child("contentSet"), warnings, who);
        return new Media(kind, b.uri, b.version, caption, credit, alt, renditions, b.pubstatus);
    }

    /**
     * A media item a package names by an itemRef, when the item itself is not in the delivery: its uri,
     * and the caption (description or title) and credit the itemRef carries. The media stage finds its
     * renditions when the item arrives, by that uri.
     */
    static Media ref(NewsXml.Element itemRef, Media.Kind kind, String uri, String lang) {
        String caption = description(itemRef, lang, "caption");
        if (caption == null) caption = textOf(NewsmlG2Parser.pick(itemRef.children("headline"), lang));
        if (caption == null) caption = textOf(NewsmlG2Parser.pick(itemRef.children("title"), lang));
        String alt = description(itemRef, lang, "alt");
        String credit = credit(itemRef, lang);
        int version = 1;
        String v = itemRef.attr("version");
        if (v != null && v.strip().matches("\\d{1,9}")) version = Integer.parseInt(v.strip());
        NewsXml.Element status = itemRef.child("pubStatus");
        PubStatus pubstatus = PubStatus.USABLE;
        if (status != null) {
            try {
                pubstatus = PubStatus.parse(first(status.attr("qcode"), status.attr("uri")));
            } catch (IllegalArgumentException e) {
                pubstatus = PubStatus.WITHHELD;
            }
        }
        return new Media(kind, uri, version, caption, credit, alt, List.of(), pubstatus);
    }

    /** The remoteContent renditions in the order given: an http(s) href (or a file sent beside the item), type, size, qcode. */
    static List<Rendition> renditions(NewsXml.Element contentSet, List<String> warnings, String who) {
        List<Rendition> out = new ArrayList<>();
        if (contentSet == null) return out;
        int skipped = 0;
        for (NewsXml.Element remote : contentSet.children("remoteContent")) {
            if (out.size() >= MediaFields.MAX_RENDITIONS) {
                skipped++;
                continue;
            }
            String raw = remote.attr("href");
            if (raw == null) {
                if (remote.attr("residref") != null) warnings.add(who + ": remoteContent " + remote.attr("residref")
                        + " has no href; left out");
                continue;
            }
            String href = MediaFields.href(raw, base(remote), true, warnings, who);
            if (href == null) continue;
            out.add(new Rendition(href, MediaFields.contentType(remote.attr("contenttype")),
                    MediaFields.pixels(remote.attr("width"), "width", warnings, who),
                    MediaFields.pixels(remote.attr("height"), "height", warnings, who),
                    MediaFields.bytes(remote.attr("size"), warnings, who),
                    first(remote.attr("rendition"), remote.attr("renditionuri"))));
        }
        if (skipped > 0) warnings.add(who + ": " + (skipped + out.size()) + " renditions; only the first "
                + MediaFields.MAX_RENDITIONS + " kept");
        return out;
    }

    /** The xml:base in force at an element, resolved through its ancestors; null when none is absolute. */
    private static String base(NewsXml.Element e) {
        List<String> bases = new ArrayList<>();
        for (NewsXml.Element at = e; at != null; at = at.parent) {
            String b = at.attr("xml:base");
            if (b != null) bases.add(0, b);
        }
        String base = null;
        for (String b : bases) base = HtmlContent.resolveBase(base, b);
        return base;
    }

    /**
     * A description by role ("caption": drol:caption; "alt": drol:alternativeText and its spellings),
     * in the item's language when there is a choice.
     */
    private static String description(NewsXml.Element parent, String lang, String wanted) {
        List<NewsXml.Element> found = new ArrayList<>();
        for (NewsXml.Element d : parent.children("description")) {
            String role = lower(NewsXml.Element.code(d.attr("role")));
            if (role == null) continue;
            boolean match = wanted.equals("alt") ? role.startsWith("alt") || role.equals("accessibility")
                    : role.equals(wanted);
            if (match) found.add(d);
        }
        return textOf(NewsmlG2Parser.pick(found, lang));
    }

    /** Creditline, else by, else the creators' names (the photographer); a contributor wrote the caption, not the picture. */
    private static String credit(NewsXml.Element meta, String lang) {
        String credit = textOf(NewsmlG2Parser.pick(meta.children("creditline"), lang));
        if (credit == null) credit = textOf(NewsmlG2Parser.pick(meta.children("by"), lang));
        if (credit != null) return credit;
        List<String> names = new ArrayList<>();
        for (NewsXml.Element p : meta.children("creator")) {
            String name = textOf(NewsmlG2Parser.pick(p.children("name"), lang));
            if (name == null) name = p.attr("literal");
            if (name != null && !names.contains(name)) names.add(name);
            if (names.size() == 3) break;
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String textOf(NewsXml.Element e) {
        return e == null ? null : e.text();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String first(String... values) {
        for (String v : values) if (v != null) return v;
        return null;
    }
}
