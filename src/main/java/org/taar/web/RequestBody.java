package org.taar.web;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.web.Json;

/**
 * Reads a request's body without holding a thread while the client is slow: Jetty's demand loop
 * ({@link Request#read()} and {@link Request#demand(Runnable)}) calls back only when bytes arrived,
 * so a client sending a byte every few seconds costs a few hundred bytes of memory, not one of the
 * server's threads. The body is capped ({@code 413}) and must arrive within a deadline
 * ({@code 408}); both answers close the connection, so the unread rest does not matter. A client
 * that goes away mid-body is logged in one line, without a stack trace: it is the reader's doing,
 * not ours.
 */
public final class RequestBody {
    private static final Logger log = LoggerFactory.getLogger(RequestBody.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What to do with the whole body; runs on one of Jetty's threads, so it may block (a store write). */
    @FunctionalInterface
    public interface Use {
        void accept(byte[] body) throws Exception;
    }

    private RequestBody() {}

    /**
     * Reads the body, at most {@code max} bytes within {@code deadline}, then hands it to {@code use};
     * otherwise answers the request itself (408, 413, or nothing to a client that is gone).
     */
    public static void read(Request request, Response response, Callback callback, long max, Duration deadline,
                            Use use) {
        long declared = request.getLength();
        if (declared > max) {
            refuse(response, callback, 413, "body of " + declared + " bytes is over the limit of " + max);
            return;
        }
        new Reader(request, response, callback, max, deadline, use).start();
    }

    /** An answer sent before the body was read: the connection closes, so its unread rest is never parsed. */
    public static void refuse(Response response, Callback callback, int status, String message) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        Json.send(response, callback, status, NODES.objectNode().put("error", message));
    }

    private static final class Reader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long max;
        private final Duration deadline;
        private final Use use;
        /** Set once by whichever ends the request first: the body completing, failing, or the deadline. */
        private final AtomicBoolean ended = new AtomicBoolean();
        private byte[] bytes = new byte[1024];
        private int size;
        private Scheduler.Task timeout;

        Reader(Request request, Response response, Callback callback, long max, Duration deadline, Use use) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.max = max;
            this.deadline = deadline;
            this.use = use;
        }

        void start() {
            timeout = request.getComponents().getScheduler().schedule(this::expire, deadline.toMillis(),
                    TimeUnit.MILLISECONDS);
            run();
        }

        /** The demand loop: reads what has arrived, then asks Jetty to call again when more does. */
        @Override
        public void run() {
            while (!ended.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    aborted(chunk.getFailure());
                    return;
                }
                ByteBuffer b = chunk.getByteBuffer();
                int n = b.remaining();
                if ((long) size + n > max) {
                    chunk.release();
                    if (end()) refuse(response, callback, 413, "body is over the limit of " + max + " bytes");
                    return;
                }
                if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, (int) Math.min(max, Math.max(size + n, 2L * bytes.length)));
                b.get(bytes, size, n);
                size += n;
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (end()) deliver();
                    return;
                }
            }
        }

        private boolean end() {
            if (!ended.compareAndSet(false, true)) return false;
            timeout.cancel();
            return true;
        }

        private void deliver() {
            try {
                use.accept(size == bytes.length ? bytes : Arrays.copyOf(bytes, size));
            } catch (Exception | Error e) {
                RequestFailure f = RequestFailure.of(e, request, log);
                if (!response.isCommitted()) {
                    f.headers(response);
                    refuse(response, callback, f.status(), f.message());
                } else {
                    callback.failed(e);
                }
            }
        }

        /** On Jetty's scheduler thread: only an asynchronous write happens here. */
        private void expire() {
            if (!ended.compareAndSet(false, true)) return;
            log.info("request body too slow method={} path={} bytes={} deadline={}s: answered 408",
                    request.getMethod(), request.getHttpURI().getPath(), size, deadline.toSeconds());
            refuse(response, callback, 408, "the body did not arrive within " + deadline.toSeconds() + " s");
        }

        private void aborted(Throwable failure) {
            if (!end()) return;
            log.info("request body aborted method={} path={} bytes={}: {}", request.getMethod(),
                    request.getHttpURI().getPath(), size, failure.toString());
            // Mostly the client is gone and this answer goes nowhere; when it is not (an idle
            // timeout), it learns why.
            refuse(response, callback, 400, "the body was cut off");
        }
    }
}
