package org.taar.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.site.PageCache;

/**
 * The one port, on plain Jetty handlers beneath any framework: threads, the connector and its
 * header deadline, the security headers on every answer, a 500 with no internals for a request
 * that fails, a short HTML page for what Jetty refuses itself, and a graceful stop. What each
 * path answers is {@link Routes}.
 */
public final class SiteServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SiteServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final Routes routes;
    private final PageCache cache;
    private final HeaderDeadline headerDeadline;
    /** Set at start from the home page as the templates wrote it (its inline script's hash). */
    private volatile SecurityHeaders securityHeaders = SecurityHeaders.forPages(List.of());

    public SiteServer(String host, int port, Routes routes, PageCache cache, Config.Http limits) {
        this.routes = routes;
        this.cache = cache;
        this.headerDeadline = new HeaderDeadline(limits.headerDeadline());
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
        server.setHandler(new GracefulHandler(new EveryRequest()));
        // Requests Jetty refuses before any handler (a malformed URI, headers too large) get a
        // short HTML page too, never the default page with a stack.
        server.setErrorHandler(new PlainErrorHandler());
        server.setStopTimeout(10_000);
        server.setStopAtShutdown(false);
    }

    public void start() throws Exception {
        securityHeaders = SecurityHeaders.forPages(cache.get("/").map(p -> List.of(
                new String(p.body(), StandardCharsets.UTF_8))).orElse(List.of()));
        server.start();
        headerDeadline.start(server.getScheduler());
        log.info("listening on http://{}:{}/", connector.getHost() == null ? "0.0.0.0" : connector.getHost(), port());
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** What every request goes through before its route: the header deadline ends, the security headers go on. */
    private final class EveryRequest extends Handler.Abstract {
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
                routes.handle(request, response, callback);
            } catch (Exception | Error e) {
                RequestFailure f = RequestFailure.of(e, request, log);
                if (!response.isCommitted()) {
                    response.reset();
                    securityHeaders.apply(response.getHeaders());
                    f.headers(response);
                    Responses.text(response, callback, f.status(), f.message() + "\n");
                } else {
                    callback.failed(e);
                }
            }
            return true;
        }
    }

    /** Jetty's error handler, answering every error it generates with {@link Responses#errorHtml}. */
    private final class PlainErrorHandler extends ErrorHandler {
        PlainErrorHandler() {
            setShowStacks(false);
            setShowMessageInTitle(false);
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                        Callback callback) {
            byte[] body = Responses.errorHtml(code).getBytes(StandardCharsets.UTF_8);
            securityHeaders.apply(response.getHeaders());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            CacheHeaders.noStore(response.getHeaders());
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    @Override
    public void close() throws Exception {
        routes.close();
        headerDeadline.stop();
        server.stop();
    }
}
