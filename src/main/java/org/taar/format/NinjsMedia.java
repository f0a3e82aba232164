package org.taar.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.taar.item.Media;
import org.taar.item.PubStatus;
import org.taar.item.Rendition;

/**
 * ninjs pictures, video and audio: each {@code associations} entry of type picture, graphic, video or
 * audio is a media item, and an item of such a type is itself one. Associations and renditions are
 * arrays in ninjs 2.x and 3.x and objects keyed by name in 1.x; field names are looked up in every
 * spelling (1.x {@code mimetype}, 2.x {@code contenttype}, 3.x {@code contentType}, {@code sizeinbytes}
 * and {@code sizeInBytes}).
 */
final class NinjsMedia {
    private NinjsMedia() {}

    /** The media an item's associations name, in order, capped at {@link MediaList#MAX}. */
    static MediaList associations(JsonNode n, List<String> warnings, String who) {
        MediaList media = new MediaList();
        for (Map.Entry<String, JsonNode> entry : entries(n.get("associations"))) {
            JsonNode a = entry.getValue();
            if (!a.isObject()) continue;
            Media.Kind kind = kind(a);
            if (kind == null) continue;
            if (media.full()) {
                media.drop();
                continue;
            }
            media.add(media(a, kind, null, warnings, who));
        }
        return media;
    }

    /** The kind a ninjs object's type names (graphic is a picture); else, without a type, its renditions' type; null for text. */
    static Media.Kind kind(JsonNode o) {
        String type = NinjsFields.text(o, "type");
        if (type != null) {
            return switch (type.toLowerCase(Locale.ROOT)) {
                case "picture", "graphic" -> Media.Kind.PICTURE;
                case "video" -> Media.Kind.VIDEO;
                case "audio" -> Media.Kind.AUDIO;
                default -> null;
            };
        }
        for (JsonNode r : values(o.get("renditions"))) {
            Media.Kind k = r.isObject() ? Media.Kind.ofContentType(NinjsFields.text(r, "contenttype", "contentType", "mimetype"))
                    : null;
            if (k != null) return k;
        }
        return null;
    }

    /**
     * One ninjs object (an association, or a picture item itself) as a media item: uri (else its first
     * rendition's href), version, pubstatus, caption (a caption description, else a summary-like one, else
     * the headline), credit (by, a creditline description, the copyright holder), alt (an alternative-text
     * description), renditions. An association without renditions keeps its uri: it names a picture sent
     * on its own. Null when it has neither a uri nor a usable rendition.
     *
     * @param uri the uri to give it (an item's own, already read); null to read the object's
     */
    static Media media(JsonNode o, Media.Kind kind, String uri, List<String> warnings, String who) {
        List<Rendition> renditions = renditions(o.get("renditions"), warnings, who);
        String id = uri != null ? uri : NinjsFields.text(o, "uri");
        if (id == null && !renditions.isEmpty()) id = renditions.get(0).href();
        if (id == null) {
            warnings.add(who + ": a " + kind.label() + " association with neither uri nor usable rendition; left out");
            return null;
        }
        int version = 1;
        String v = NinjsFields.text(o, "version");
        if (v != null && v.matches("\\d{1,9}")) version = Integer.parseInt(v);
        PubStatus status = PubStatus.USABLE;
        String s = NinjsFields.text(o, "pubstatus", "pubStatus");
        if (s != null) {
            try {
                status = PubStatus.parse(s);
            } catch (IllegalArgumentException e) {
                status = PubStatus.WITHHELD;
            }
        }
        String caption = description(o, "caption");
        if (caption == null) caption = plain(NinjsFields.text(o, "description_text", "description_html", "description_xhtml"));
        if (caption == null) caption = description(o, "summary");
        if (caption == null) caption = headline(o);
        String credit = NinjsFields.text(o, "by", "byline");
        if (credit == null) credit = description(o, "creditline");
        if (credit == null) credit = copyrightHolder(o);
        String alt = description(o, "alt");
        return new Media(kind, uri != null ? uri : Text.uriFor(id), version, caption, credit, alt, renditions, status);
    }

