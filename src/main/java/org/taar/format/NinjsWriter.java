package org.taar.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.taar.item.NewsItem;

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
        if (!item.tags().isEmpty()) {
            ArrayNode subjects = o.putArray("subjects");
            for (String tag : item.tags()) {
                if (!blank(tag)) subjects.addObject().put("name", tag);
            }
            if (subjects.isEmpty()) o.remove("subjects");
        }
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
