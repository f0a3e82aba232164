package org.taar.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.item.Subject;

/**
 * The ninjs fields that are lists of concepts, read under every name the generations gave them:
 * subjects (1.x {@code subject} with {@code code}, 2.x/3.x {@code subjects} with {@code uri} or
 * {@code literal}), places (with their kind in {@code rel}, or AP's {@code datelinelocation}),
 * the rights notice, AP's bylines and the alternative identifiers.
 */
final class NinjsFields {
    private NinjsFields() {}

    /**
     * Coded subjects into {@code b.subjects}; every subject's, place's and keyword's name into the tags
     * as before, so that the site's tag pages do not change; a place whose kind is known into places.
     */
    static void concepts(JsonNode n, NewsItem.Builder b) {
        Set<String> tags = new LinkedHashSet<>();
        for (String key : List.of("subject", "subjects")) {
            for (JsonNode s : list(n, key)) {
                String name = text(s, "name");
                String code = text(s, "uri", "literal", "code", "qcode");
                if (code != null) {
                    Subject subject = new Subject(name, code);
                    if (!b.subjects.contains(subject)) b.subjects.add(subject);
                }
                if (name != null) tags.add(name);
            }
        }
        for (String key : List.of("place", "places")) {
            for (JsonNode p : list(n, key)) {
                String name = text(p, "name");
                if (name == null) continue;
                tags.add(name);
                String kind = kind(text(p, "rel", "type", "locationtype"));
                if (kind == null && p.path("locationtype").isObject()) kind = kind(text(p.get("locationtype"), "name"));
                if (kind != null) add(b, new Place(name, kind));
            }
        }
        JsonNode where = n.get("datelinelocation");
        if (where != null && where.isObject()) {
            String area = text(where, "countryareaname", "countryarea");
            String country = text(where, "countryname", "country");
            if (area != null) add(b, new Place(area, Place.STATE));
            if (country != null) add(b, new Place(country, Place.COUNTRY));
            if (b.located == null) b.located = text(where, "city");
        }
        for (JsonNode k : list(n, "keywords")) {
            String v = k.isTextual() ? Text.blankToNull(k.asText()) : null;
            if (v != null) tags.add(v);
        }
        b.tags = new ArrayList<>(tags);
    }

    /** The copyright notice as written, else the holder after a copyright sign. */
    static String rights(JsonNode n) {
        String notice = text(n, "copyrightnotice", "copyrightNotice");
        if (notice != null) return notice;
        JsonNode holder = n.has("copyrightholder") ? n.get("copyrightholder") : n.get("copyrightHolder");
        String name = holder == null ? null : holder.isObject() ? text(holder, "name") : Text.blankToNull(holder.asText());
        return name == null ? null : "© " + name;
    }

    /** AP's {@code bylines: [{"by": ..., "title": ...}]}: the writers' names, titles left out. */
    static String bylines(JsonNode n) {
        List<String> names = new ArrayList<>();
        for (JsonNode b : list(n, "bylines")) {
            String by = b.isTextual() ? Text.blankToNull(b.asText()) : text(b, "by");
            if (by != null && !names.contains(by)) names.add(by);
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** The sender's own id among the alternative ids (2.x {@code altids} list, 3.x {@code altIds}, AP's object). */
    static String altId(JsonNode n) {
        JsonNode ids = n.has("altids") ? n.get("altids") : n.get("altIds");
        if (ids == null) return null;
        if (ids.isObject()) return text(ids, "itemid", "guid", "uri", "id");
        for (JsonNode id : list(n, n.has("altids") ? "altids" : "altIds")) {
            String role = String.valueOf(text(id, "role")).toLowerCase(Locale.ROOT);
            if (role.equals("itemid") || role.equals("guid") || role.equals("uri") || role.equals("id")) return text(id, "value");
        }
        return null;
    }

    /** city, state or country from a place's rel or type, as ninjs writers spell them; null when it says none. */
    static String kind(String rel) {
        if (rel == null) return null;
        String r = rel.toLowerCase(Locale.ROOT);
        int colon = r.lastIndexOf(':');
        if (colon >= 0) r = r.substring(colon + 1);
        int slash = r.lastIndexOf('/');
        if (slash >= 0) r = r.substring(slash + 1);
        return switch (r) {
            case "city", "town" -> Place.CITY;
            case "state", "statprov", "province", "countryarea" -> Place.STATE;
            case "country", "nation" -> Place.COUNTRY;
            default -> null;
        };
    }

    private static void add(NewsItem.Builder b, Place p) {
        if (!b.places.contains(p)) b.places.add(p);
    }

    private static Iterable<JsonNode> list(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isContainerNode()) return List.of();
        if (v.isObject()) {
            // 1.x keyed some lists by name ({"place": {"p1": {...}}}); a lone concept object counts as one.
            return v.has("name") ? List.of(v) : v;
        }
        return v;
    }

    static String text(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && (v.isTextual() || v.isNumber())) {
                String s = Text.blankToNull(v.asText());
                if (s != null) return s;
            }
        }
        return null;
    }

    /**
     * ninjs 1.x's patterned properties ({@code ^headline_…}, {@code ^description_…}, {@code ^body_…} in
     * the 1.x schemas): the {@code main} one, else the first other that is not a sub-headline.
     */
    static String byRole(JsonNode n, String prefix) {
        String main = text(n, prefix + "main");
        if (main != null) return main;
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith(prefix) && !name.equals("headline_sub")) {
                String value = text(n, name);
                if (value != null) return value;
            }
        }
        return null;
    }

    /** True when the object carries a body or a description a stand-in headline could come from. */
    static boolean hasText(JsonNode n) {
        if (n.has("bodies") || n.has("descriptions") || n.has("slugline")) return true;
        for (var it = n.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.startsWith("body_") || name.startsWith("description_")) return true;
        }
        return false;
    }
}
