package org.taar.web;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.slf4j.Logger;
import org.taar.store.StoreUnavailableException;

/**
 * What a request that threw answers. The store away is no fault of the request, and nothing of it
 * was acknowledged: 503 with Retry-After, so a sender tries again and a push is never lost (pages in
 * memory still answer meanwhile); logged in a line. Anything else is 500 with no internals, logged
 * with its stack trace; the server carries on either way.
 */
record RequestFailure(int status, String message) {
    /** Logs the failure and says what to answer (when the response is not yet committed). */
    static RequestFailure of(Throwable e, Request request, Logger log) {
        if (StoreUnavailableException.isCause(e)) {
            log.warn("request refused, the store is unavailable method={} path={}: {}", request.getMethod(),
                    request.getHttpURI().getPath(), e.toString());
            return new RequestFailure(503, "the store is unavailable; try again shortly");
        }
        log.error("request failed method={} path={}: {}", request.getMethod(), request.getHttpURI().getPath(),
                e.toString(), e);
        return new RequestFailure(500, "internal error");
    }

    /** The headers that go with the status: when to come back, for a 503. */
    void headers(Response response) {
        if (status == 503) response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
    }
}
