package org.taar.intake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/** A feed server on 127.0.0.1 for the poller's tests: each path is one behaviour, and hits are counted. */
final class FeedServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    int hits(String path) {
        return hits.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    /** Serves {@code path}; a handler that throws (a client that hung up) is ignored. */
    FeedServer route(String path, HttpHandler handler) {
        server.createContext(path, ex -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            try {
                handler.handle(ex);
            } catch (IOException | RuntimeException hungUp) {
                // The poller cut the connection: that is what several tests want.
            } finally {
                ex.close();
            }
        });
        return this;
    }

    static void send(HttpExchange ex, int status, String type, byte[] body, String... headers) throws IOException {
        if (type != null) ex.getResponseHeaders().set("Content-Type", type);
        for (int i = 0; i < headers.length; i += 2) ex.getResponseHeaders().set(headers[i], headers[i + 1]);
        boolean empty = body == null || body.length == 0 || status == 304;
        ex.sendResponseHeaders(status, empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** 1 byte every {@code every} milliseconds, for as long as the client listens. */
    static HttpHandler drip(long every) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 10_000; i++) {
                out.write('x');
                out.flush();
                sleep(every);
            }
        };
    }

    /** A body that never ends. */
    static HttpHandler endless() {
        return ex -> {
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            while (true) out.write(chunk);
        };
    }

    static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(b)) {
                g.write(data);
            }
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Time passing, on purpose: a slow or dripping feed is what the poller is tested against. */
    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
