package org.taar.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.web.EditorEndpoint;
import org.taar.web.IngestEndpoint;
import org.taar.web.SourcesEndpoint;
import org.taar.web.StoriesEndpoint;
import org.taar.store.Store;
import org.taar.web.AdvisoriesEndpoint;
import org.taar.web.VersionsEndpoint;
import org.taar.config.Config;
import org.taar.web.SearchEndpoint;
import org.taar.web.AcceptEncoding;
import org.taar.web.ClientAddress;
import org.taar.web.HeaderDeadline;
import org.taar.web.LiveEvents;
import org.taar.site.OnDemand;
import org.taar.site.Page;
import org.taar.site.PageCache;
import org.taar.site.ListingPages;
import org.taar.web.SecurityHeaders;

/**
 * The one port: the whole route table is in {@link #route}. Pages come straight from the page
 * cache on plain Jetty handlers, beneath any framework, so a reader's request is a lookup and
 * a buffer write.
 */
public final class SiteServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SiteServer.class);
    private static final HttpField VARY = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private static final HttpField BR = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "br");
    private static final HttpField PAGE_CACHE_CONTROL = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
            "public, max-age=30, stale-while-revalidate=300");
    private static final HttpField GONE_CACHE_CONTROL = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL,
            "public, max-age=30");

    private static final String SURROGATE_KEY = "Surrogate-Key";
    /** Longer request paths answer 414; no page of the site comes near. */
    static final int MAX_PATH = 1_000;
    private static final String BAD_REQUEST = "\0bad-request";

    private final Server server;
    private final ServerConnector connector;
    private final PageCache cache;
    private final IngestEndpoint ingest;
    private final SourcesEndpoint sources;
    private volatile AdvisoriesEndpoint advisories;
    private final Store store;
    private volatile SearchEndpoint search;
    private volatile StoriesEndpoint storiesApi;
    private volatile VersionsEndpoint versionsApi;
    private volatile LiveEvents live;
    private volatile OnDemand onDemand;
    private volatile EditorEndpoint editor;
    private final HeaderDeadline headerDeadline;
    private final ClientAddress clientAddress;
    /** Set at start from the home page as the templates wrote it (its inline script's hash). */
    private volatile SecurityHeaders securityHeaders = SecurityHeaders.forPages(java.util.List.of());

    public SiteServer(String host, int port, PageCache cache, IngestEndpoint ingest, SourcesEndpoint sources,
                      Store store, Config.Http limits) {
        this.cache = cache;
        this.ingest = ingest;
        this.sources = sources;
        this.store = store;
        this.headerDeadline = new HeaderDeadline(limits.headerDeadline());
        this.clientAddress = new ClientAddress(limits.trustedProxies());
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendDateHeader(true);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.addEventListener(headerDeadline);
        server.addConnector(connector);
        // GracefulHandler lets in-flight requests (a push being archived) finish on stop.
        server.setHandler(new GracefulHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback original) {
                var connection = request.getConnectionMetaData().getConnection();
                headerDeadline.requestBegins(connection);
                Callback callback = new Callback.Nested(original) {
                    @Override
                    public void succeeded() {
                        headerDeadline.requestEnds(connection);
                        super.succeeded();
                    }

                    @Override
                    public void failed(Throwable x) {
                        headerDeadline.requestEnds(connection);
                        super.failed(x);
                    }
                };
                securityHeaders.apply(response.getHeaders());
                try {
                    route(request, response, callback);
                } catch (Exception | Error e) {
                    // One failing request answers 500 with no internals; the server carries on.
                    log.error("request failed method={} path={}: {}", request.getMethod(), request.getHttpURI().getPath(),
                            e.toString(), e);
                    if (!response.isCommitted()) {
                        response.reset();
                        securityHeaders.apply(response.getHeaders());
                        text(response, callback, 500, "internal error\n");
                    } else {
                        callback.failed(e);
                    }
                }
                return true;
            }
        }));
        // Requests Jetty refuses before any handler (a malformed URI, headers too large) get a
        // short HTML page too, never the default page with a stack.
        server.setErrorHandler(new PlainErrorHandler(this));
        server.setStopTimeout(10_000);
        server.setStopAtShutdown(false);
    }

    /** Serves /search from this endpoint (rendered per request, from the search index only). */
    public void search(SearchEndpoint search) {
        this.search = search;
    }

    /** Serves /api/v1/stories from this endpoint (read per request from the store). */
    public void stories(StoriesEndpoint stories) {
        this.storiesApi = stories;
    }

    /** Serves /api/v1/advisories from this endpoint. */
    public void advisories(AdvisoriesEndpoint advisories) {
        this.advisories = advisories;
    }

    /** Serves /api/v1/stories/{id}/versions from this endpoint (a story's history, behind a key). */
    public void versions(VersionsEndpoint versions) {
        this.versionsApi = versions;
    }

    /** Serves the editors' POST /api/v1/stories/{id}/publish|hold|kill from this endpoint. */
    public void editor(EditorEndpoint editor) {
        this.editor = editor;
    }

    /** Serves /events from this feed. */
    public void live(LiveEvents live) {
        this.live = live;
    }

    /** Renders what the page cache misses (evicted articles, deep listing pages, tag aliases) with this. */
    public void onDemand(OnDemand onDemand) {
        this.onDemand = onDemand;
    }

    public void start() throws Exception {
        securityHeaders = SecurityHeaders.forPages(cache.get("/").map(p -> java.util.List.of(
                new String(p.body(), StandardCharsets.UTF_8))).orElse(java.util.List.of()));
        server.start();
        headerDeadline.start(server.getScheduler());
        log.info("listening on http://{}:{}/", connector.getHost() == null ? "0.0.0.0" : connector.getHost(), port());
    }

    public int port() {
        return connector.getLocalPort();
    }

    private void route(Request request, Response response, Callback callback) throws Exception {
        String raw = request.getHttpURI().getPath();
        if (raw != null && raw.length() > MAX_PATH) {
            serve(request, response, callback, errorPage(414));
            return;
        }
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.equals("/api/v1/ingest")) {
            if (method.equals("POST")) ingest.handle(request, response, callback);
            else methodNotAllowed(response, callback, "POST");
            return;
        }
        if (advisories != null && AdvisoriesEndpoint.matches(path)) {
            advisories.handle(request, response, callback, path);
            return;
        }
        if (editor != null && EditorEndpoint.matches(path)) {
            if (method.equals("POST")) editor.handle(request, response, callback, path);
            else methodNotAllowed(response, callback, "POST");
            return;
        }
        if (!read) {
            methodNotAllowed(response, callback, "GET, HEAD");
            return;
        }
        if (path.equals("/healthz")) {
            boolean ok = store.healthy();
            text(response, callback, ok ? 200 : 503, ok ? "ok\n" : "store unavailable\n");
            return;
        }
        if (path.equals("/events") && live != null) {
            live.handle(request, response, callback, clientAddress.of(request));
            return;
        }
        if (path.equals("/search") && search != null) {
            serve(request, response, callback, search.page(request.getHttpURI().getQuery()));
            return;
        }
        if (versionsApi != null && VersionsEndpoint.matches(path)) {
            versionsApi.handle(request, response, callback, path);
            return;
        }
        if (storiesApi != null && StoriesEndpoint.matches(path)) {
            storiesApi.handle(request, response, callback, path);
            return;
        }
        if (path.equals("/api/v1/sources")) {
            sources.handle(request, response, callback);
            return;
        }
        String key = cacheKey(request, path);
        if (key.equals(BAD_REQUEST)) {
            serve(request, response, callback, errorPage(400));
            return;
        }
        Optional<Page> page = cache.get(key);
        if (page.isPresent()) {
            serve(request, response, callback, page.get());
            return;
        }
        Optional<OnDemand.Answer> answer = onDemand == null ? Optional.empty() : onDemand.find(key);
        if (answer.isPresent() && answer.get().location() != null) {
            response.setStatus(301);
            response.getHeaders().put(HttpHeader.LOCATION, answer.get().location());
            response.getHeaders().put(GONE_CACHE_CONTROL);
            callback.succeeded();
            return;
        }
        if (answer.isPresent()) {
            serve(request, response, callback, answer.get().page());
            return;
        }
        // "/sports" means the section page "/sports/".
        if (!path.endsWith("/") && cache.get(path + "/").isPresent()) {
            response.setStatus(301);
            response.getHeaders().put(HttpHeader.LOCATION, path + "/");
            callback.succeeded();
            return;
        }
        serve(request, response, callback, cache.get("/404").orElseGet(() -> Page.html(404, "Not found")));
    }

    /**
     * The page cache key of a request. Only listings (paths ending in "/") take {@code ?page=N},
     * N a whole number from 1; any other value of page is the 404 page, not page 1. Every other
     * query string, and any on an article, is ignored.
     */
    static String cacheKey(Request request, String path) {
        if (request.getHttpURI().getQuery() == null || !path.endsWith("/")) return path;
        Fields query;
        try {
            query = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return BAD_REQUEST;  // broken percent-encoding or bad UTF-8 in the query
        }
        String page = query.getValue("page");
        if (page == null) return path;
        if (!page.matches("[0-9]{1,9}")) return "/404";
        int n = Integer.parseInt(page);
        return n < 1 ? "/404" : ListingPages.listingKey(path, n);
    }

    private static void serve(Request request, Response response, Callback callback, Page page) {
        response.setStatus(page.status());
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, page.contentType());
        AcceptEncoding encoding = AcceptEncoding.choose(request.getHeaders().get(HttpHeader.ACCEPT_ENCODING),
                page.brotli() != null);
        String etag = switch (encoding) {
            case BR -> page.brotliEtag();
            case GZIP -> page.gzipEtag();
            case IDENTITY -> page.etag();
        };
        h.put(HttpHeader.ETAG, etag);
        if (page.cacheControl() != null) h.put(HttpHeader.CACHE_CONTROL, page.cacheControl());
        else h.put(page.status() == 200 ? PAGE_CACHE_CONTROL : GONE_CACHE_CONTROL);
        h.put(VARY);
        if (!page.surrogateKeys().isEmpty()) h.put(SURROGATE_KEY, page.surrogateKeys());
        if (page.status() == 200 && matches(request.getHeaders().getValuesList(HttpHeader.IF_NONE_MATCH), etag)) {
            response.setStatus(304);
            callback.succeeded();
            return;
        }
        byte[] body = switch (encoding) {
            case BR -> {
                h.put(BR);
                yield page.brotli();
            }
            case GZIP -> {
                h.put(GZIP);
                yield page.gzipped();
            }
            case IDENTITY -> page.body();
        };
        h.put(HttpHeader.CONTENT_LENGTH, body.length);
        if (request.getMethod().equals("HEAD")) {
            callback.succeeded();
            return;
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    /**
     * Whether If-None-Match (one or more header lines, each a list) names this ETag or is "*".
     * Weak comparison (RFC 9110 13.1.2): a W/ prefix, which some proxies add, is ignored.
     */
    static boolean matches(java.util.List<String> ifNoneMatch, String etag) {
        for (String line : ifNoneMatch) {
            for (String tag : line.split(",")) {
                String t = tag.trim();
                if (t.startsWith("W/")) t = t.substring(2);
                if (t.equals("*") || t.equals(etag)) return true;
            }
        }
        return false;
    }

    /** A short HTML page for an error status: no request data echoed, no internals. */
    static String errorHtml(int status) {
        String reason = org.eclipse.jetty.http.HttpStatus.getMessage(status);
        String title = status + " " + (reason == null ? "Error" : reason);
        return "<!doctype html>\n<html lang=\"hi\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title><meta name=\"robots\" content=\"noindex\"></head>\n<body><h1>" + title
                + "</h1><p><a href=\"/\">मुखपृष्ठ (Home)</a></p></body></html>\n";
    }

    private static Page errorPage(int status) {
        return Page.html(status, errorHtml(status));
    }

    /** Jetty's error handler, answering every error it generates with {@link #errorHtml}. */
    static final class PlainErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
        private final SiteServer site;

        PlainErrorHandler(SiteServer site) {
            this.site = site;
            setShowStacks(false);
            setShowMessageInTitle(false);
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            byte[] body = errorHtml(code).getBytes(StandardCharsets.UTF_8);
            site.securityHeaders.apply(response.getHeaders());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    private static void text(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static void methodNotAllowed(Response response, Callback callback, String allow) {
        response.getHeaders().put(HttpHeader.ALLOW, allow);
        text(response, callback, 405, "method not allowed\n");
    }

    @Override
    public void close() throws Exception {
        // Open event streams never finish by themselves; the graceful stop would wait for them.
        if (live != null) live.close();
        headerDeadline.stop();
        server.stop();
    }
}
