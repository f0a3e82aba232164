package org.taar.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.taar.site.Page;

/** The ways a handler answers outside JSON: a materialized page, a line of text, an error page. */
final class Responses {
    private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private static final HttpField BR = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "br");

    private Responses() {}

    /**
     * Writes a page in the encoding the client prefers among those kept (brotli, gzip, identity),
     * with its caching headers; a 304 when the client holds it already; headers only for HEAD.
     */
    static void page(Request request, Response response, Callback callback, Page page) {
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
        CacheHeaders.page(h, page, etag);
        if (CacheHeaders.notModified(page, request.getHeaders().getValuesList(HttpHeader.IF_NONE_MATCH), etag)) {
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

    static void text(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        CacheHeaders.noStore(response.getHeaders());
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    static void methodNotAllowed(Response response, Callback callback, String allow) {
        response.getHeaders().put(HttpHeader.ALLOW, allow);
        text(response, callback, 405, "method not allowed\n");
    }

    /** A short HTML page for an error status: no request data echoed, no internals. */
    static String errorHtml(int status) {
        String reason = HttpStatus.getMessage(status);
        String title = status + " " + (reason == null ? "Error" : reason);
        return "<!doctype html>\n<html lang=\"hi\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title><meta name=\"robots\" content=\"noindex\"></head>\n<body><h1>" + title
                + "</h1><p><a href=\"/\">मुखपृष्ठ (Home)</a></p></body></html>\n";
    }

    static Page errorPage(int status) {
        return Page.html(status, errorHtml(status));
    }
}
