package org.taar.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.taar.config.Config;
import org.taar.format.NinjsWriter;
import org.taar.site.Feeds;
import org.taar.store.Listings;
import org.taar.store.StoryReads;
import org.taar.story.Story;
import org.taar.web.Json;
import org.taar.text.Digest;

/**
 * {@code GET /api/v1/stories?since=&limit=&cursor=} and {@code GET /api/v1/stories/{id}}:
 * published stories as ninjs 2.1, oldest first by publication time then id, keyset-paginated
 * with an opaque {@code next} cursor. Anything not published (held, embargoed, killed, unknown)
 * answers 404, so a killed story is gone from the API like from every page.
 */
public final class StoriesEndpoint {
    public static final String PREFIX = "/api/v1/stories";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String CACHE_CONTROL = "public, max-age=15";
    /** The altids role of the story's permanent identity on this site (the RSS guid). */
    public static final String GUID_ROLE = "guid";

    private final StoryReads stories;
    private final Listings listings;
    private final Config.Site site;
    private final NinjsWriter writer = new NinjsWriter();

    public StoriesEndpoint(StoryReads stories, Listings listings, Config.Site site) {
        this.stories = stories;
        this.listings = listings;
        this.site = site;
    }

    /** Whether this endpoint answers the path. */
    public static boolean matches(String path) {
        return path.equals(PREFIX) || path.equals(PREFIX + "/") || path.startsWith(PREFIX + "/");
    }

    public void handle(Request request, Response response, Callback callback, String path) {
        String rest = path.length() > PREFIX.length() ? path.substring(PREFIX.length() + 1) : "";
        if (rest.isEmpty()) list(request, response, callback);
        else one(request, response, callback, rest);
    }

    private void one(Request request, Response response, Callback callback, String rest) {
        Optional<Story> story = Optional.empty();
        if (rest.matches("[0-9]{1,18}")) story = stories.byId(Long.parseLong(rest)).filter(Story::isPublished);
        if (story.isEmpty()) {
            error(response, callback, 404, "no published story with id '" + abbreviate(rest) + "'");
            return;
        }
        send(request, response, callback, ninjs(story.get()));
    }

    private void list(Request request, Response response, Callback callback) {
        Fields query;
        try {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            error(response, callback, 400, "the query string is not valid percent-encoded UTF-8");
            return;
        }
        Instant since = null;
        String s = query.getValue("since");
        if (s != null) {
            try {
                since = parseInstant(s);
            } catch (DateTimeParseException e) {
                error(response, callback, 400, "since must be an ISO-8601 date-time with an offset, "
                        + "e.g. 2025-07-12T05:49:00Z; got '" + abbreviate(s) + "'");
                return;
            }
        }
        int limit = DEFAULT_LIMIT;
        String l = query.getValue("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                error(response, callback, 400, "limit must be a whole number from 1 to " + MAX_LIMIT
                        + "; got '" + abbreviate(l) + "'");
                return;
            }
        }
        Instant afterAt = null;
        long afterId = 0;
        String c = query.getValue("cursor");
        if (c != null) {
            long[] cursor = decodeCursor(c);
            if (cursor == null) {
                error(response, callback, 400, "cursor is not one this API gave out");
                return;
            }
            afterAt = Instant.ofEpochMilli(cursor[0]);
            afterId = cursor[1];
        }
        List<Story> page = listings.publishedAfter(since, afterAt, afterId, limit + 1);
        boolean more = page.size() > limit;
        if (more) page = page.subList(0, limit);
        ObjectNode body = NODES.objectNode();
        ArrayNode items = body.putArray("items");
        for (Story story : page) items.add(ninjs(story));
        if (more) {
            Story last = page.get(page.size() - 1);
            body.put("next", encodeCursor(last.publishedAt().toEpochMilli(), last.id()));
        } else {
            body.putNull("next");
        }
        send(request, response, callback, body);
    }

    /** The story as ninjs 2.1: the agency's uri, and the story's page on this site as the "web" rendition. */
    ObjectNode ninjs(Story story) {
        ObjectNode o = writer.toNinjs(story.item());
        ArrayNode renditions = o.has("renditions") ? (ArrayNode) o.get("renditions") : o.putArray("renditions");
        // The writer's rendition, if any, is the story on the source's site; ours comes first.
        for (var r : renditions) if ("web".equals(r.path("name").asText())) ((ObjectNode) r).put("name", "source");
        ObjectNode web = NODES.objectNode().put("name", "web").put("href", site.baseUrl() + story.path())
                .put("contenttype", "text/html");
        renditions.insert(0, web);
        // The feeds' guid, for a reader that follows both; the web rendition moves with the slug, this never does.
        ArrayNode altids = o.has("altids") ? (ArrayNode) o.get("altids") : o.putArray("altids");
        altids.add(NODES.objectNode().put("role", GUID_ROLE).put("value", Feeds.guid(site, story.id())));
        return o;
    }

    /** The earliest and latest instants the store can hold (epoch milliseconds); a date-time can name years beyond. */
    private static final Instant EARLIEST = Instant.ofEpochMilli(Long.MIN_VALUE);
    private static final Instant LATEST = Instant.ofEpochMilli(Long.MAX_VALUE);

    static Instant parseInstant(String s) {
        Instant at = OffsetDateTime.parse(s).toInstant();
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) throw new DateTimeParseException("beyond the store's range", s, 0);
        return at;
    }

    static String encodeCursor(long at, long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "." + id).getBytes(StandardCharsets.US_ASCII));
    }

    static long[] decodeCursor(String cursor) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            int dot = s.indexOf('.');
            if (dot < 0) return null;
            return new long[] {Long.parseLong(s.substring(0, dot)), Long.parseLong(s.substring(dot + 1))};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void send(Request request, Response response, Callback callback, ObjectNode body) {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String etag = etag(bytes);
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        h.put(HttpHeader.CACHE_CONTROL, CACHE_CONTROL);
        h.put(HttpHeader.ETAG, etag);
        String inm = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (inm != null && (inm.equals(etag) || inm.equals("*") || List.of(inm.split("\\s*,\\s*")).contains(etag))) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        response.setStatus(200);
        h.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if (request.getMethod().equals("HEAD")) {
            callback.succeeded();
            return;
        }
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private static void error(Response response, Callback callback, int status, String message) {
        Json.send(response, callback, status, NODES.objectNode().put("status", status).put("error", message));
    }

    private static String etag(byte[] body) {
        return Digest.etag(body);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
