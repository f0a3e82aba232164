package org.taar.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.taar.store.PushKeys;
import org.taar.store.SourceHealth;
import org.taar.store.SourceStore;
import org.taar.web.Json;
import org.taar.web.RequestBody;

/**
 * GET /api/v1/sources: every polled source with its health, from the store, so every node shows
 * the same. Behind a key, since a source's address and errors say where an agency's private feed
 * lives: an editor's key sees every source, a source's push key only its own. Credentials and
 * request headers are never stored; user info and query values of a URL, and anything quoted from
 * a remote answer in an error, are left out here as well, whatever older versions stored.
 *
 * <p>Counting each source's items of the last day reads every recent version, so the answer is
 * kept for {@link #FRESH}: a monitor polling every second costs one query per few seconds.
 */
public final class SourcesEndpoint {
    static final Duration FRESH = Duration.ofSeconds(5);
    static final int MAX_ERROR = 160;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@");
    private static final Pattern QUERY_VALUE = Pattern.compile("=[^&#]*");
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"<>]+");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"|«[^»]*»|“[^”]*”|‘[^’]*’|<[^>]*>|\\([^)]*\\)|\\[[^\\]]*\\]");

    private final SourceStore sources;
    private final PushKeys keys;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private int queries;

    public SourcesEndpoint(SourceStore sources, PushKeys keys, Clock clock) {
        this.sources = sources;
        this.keys = keys;
        this.clock = clock;
    }

    private record Snapshot(Instant at, List<SourceHealth> sources) {}

    public void handle(Request request, Response response, Callback callback) {
        Optional<PushKeys.Holder> holder = keys.holder(Json.bearer(request));
        if (holder.isEmpty()) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"taar\"");
            RequestBody.refuse(response, callback, 401, "a valid key is required: Authorization: Bearer KEY");
            return;
        }
        String only = holder.get().role() == PushKeys.Role.EDITOR ? null : holder.get().name();
        ArrayNode list = JSON.createArrayNode();
        for (SourceHealth s : current()) if (only == null || s.name().equals(only)) list.add(json(s));
        Json.send(response, callback, 200, list);
    }

    /** The sources as read at most {@link #FRESH} ago. */
    private List<SourceHealth> current() {
        Instant now = clock.instant();
        Snapshot s = snapshot;
        if (s != null && !now.isAfter(s.at().plus(FRESH)) && !now.isBefore(s.at())) return s.sources();
        synchronized (this) {
            s = snapshot;
            if (s != null && !now.isAfter(s.at().plus(FRESH)) && !now.isBefore(s.at())) return s.sources();
            queries++;
            s = new Snapshot(now, sources.list(now));
            snapshot = s;
            return s.sources();
        }
    }

    /** How many times the store was asked (for tests of the cache). */
    synchronized int queries() {
        return queries;
    }

    static ObjectNode json(SourceHealth s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("name", s.name());
        o.put("url", redact(s.url()));
        o.put("format", s.format());
        o.put("interval_seconds", s.interval().toMillis() / 1000.0);
        o.put("enabled", s.enabled());
        o.put("state", s.state());
        o.put("last_success_at", iso(s.lastSuccessAt()));
        o.put("last_error_at", iso(s.lastErrorAt()));
        o.put("last_error", cleanError(s.lastError()));
        o.put("consecutive_failures", s.consecutiveFailures());
        o.put("items_24h", s.itemsLast24h());
        o.put("next_poll_at", iso(s.nextPollAt()));
        return o;
    }

    /** A URL without user info, query values or fragment: {@code https://h/feed?token=…}. */
    static String redact(String url) {
        if (url == null) return null;
        String u = USER_INFO.matcher(url).replaceFirst("$1");
        int hash = u.indexOf('#');
        if (hash >= 0) u = u.substring(0, hash);
        int q = u.indexOf('?');
        if (q < 0) return u;
        return u.substring(0, q + 1) + QUERY_VALUE.matcher(u.substring(q + 1)).replaceAll("=…");
    }

    /**
     * An error as the API shows it: one line, URLs redacted, anything quoted, bracketed or tag-like
     * (which is where a parser repeats what the remote side sent) replaced by "…", at most {@link #MAX_ERROR} characters.
     */
    static String cleanError(String error) {
        if (error == null) return null;
        String e = error.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
        e = URL.matcher(e).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(redact(m.group())));
        e = QUOTED.matcher(e).replaceAll("…");
        e = e.strip();
        return e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR - 1) + "…" : e;
    }

    private static String iso(Instant i) {
        return i == null || i.toEpochMilli() == 0 ? null : i.toString();
    }
}
