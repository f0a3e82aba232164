package org.taar.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * GET /metrics: the newsroom's numbers in Prometheus text format, for a scraper. It reads nothing
 * of the request (a query string changes nothing) and names no secret: label values are sources,
 * nodes and the code's own words.
 */
public final class MetricsEndpoint {
    static final String TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;

    /** @param scrape the text exposition, made anew on every request */
    public MetricsEndpoint(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    void handle(Request request, Response response, Callback callback) {
        byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, TYPE);
        CacheHeaders.noStore(response.getHeaders());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (request.getMethod().equals("HEAD")) callback.succeeded();
        else response.write(true, ByteBuffer.wrap(body), callback);
    }
}
