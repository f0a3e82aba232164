package org.taar.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.taar.store.PushKeys;
import org.taar.store.StoryHistory;
import org.taar.store.AuditLog;
import org.taar.store.StoryReads;
import org.taar.story.Story;
import org.taar.web.Json;
import org.taar.web.StoriesEndpoint;

/**
 * {@code GET /api/v1/stories/{id}/versions}: why a story stands as it does. Every version received,
 * with the delivery that brought it (sha256, so the archived bytes can be found), when, what it did
 * and why, the addresses the story had before, and its audit trail. Any story, held, embargoed and
 * killed ones too, since explaining those is the point; so a key is required, and a push key sees
 * only its own source's stories (another source's answer 404, as if they did not exist).
 */
public final class VersionsEndpoint {
    private static final Pattern PATH = Pattern.compile(StoriesEndpoint.PREFIX + "/([^/]{1,40})/versions/?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StoryReads stories;
    private final AuditLog auditLog;
    private final PushKeys keys;

    public VersionsEndpoint(StoryReads stories, AuditLog audit, PushKeys keys) {
        this.stories = stories;
        this.auditLog = audit;
        this.keys = keys;
    }

    /** Whether this endpoint answers the path (checked before the stories API, which owns the prefix). */
    public static boolean matches(String path) {
        return PATH.matcher(path).matches();
    }

    public void handle(Request request, Response response, Callback callback, String path) {
        Optional<String> source = keys.sourceFor(Json.bearer(request));
        if (source.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"taar\"");
            Json.send(response, callback, 401, error("a valid key is required: Authorization: Bearer KEY"));
            return;
        }
        Matcher m = PATH.matcher(path);
        String id = m.matches() ? m.group(1) : "";
        Optional<Story> story = id.matches("[0-9]{1,18}") ? stories.byId(Long.parseLong(id)) : Optional.empty();
        story = story.filter(s -> s.source().equals(source.get()));
        if (story.isEmpty()) {
            Json.send(response, callback, 404, error("no story with id '" + id + "' from source " + source.get()));
            return;
        }
        Json.send(response, callback, 200, history(story.get()));
    }

    private ObjectNode history(Story s) {
        ObjectNode body = NODES.objectNode();
        body.put("id", s.id()).put("source", s.source()).put("uri", s.uri()).put("version", s.version())
                .put("status", s.status().label()).put("reason", s.reason()).put("url", s.path());
        ArrayNode former = body.putArray("former_urls");
        StoryHistory.former(stories.store(), s.id()).forEach(former::add);
        ArrayNode versions = body.putArray("versions");
        for (StoryReads.VersionEntry v : stories.versionHistory(s.id())) {
            ObjectNode o = versions.addObject();
            o.put("version", v.version()).put("outcome", v.outcome().label()).put("reason", v.reason())
                    .put("received_at", iso(v.receivedAt())).put("headline", v.item().headline())
                    .put("correction", v.item().correction());
            if (v.deliveryId() != null) {
                o.putObject("delivery").put("id", v.deliveryId()).put("sha256", v.sha256())
                        .put("channel", v.channel()).put("name", v.name());
            } else {
                o.putNull("delivery");
            }
        }
        ArrayNode audit = body.putArray("audit");
        for (AuditLog.AuditEntry a : auditLog.auditTrail(s.id())) {
            audit.addObject().put("action", a.action()).put("actor", a.actor()).put("reason", a.reason())
                    .put("at", iso(a.at()));
        }
        return body;
    }

    private static String iso(Instant i) {
        return i == null ? null : i.toString();
    }


    private static ObjectNode error(String message) {
        return NODES.objectNode().put("error", message);
    }
}
