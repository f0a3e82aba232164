package org.taar.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.taar.item.NewsItem;
import org.taar.item.Place;
import org.taar.item.Subject;

/**
 * Writes a news item as IPTC ninjs 2.1, the form of {@code taar parse} output and the API.
 * Empty fields are left out rather than written as null or "", which the schema would reject.
 */
public final class NinjsWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> TYPES = Set.of("text", "audio", "video", "picture", "graphic", "composite", "component");

    public ObjectNode toNinjs(NewsItem item) {
        ObjectNode o = NODES.objectNode();
        put(o, "uri", item.uri());
        // A type outside the 2.1 list would make the whole item invalid; readers assume text when it is absent.
        if (TYPES.contains(item.type())) o.put("type", item.type());
        o.put("version", Integer.toString(item.version()));
        o.put("pubstatus", item.pubstatus().ninjs());
        put(o, "language", item.language());

        ArrayNode headlines = NODES.arrayNode();
        role(headlines, "main", null, item.headline());
        role(headlines, "sub", null, item.subheadline());
        if (!headlines.isEmpty()) o.set("headlines", headlines);
        ArrayNode descriptions = NODES.arrayNode();
        role(descriptions, "summary", "text/plain", item.summary());
        if (!descriptions.isEmpty()) o.set("descriptions", descriptions);
        ArrayNode bodies = NODES.arrayNode();
        role(bodies, "main", "text/html", item.bodyHtml());
        if (!bodies.isEmpty()) o.set("bodies", bodies);

        put(o, "by", item.byline());
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
        if (!blank(item.link())) {
            // ninjs 2.1 has no link property. A rendition (nar:remoteContent) is "where this content can be
            // had", which is what a feed item's link is: the story as an HTML page on the source's site;
            // its href is checked as a URI by the schema. altids would do too, but a link is a location,
            // not an identifier, and associations need a whole ninjs object.
            o.putArray("renditions").addObject()
                    .put("name", "web").put("href", item.link()).put("contenttype", "text/html");
        }
        return o;
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
