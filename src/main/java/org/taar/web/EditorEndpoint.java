package org.taar.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.taar.store.PushKeys;
import org.taar.desk.EditorActions;
import org.taar.story.Story;
import org.taar.web.Json;
import org.taar.web.RequestBody;

/**
 * {@code POST /api/v1/stories/{id}/publish|hold|kill} with an editor's key
 * ({@code Authorization: Bearer KEY} from {@code taar key add NAME --editor}) and an optional
 * body {@code {"reason": "..."}}. Answers 200 with the story's new status, 401 without a known
 * key, 403 for a push key, 404 for an unknown id, 409 for a move that cannot be made.
 */
public final class EditorEndpoint {
    private static final Pattern PATH = Pattern.compile("/api/v1/stories/([0-9]{1,18})/(publish|hold|kill)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 16 * 1024;
    private static final int MAX_REASON = 500;

    private final EditorActions actions;
    private final PushKeys keys;
    private final Duration bodyDeadline;

    public EditorEndpoint(EditorActions actions, PushKeys keys, Duration bodyDeadline) {
        this.actions = actions;
        this.keys = keys;
        this.bodyDeadline = bodyDeadline;
    }

    public static boolean matches(String path) {
        return PATH.matcher(path).matches();
    }

    public void handle(Request request, Response response, Callback callback, String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            Json.send(response, callback, 404, error("no such editor action"));
            return;
        }
        // Who asks is known from the headers: a stranger is answered before a byte of body is read,
        // so a slow body from nobody in particular holds nothing.
        Optional<PushKeys.Holder> holder = keys.holder(Json.bearer(request));
        if (holder.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"taar\"");
            RequestBody.refuse(response, callback, 401, "an editor key is required: Authorization: Bearer KEY");
            return;
        }
        if (holder.get().role() != PushKeys.Role.EDITOR) {
            RequestBody.refuse(response, callback, 403, "this key may push stories, not act on them; an editor key is needed");
            return;
        }
        // The body is read to its end before the answer, so a client reusing the connection is not cut off.
        RequestBody.read(request, response, callback, MAX_BODY, bodyDeadline, body -> {
            String reason;
            try {
                reason = reason(body);
            } catch (IllegalArgumentException e) {
                Json.send(response, callback, 400, error(e.getMessage()));
                return;
            }
            EditorActions.Act act = EditorActions.Act.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            EditorActions.Result r = actions.apply(Long.parseLong(m.group(1)), act, holder.get().name(), reason);
            switch (r.kind()) {
                case NOT_FOUND -> Json.send(response, callback, 404, error(r.message()));
                case CONFLICT -> Json.send(response, callback, 409, status(r.story()).put("error", r.message()));
                case UNCHANGED -> Json.send(response, callback, 200, status(r.story()).put("changed", false));
                case DONE -> Json.send(response, callback, 200, status(r.story()).put("changed", true));
            }
        });
    }

    private static ObjectNode status(Story s) {
        return JSON.createObjectNode().put("id", s.id()).put("status", s.status().label()).put("url", s.path())
                .put("reason", s.reason());
    }

    /** The optional {@code {"reason": "..."}}; an empty body means no reason. */
    private static String reason(byte[] body) {
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) return null;
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("body must be JSON like {\"reason\": \"...\"}");
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("body must be a JSON object like {\"reason\": \"...\"}");
        JsonNode r = n.get("reason");
        if (r == null || r.isNull()) return null;
        if (!r.isTextual()) throw new IllegalArgumentException("reason must be a string");
        String text = r.asText().strip();
        if (text.length() > MAX_REASON) throw new IllegalArgumentException("reason over " + MAX_REASON + " characters");
        return text.isEmpty() ? null : text;
    }


    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }
}
