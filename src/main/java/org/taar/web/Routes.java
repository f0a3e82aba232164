package org.taar.web;

import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.taar.store.Store;
import org.taar.web.desk.DeskEndpoint;

/**
 * The whole route table of the one port, in the order routes are tried: the first whose path
 * matches answers, or answers 405 with the methods it takes. Handlers are thin; each endpoint
 * reads its request and writes its answer itself.
 */
public final class Routes implements AutoCloseable {
    /** Longer request paths answer 414; no page of the site comes near. */
    static final int MAX_PATH = 1_000;
    private static final List<String> READ = List.of("GET", "HEAD");
    private static final List<String> WRITE = List.of("POST");

    private final List<Route> table;
    private final LiveEvents live;

    public Routes(SitePages pages, Store store, ClientAddress clientAddress, IngestEndpoint ingest,
                  AdvisoriesEndpoint advisories, EditorEndpoint editor, LiveEvents live, SearchEndpoint search,
                  VersionsEndpoint versions, StoriesEndpoint stories, SourcesEndpoint sources,
                  DeskEndpoint desk, MediaEndpoint media, MetricsEndpoint metrics) {
        this.live = live;
        this.table = List.of(
                post(is("/api/v1/ingest"), (rq, rs, cb, path) -> ingest.handle(rq, rs, cb)),
                any(AdvisoriesEndpoint::matches, advisories::handle),  // GET lists, POST acts; it checks the method
                post(EditorEndpoint::matches, editor::handle),
                any(DeskEndpoint::matches, desk::handle),  // its own table: GET pages, POST forms
                get(is("/healthz"), (rq, rs, cb, path) -> health(store, rs, cb)),
                get(is("/metrics"), (rq, rs, cb, path) -> metrics.handle(rq, rs, cb)),
                get(is("/events"), (rq, rs, cb, path) -> live.handle(rq, rs, cb, clientAddress.of(rq))),
                get(is("/search"), (rq, rs, cb, path) ->
                        Responses.page(rq, rs, cb, search.page(rq.getHttpURI().getQuery()))),
                get(VersionsEndpoint::matches, versions::handle),  // before stories: its paths are theirs too
                get(StoriesEndpoint::matches, stories::handle),
                get(is("/api/v1/sources"), (rq, rs, cb, path) -> sources.handle(rq, rs, cb)),
                get(MediaEndpoint::matches, media::handle),
                get(path -> true, pages::handle));
    }

    /** Answers the request from the first route its path matches. */
    void handle(Request request, Response response, Callback callback) throws Exception {
        String raw = request.getHttpURI().getPath();
        if (raw != null && raw.length() > MAX_PATH) {
            Responses.page(request, response, callback, Responses.errorPage(414));
            return;
        }
        String path = Request.getPathInContext(request);
        Route route = find(path);
        if (route.takes(request.getMethod())) route.handler().handle(request, response, callback, path);
        else Responses.methodNotAllowed(response, callback, route.allow());
    }

    /** The route that answers {@code path} (the site's pages when no other does). */
    Route find(String path) {
        for (Route r : table) {
            if (r.path().test(path)) return r;
        }
        throw new IllegalStateException("the table ends with a route for every path");
    }

    private static void health(Store store, Response response, Callback callback) {
        boolean ok = store.healthy();
        Responses.text(response, callback, ok ? 200 : 503, ok ? "ok\n" : "store unavailable\n");
    }

    /** Ends the open event streams, which never finish by themselves (a graceful stop would wait for them). */
    @Override
    public void close() {
        live.close();
    }

    /** What answers a request on a path. */
    @FunctionalInterface
    interface Handler {
        void handle(Request request, Response response, Callback callback, String path) throws Exception;
    }

    /** @param methods the methods taken; null for every method (the handler checks) */
    record Route(List<String> methods, Predicate<String> path, Handler handler) {
        boolean takes(String method) {
            return methods == null || methods.contains(method);
        }

        /** The Allow header of a 405 from this route. */
        String allow() {
            return String.join(", ", methods);
        }
    }

    private static Predicate<String> is(String path) {
        return path::equals;
    }

    private static Route get(Predicate<String> path, Handler handler) {
        return new Route(READ, path, handler);
    }

    private static Route post(Predicate<String> path, Handler handler) {
        return new Route(WRITE, path, handler);
    }

    private static Route any(Predicate<String> path, Handler handler) {
        return new Route(null, path, handler);
    }
}
