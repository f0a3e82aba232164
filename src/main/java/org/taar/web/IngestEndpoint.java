package org.taar.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.taar.intake.Deliveries;
import org.taar.intake.DeliveryResult;
import org.taar.story.Outcome;
import org.taar.store.PushKeys;
import org.taar.web.Json;
import org.taar.web.RequestBody;

/**
 * POST /api/v1/ingest: push delivery. Answers 202 only after the body is in the archive and the
 * pipeline has run, so an agency that gets 202 can forget the item. A multipart body carries the
 * story with its pictures, video or audio (see MultipartPush); they are archived before the answer too.
 */
public final class IngestEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deliveries pipeline;
    private final PushKeys keys;
    private final long maxBytes;
    private final Duration bodyDeadline;

    public IngestEndpoint(Deliveries pipeline, PushKeys keys, long maxBytes, Duration bodyDeadline) {
        this.pipeline = pipeline;
        this.keys = keys;
        // A body is held in one array while it is read.
        this.maxBytes = Math.min(maxBytes, Integer.MAX_VALUE - 8);
        this.bodyDeadline = bodyDeadline;
    }

    public void handle(Request request, Response response, Callback callback) {
        // The key is checked from the headers before a byte of body is read.
        Optional<String> source = keys.sourceFor(Json.bearer(request));
        if (source.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"taar\"");
            RequestBody.refuse(response, callback, 401, "a valid push key is required: Authorization: Bearer KEY");
            return;
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        RequestBody.read(request, response, callback, maxBytes, bodyDeadline, body -> deliver(source.get(), body,
                contentType, response, callback));
    }

    private void deliver(String source, byte[] body, String contentType, Response response, Callback callback) {
        if (body.length == 0) {
            Json.send(response, callback, 400, error("empty body"));
            return;
        }
        MultipartPush.Parsed push;
        if (MultipartPush.isMultipart(contentType)) {
            try {
                push = MultipartPush.parse(body, contentType);
            } catch (MultipartPush.Refused r) {
                Json.send(response, callback, r.status, error(r.getMessage()));
                return;
            }
        } else {
            push = new MultipartPush.Parsed("push", body, List.of());
        }
        DeliveryResult result = pipeline.deliver(source, "push", push.name(), push.story(), null, push.attachments());
        if (result.rejected()) {
            String reason = result.error();
            // The parser's message says whether the bytes were in no known format at all.
            int status = reason.startsWith("unknown format") ? 415 : 400;
            ObjectNode err = error(reason);
            if (result.delivery() != null) err.put("sha256", result.delivery().sha256());
            Json.send(response, callback, status, err);
            return;
        }
        ObjectNode answer = JSON.createObjectNode();
        Outcome first = result.outcomes().get(0);
        answer.put("uri", first.uri());
        answer.put("status", first.status().label());
        answer.put("url", first.url());
        answer.put("sha256", result.delivery().sha256());
        if (!push.attachments().isEmpty()) {
            ArrayNode names = answer.putArray("attachments");
            push.attachments().forEach(a -> names.add(a.name()));
        }
        if (result.outcomes().size() > 1) {
            ArrayNode items = answer.putArray("items");
            for (Outcome o : result.outcomes()) {
                items.addObject().put("uri", o.uri()).put("status", o.status().label()).put("url", o.url());
            }
        }
        Json.send(response, callback, 202, answer);
    }



    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }
}
