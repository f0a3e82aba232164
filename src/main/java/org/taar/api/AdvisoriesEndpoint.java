package org.taar.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.taar.store.AdvisoryStore;
import org.taar.store.PushKeys;

/**
 * {@code GET /api/v1/advisories}: the kill advisories of the caller's source still waiting,
 * pending (no story yet) or ambiguous (several stories matched; an editor decides). Guarded by
 * the source's push key until the desk has an editor role; a key sees only its own source.
 */
public final class AdvisoriesEndpoint {
    public static final String PATH = "/api/v1/advisories";
    static final int LIMIT = 200;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final AdvisoryStore advisories;
    private final PushKeys keys;

    public AdvisoriesEndpoint(AdvisoryStore advisories, PushKeys keys) {
        this.advisories = advisories;
        this.keys = keys;
    }

    public void handle(Request request, Response response, Callback callback) {
        String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String key = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).strip() : null;
        Optional<String> source = keys.sourceFor(key);
        if (source.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"taar\"");
            Json.send(response, callback, 401, NODES.objectNode()
                    .put("error", "a valid push key is required: Authorization: Bearer KEY"));
            return;
        }
        ObjectNode answer = NODES.objectNode();
        ArrayNode items = answer.putArray("advisories");
        for (AdvisoryStore.Advisory a : advisories.open(source.get(), LIMIT)) {
            ObjectNode o = items.addObject().put("id", a.id()).put("source", a.source()).put("status", a.status())
                    .put("text", a.text()).put("created_at", a.createdAt().toString());
            if (a.deliveryId() != null) o.put("delivery", a.deliveryId());
            ArrayNode c = o.putArray("candidates");
            a.candidates().forEach(c::add);
        }
        Json.send(response, callback, 200, answer);
    }
}
