package org.taar.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.taar.store.AdvisoryStore;
import org.taar.store.PushKeys;
import org.taar.desk.AdvisoryDecisions;
import org.taar.web.Json;
import org.taar.web.RequestBody;

/**
 * Kill advisories that wait for a person: pending (no story matched yet) or ambiguous (several
 * stories matched, so nothing was killed).
 * <ul>
 * <li>{@code GET /api/v1/advisories}: a source's push key sees its own source's; an editor's key sees all.
 * <li>{@code POST /api/v1/advisories/{id}/apply} with {@code {"story": ID}} (editor key): kills that
 *     story, as the editor, quoting the advisory, and closes the advisory as applied.
 * <li>{@code POST /api/v1/advisories/{id}/dismiss} (editor key): closes it without a kill.
 * </ul>
 */
public final class AdvisoriesEndpoint {
    public static final String PATH = "/api/v1/advisories";
    private static final Pattern ACTION = Pattern.compile("/api/v1/advisories/([0-9]{1,18})/(apply|dismiss)");
    static final int LIMIT = 200;
    private static final int MAX_BODY = 4 * 1024;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdvisoryStore advisories;
    private final PushKeys keys;
    private final AdvisoryDecisions decisions;
    private final Duration bodyDeadline;

    public AdvisoriesEndpoint(AdvisoryStore advisories, PushKeys keys, AdvisoryDecisions decisions, Duration bodyDeadline) {
        this.advisories = advisories;
        this.keys = keys;
        this.decisions = decisions;
        this.bodyDeadline = bodyDeadline;
    }

    public static boolean matches(String path) {
        return path.equals(PATH) || ACTION.matcher(path).matches();
    }

    public void handle(Request request, Response response, Callback callback, String path) {
        // Who asks is known from the headers: a stranger is answered before a byte of body is read.
        Optional<PushKeys.Holder> holder = keys.holder(Json.bearer(request));
        if (holder.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"taar\"");
            RequestBody.refuse(response, callback, 401, "a valid key is required: Authorization: Bearer KEY");
            return;
        }
        boolean editor = holder.get().role() == PushKeys.Role.EDITOR;
        String method = request.getMethod();
        Matcher m = ACTION.matcher(path);
        if (m.matches()) {
            if (!method.equals("POST")) {
                response.getHeaders().put(HttpHeader.ALLOW, "POST");
                RequestBody.refuse(response, callback, 405, "POST only");
            } else if (!editor) {
                RequestBody.refuse(response, callback, 403, "an editor key is needed to decide an advisory");
            } else {
                // Read to its end before the answer, so a client reusing the connection is not cut off.
                RequestBody.read(request, response, callback, MAX_BODY, bodyDeadline, body ->
                        decide(body, response, callback, Long.parseLong(m.group(1)), m.group(2), holder.get().name()));
            }
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            RequestBody.refuse(response, callback, 405, "GET only");
            return;
        }
        ObjectNode answer = NODES.objectNode();
        ArrayNode items = answer.putArray("advisories");
        for (AdvisoryStore.Advisory a : advisories.open(editor ? null : holder.get().name(), LIMIT)) {
            ObjectNode o = items.addObject().put("id", a.id()).put("source", a.source()).put("status", a.status())
                    .put("text", a.text()).put("created_at", a.createdAt().toString());
            if (a.deliveryId() != null) o.put("delivery", a.deliveryId());
            ArrayNode c = o.putArray("candidates");
            a.candidates().forEach(c::add);
        }
        Json.send(response, callback, 200, answer);
    }

    private void decide(byte[] body, Response response, Callback callback, long id, String verb, String editor) {
        AdvisoryDecisions.Decided d;
        if (verb.equals("dismiss")) {
            d = decisions.dismiss(id, editor);
        } else {
            if (advisories.openOne(id).isEmpty()) {
                Json.send(response, callback, 404, error("no open advisory " + id));
                return;
            }
            long story;
            try {
                story = storyOf(body);
            } catch (IllegalArgumentException e) {
                Json.send(response, callback, 400, error(e.getMessage()));
                return;
            }
            d = decisions.apply(id, story, editor);
        }
        switch (d.kind()) {
            case NOT_FOUND -> Json.send(response, callback, 404, error(d.message()));
            case CONFLICT -> Json.send(response, callback, 409, verb.equals("dismiss")
                    ? NODES.objectNode().put("id", id).put("status", d.message()) : error(d.message()));
            case DONE -> {
                ObjectNode o = NODES.objectNode().put("id", id).put("status", verb.equals("dismiss") ? "dismissed" : "applied");
                if (d.story() != null) o.put("story", d.story()).put("story_status", d.storyStatus());
                Json.send(response, callback, 200, o);
            }
        }
    }

    /** The story id in {@code {"story": ID}}. */
    private static long storyOf(byte[] body) {
        if (body.length > MAX_BODY) throw new IllegalArgumentException("body over " + MAX_BODY + " bytes");
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (IOException e) {
            n = null;
        }
        JsonNode story = n == null ? null : n.get("story");
        if (story == null || !story.canConvertToLong() || !story.isIntegralNumber()) {
            throw new IllegalArgumentException("body must be JSON like {\"story\": 123}, the id of the story to kill");
        }
        return story.asLong();
    }

    private static ObjectNode error(String message) {
        return NODES.objectNode().put("error", message);
    }
}
