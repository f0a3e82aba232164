package org.taar.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.taar.item.Media;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.item.Rendition;
import org.taar.item.Subject;

/**
 * Writes a news item as IPTC ninjs 2.1, the form of {@code taar parse} output and the API.
 * Empty fields are left out rather than written as null or "", which the schema would reject.
 * Its media are {@code associations} (each a ninjs object of type picture, video or audio with
 * its renditions); a picture, video or audio item sent alone is written as that media item, its
 * renditions the item's own. A package sent without its text (type package) is written as composite.
 */
public final class NinjsWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TYPES = Set.of("text", "audio", "video", "picture", "graphic", "composite", "component");

    public ObjectNode toNinjs(NewsItem item) {
        ObjectNode o = NODES.objectNode();
        put(o, "uri", item.uri());
        // A type outside the 2.1 list would make the whole item invalid; readers assume text when it is absent.
        if (TYPES.contains(item.type())) o.put("type", item.type());
        else if (item.type().equals(G2Package.TYPE)) o.put("type", "composite");
        Media self = alone(item);
        o.put("version", Integer.toString(item.version()));
        o.put("pubstatus", item.pubstatus().ninjs());
        put(o, "language", item.language());

        ArrayNode headlines = NODES.arrayNode();
        role(headlines, "main", null, item.headline());
        role(headlines, "sub", null, item.subheadline());
        if (!headlines.isEmpty()) o.set("headlines", headlines);
        ArrayNode descriptions = NODES.arrayNode();
        role(descriptions, "summary", "text/plain", item.summary());
        if (self != null && !Objects.equals(self.caption(), item.summary())) role(descriptions, "caption", null, self.caption());
        if (self != null) role(descriptions, "alt", null, self.alt());
        if (!descriptions.isEmpty()) o.set("descriptions", descriptions);
        ArrayNode bodies = NODES.arrayNode();
        role(bodies, "main", "text/html", item.bodyHtml());
        if (!bodies.isEmpty()) o.set("bodies", bodies);

        put(o, "by", item.byline() != null || self == null ? item.byline() : self.credit());
        put(o, "located", item.located());
        put(o, "contentcreated", utc(item.contentCreated()));
        put(o, "firstcreated", utc(item.firstCreated()));
        put(o, "versioncreated", utc(item.versionCreated()));
        put(o, "embargoed", utc(item.embargoed()));
        if (item.urgency() != null) o.put("urgency", item.urgency());
        if (!blank(item.agency())) {
            o.putArray("infosources").addObject().put("name", item.agency()).put("role", "originator");
        }
        subjects(o, item);
        places(o, item);
        put(o, "copyrightnotice", item.rights());
        put(o, "slugline", item.slugline());
        put(o, "ednote", item.ednote());
        ArrayNode renditions = NODES.arrayNode();
        if (self != null) renditions(renditions, self);
        if (!blank(item.link())) {
            // ninjs 2.1 has no link property. A rendition (nar:remoteContent) is "where this content can be
            // had", which is what a feed item's link is: the story as an HTML page on the source's site;
            // its href is checked as a URI by the schema. altids would do too, but a link is a location,
            // not an identifier, and associations need a whole ninjs object.
            renditions.addObject().put("name", "web").put("href", item.link()).put("contenttype", "text/html");
        }
        if (!renditions.isEmpty()) o.set("renditions", renditions);
        ArrayNode associations = NODES.arrayNode();
        int n = 0;
        for (Media m : item.media()) if (m != self) associations.add(association(m, ++n));
        if (!associations.isEmpty()) o.set("associations", associations);
        return o;
    }

    /** The one media item a picture, video or audio item sent alone is; null for any other item. */
    private static Media alone(NewsItem item) {
        boolean mediaType = item.type().equals("picture") || item.type().equals("video") || item.type().equals("audio");
        return mediaType && !item.media().isEmpty() ? item.media().get(0) : null;
    }

    /** A media item as an association: a ninjs object named by its kind and place ("picture1"), required name and uri. */
    private static ObjectNode association(Media m, int n) {
        ObjectNode a = NODES.objectNode();
        a.put("name", m.kind().label() + n);
        a.put("uri", ascii(Text.uriFor(m.uri())));
        a.put("type", m.kind().label());
        a.put("version", Integer.toString(m.version()));
        a.put("pubstatus", m.pubstatus().ninjs());
        ArrayNode descriptions = NODES.arrayNode();
        role(descriptions, "caption", null, m.caption());
        role(descriptions, "alt", null, m.alt());
        if (!descriptions.isEmpty()) a.set("descriptions", descriptions);
        put(a, "by", m.credit());
        ArrayNode renditions = NODES.arrayNode();
        renditions(renditions, m);
        if (!renditions.isEmpty()) a.set("renditions", renditions);
        return a;
    }

    /** An IRI as a URI (RFC 3987 3.1): characters outside ASCII percent-encoded as UTF-8, as the schema's uri format wants. */
    private static String ascii(String iri) {
        StringBuilder b = new StringBuilder(iri.length());
        for (byte x : iri.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c > 0x20 && c < 0x7F) b.append((char) c);
            else b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
        }
        return b.toString();
    }

    /** The media item's renditions, each named as the agency named it, else r1, r2... */
    private static void renditions(ArrayNode out, Media m) {
        int n = 0;
        for (Rendition r : m.renditions()) {
            n++;
            if (blank(r.href())) continue;
            ObjectNode o = out.addObject();
            o.put("name", blank(r.name()) ? "r" + n : r.name());
            o.put("href", r.href());
            put(o, "contenttype", r.contentType());
            if (r.width() != null) o.put("width", r.width());
            if (r.height() != null) o.put("height", r.height());
            if (r.size() != null) o.put("sizeinbytes", r.size());
        }
    }

    /**
     * The agency's coded subjects with their codes (a code that is an absolute URI as {@code uri}, a
     * qcode or refnum as {@code literal}), then the keywords (tags) that are not already one of them, by
     * name alone: ninjs 2.1 has no keywords property, and a subject without a code is what a keyword is.
     */
    private static void subjects(ObjectNode o, NewsItem item) {
        ArrayNode subjects = NODES.arrayNode();
        Set<String> named = new HashSet<>();
        for (Subject subject : item.subjects()) {
            ObjectNode s = subjects.addObject();
            put(s, "name", subject.name());
            if (subject.code() != null) s.put(isUri(subject.code()) ? "uri" : "literal", subject.code());
            if (subject.name() != null) named.add(subject.name());
        }
        for (String tag : item.tags()) {
            if (!blank(tag) && named.add(tag)) subjects.addObject().put("name", tag);
        }
        if (!subjects.isEmpty()) o.set("subjects", subjects);
    }

    private static void places(ObjectNode o, NewsItem item) {
        if (item.places().isEmpty()) return;
        ArrayNode places = o.putArray("places");
        for (Place place : item.places()) places.addObject().put("name", place.name()).put("rel", place.kind());
    }

    private static boolean isUri(String code) {
        return code.startsWith("http://") || code.startsWith("https://") || code.startsWith("urn:");
    }

    /** ISO-8601 in UTC with Z, to the second: what every ninjs reader parses. */
    static String utc(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void role(ArrayNode list, String role, String contentType, String value) {
        if (blank(value)) return;
        ObjectNode entry = list.addObject().put("role", role);
        if (contentType != null) entry.put("contenttype", contentType);
        entry.put("value", value);
    }

    private static void put(ObjectNode o, String name, String value) {
        if (!blank(value)) o.put(name, value);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