    /** Renditions in the order given (1.x: keyed by name), with an http(s) href; the name is the key or {@code name}. */
    static List<Rendition> renditions(JsonNode renditions, List<String> warnings, String who) {
        List<Rendition> out = new ArrayList<>();
        int skipped = 0;
        for (Map.Entry<String, JsonNode> entry : entries(renditions)) {
            String key = entry.getKey();
            JsonNode r = entry.getValue();
            if (!r.isObject()) continue;
            if (out.size() >= MediaFields.MAX_RENDITIONS) {
                skipped++;
                continue;
            }
            String href = MediaFields.href(NinjsFields.text(r, "href"), null, true, warnings, who);
            if (href == null) continue;
            String name = NinjsFields.text(r, "name");
            out.add(new Rendition(href, MediaFields.contentType(NinjsFields.text(r, "contenttype", "contentType", "mimetype")),
                    MediaFields.pixels(NinjsFields.text(r, "width"), "width", warnings, who),
                    MediaFields.pixels(NinjsFields.text(r, "height"), "height", warnings, who),
                    MediaFields.bytes(NinjsFields.text(r, "sizeinbytes", "sizeInBytes"), warnings, who),
                    name != null ? name : key));
        }
        if (skipped > 0) warnings.add(who + ": " + (skipped + out.size()) + " renditions; only the first "
                + MediaFields.MAX_RENDITIONS + " kept");
        return out;
    }

    /**
     * A description by role, as plain text: "caption"; "summary" (summary, text or none: what a picture
     * item says of itself); "creditline"; "alt" (alt, alttext, alternativetext and the like).
     */
    private static String description(JsonNode o, String wanted) {
        for (JsonNode d : values(o.get("descriptions"))) {
            String value = NinjsFields.text(d, "value");
            if (value == null) continue;
            String role = NinjsFields.text(d, "role");
            String r = role == null ? "" : role.toLowerCase(Locale.ROOT).replaceFirst("^.*[:/]", "");
            boolean match = switch (wanted) {
                case "alt" -> r.startsWith("alt") || r.equals("accessibility");
                case "summary" -> r.isEmpty() || r.equals("summary") || r.equals("text") || r.equals("description");
                default -> r.equals(wanted);
            };
            if (match) {
                String type = NinjsFields.text(d, "contenttype", "contentType");
                return type != null && type.toLowerCase(Locale.ROOT).contains("html") ? plain(value) : value;
            }
        }
        return null;
    }

    private static String headline(JsonNode o) {
        String h = NinjsFields.text(o, "headline");
        if (h != null) return h;
        for (JsonNode x : values(o.get("headlines"))) {
            String value = NinjsFields.text(x, "value");
            if (value != null) return value;
        }
        return null;
    }

    private static String copyrightHolder(JsonNode o) {
        JsonNode holder = o.has("copyrightholder") ? o.get("copyrightholder") : o.get("copyrightHolder");
        if (holder == null) return null;
        return holder.isObject() ? NinjsFields.text(holder, "name") : Text.blankToNull(holder.asText());
    }

    private static String plain(String html) {
        return html == null ? null : Text.blankToNull(Jsoup.parse(html).text());
    }

    /** The members of a 2.x/3.x list (without names), or of a 1.x object with their keys as names; none for anything else. */
    private static List<Map.Entry<String, JsonNode>> entries(JsonNode n) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (n == null) return out;
        if (n.isObject()) out.addAll(n.properties());
        else if (n.isArray()) for (JsonNode v : n) out.add(new AbstractMap.SimpleEntry<>(null, v));
        return out;
    }

    /** The members of a list, or the values of a 1.x object keyed by name; none for anything else. */
    private static Iterable<JsonNode> values(JsonNode n) {
        return n == null || !n.isContainerNode() ? List.of() : n;
    }
}
