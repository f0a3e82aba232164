package org.taar.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.taar.store.SourceHealth;
import org.taar.store.SourceStore;

/**
 * GET /api/v1/sources: every polled source with its health, from the store, so every node shows
 * the same. Credentials and request headers are never stored, so they cannot show here.
 */
public final class SourcesEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceStore sources;
    private final Clock clock;

    public SourcesEndpoint(SourceStore sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    public void handle(Response response, Callback callback) {
        ArrayNode list = JSON.createArrayNode();
        for (SourceHealth s : sources.list(clock.instant())) list.add(json(s));
        Json.send(response, callback, 200, list);
    }

    static ObjectNode json(SourceHealth s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", s.name());
        o.put("url", s.url());
        o.put("format", s.format());
        o.put("interval_seconds", s.interval().toMillis() / 1000.0);
        o.put("enabled", s.enabled());
        o.put("state", s.state());
        o.put("last_success_at", iso(s.lastSuccessAt()));
        o.put("last_error_at", iso(s.lastErrorAt()));
        o.put("last_error", s.lastError());
        o.put("consecutive_failures", s.consecutiveFailures());
        o.put("items_24h", s.itemsLast24h());
        o.put("next_poll_at", iso(s.nextPollAt()));
        return o;
    }

    private static String iso(Instant i) {
        return i == null || i.toEpochMilli() == 0 ? null : i.toString();
    }
}
