package org.taar.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.taar.store.EventLog;
import org.taar.store.EventLog.Change;
import org.taar.site.Publisher;

/**
 * {@code GET /events}: server-sent events of stories published, updated and killed, told by the
 * {@link Publisher} once their pages are in the page cache, so a reader who follows the link
 * finds the page.
 *
 * <p>No thread waits on a reader: each open response has a small queue, and one write is in
 * flight at a time with Jetty's asynchronous {@link Response#write(boolean, ByteBuffer, Callback)}.
 * A reader whose queue overflows or whose write fails (Jetty fails a write that stalls past the
 * connector's idle timeout) is dropped; its browser reconnects and replays from Last-Event-ID.
 * A comment every {@link #HEARTBEAT} keeps proxies, and Jetty's idle timeout (30 s), from closing a
 * quiet connection. Event ids are the event table's sequence numbers.
 */
public final class LiveEvents implements Publisher.Listener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Shorter than Jetty's default idle timeout (30 s) and than common proxy timeouts (60 s). */
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** What browsers wait before reconnecting. */
    static final int RETRY_MILLIS = 5_000;
    /** A reconnecting reader gets at most this many missed events (the newest). */
    static final int REPLAY_MAX = 100;
    /** Messages waiting for one reader (besides the batch just broadcast); beyond this the reader is too slow and is dropped. */
    static final int QUEUE_MAX = 256;
    private static final byte[] PING = ":\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventLog stories;
    private final int maxClients;
    private final int maxPerAddress;
    /** Open streams per reader address, so that one reader cannot take every slot. */
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    /** Sends in its own thread, so the publisher never waits on thousands of sockets. */
    private final ScheduledExecutorService sender;
    /** Orders registration against broadcast, so a new reader gets each event once, by replay or live. */
    private final Object lock = new Object();
    private long sentUpTo;
    private volatile boolean closed;

    /**
     * @param materializedUpTo the last event whose pages are already in the page cache: a reader
     *     reconnecting with an older Last-Event-ID gets what came after, up to here, from the store
     */
    public LiveEvents(EventLog stories, int maxClients, Duration heartbeat, long materializedUpTo) {
        this(stories, maxClients, Integer.MAX_VALUE, heartbeat, materializedUpTo);
    }

    /** @param maxPerAddress at most this many streams from one reader address; more are answered 429 */
    public LiveEvents(EventLog stories, int maxClients, int maxPerAddress, Duration heartbeat, long materializedUpTo) {
        this.stories = stories;
        this.maxClients = maxClients;
        this.maxPerAddress = maxPerAddress;
        this.sentUpTo = materializedUpTo;
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-events");
            t.setDaemon(true);
            return t;
        });
        long every = heartbeat.toMillis();
        sender.scheduleAtFixedRate(() -> clients.forEach(c -> c.enqueue(PING)), every, every, TimeUnit.MILLISECONDS);
    }

    /** How many readers are connected now. */
    public int clients() {
        return open.get();
    }

    /** From the publisher's thread, after the batch's articles are materialized. */
    @Override
    public void applied(List<Change> changes) {
        try {
            sender.execute(() -> broadcast(changes));
        } catch (RejectedExecutionException e) {
            // closed: nobody is listening any more
        }
    }

    /**
     * A batch goes to each reader as one write: under a burst a batch holds tens of events, and a
     * write per event per reader would be hundreds of thousands of writes a second for 1,000 readers.
     */
    private void broadcast(List<Change> changes) {
        synchronized (lock) {
            long[] seqs = new long[changes.size()];
            byte[][] messages = new byte[changes.size()][];
            int n = 0;
            for (Change c : changes) {
                byte[] message = message(c);
                if (message != null) {
                    seqs[n] = c.seq();
                    messages[n++] = message;
                }
                sentUpTo = Math.max(sentUpTo, c.seq());
            }
            if (n == 0) return;
            int count = n;
            clients.forEach(client -> client.offer(seqs, messages, count));
        }
    }

    /**
     * The SSE text of one change, or null for changes readers are not told of (held, embargoed,
     * or a story that changed again since and is no longer what the event said).
     */
    static byte[] message(Change c) {
        boolean live = c.status().equals("published");
        String event = switch (c.kind()) {
            case PUBLISHED -> live ? "published" : null;
            case UPDATED -> live ? "updated" : null;
            case KILLED -> "killed";
            default -> null;
        };
        if (event == null) return null;
        ObjectNode data = JSON.createObjectNode();
        data.put("id", c.storyId());
        data.put("url", c.path());
        data.put("section", c.section());
        if (!event.equals("killed")) data.put("headline", c.headline());
        // JSON text holds no raw newline, so the data is one line, as SSE needs.
        String text = "id: " + c.seq() + "\nevent: " + event + "\ndata: " + data + "\n\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Opens an event stream for this request from the reader at {@code address}; answers 503 when
     * the reader cap is reached and 429 when this address already has its share of streams.
     */
    public void handle(Request request, Response response, Callback callback, String address) {
        boolean full = open.incrementAndGet() > maxClients;
        if (closed || full) {
            open.decrementAndGet();
            refuse(response, callback, 503, "too many live readers, try again later\n");
            return;
        }
        boolean[] admitted = new boolean[1];
        // Counted and checked inside the map's own per-key lock, so two streams cannot both take the last slot.
        perAddress.compute(address, (a, n) -> {
            int count = n == null ? 0 : n;
            if (count >= maxPerAddress) return n;
            admitted[0] = true;
            return count + 1;
        });
        if (!admitted[0]) {
            open.decrementAndGet();
            refuse(response, callback, 429, "too many live streams from one address, try again later\n");
            return;
        }
        response.setStatus(200);
        var h = response.getHeaders();
        h.put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        h.put(HttpHeader.CACHE_CONTROL, "no-store");
        // nginx would otherwise buffer the stream
        h.put("X-Accel-Buffering", "no");
        if (request.getMethod().equals("HEAD")) {
            open.decrementAndGet();
            release(address);
            callback.succeeded();
            return;
        }
        long after = lastEventId(request.getHeaders().get("Last-Event-ID"));
        Client client = new Client(response, callback, after, address);
        request.addFailureListener(client::fail);
        long upTo;
        synchronized (lock) {
            upTo = sentUpTo;
            clients.add(client);
        }
        List<byte[]> first = new ArrayList<>();
        // The id line sets the browser's Last-Event-ID at once, so even a reader who saw no event
        // yet replays what it misses while reconnecting.
        first.add(("retry: " + RETRY_MILLIS + "\nid: " + Math.max(after, upTo) + "\n\n").getBytes(StandardCharsets.US_ASCII));
        if (after >= 0 && after < upTo) {
            try {
                for (Change c : stories.changesBetween(after, upTo, REPLAY_MAX)) {
                    byte[] m = message(c);
                    if (m != null) first.add(m);
                }
            } catch (RuntimeException e) {
                log.warn("live events: replay after {} failed: {}", after, e.toString());
            }
        }
        client.start(first);
        if (closed) client.end(true);
    }

    private static void refuse(Response response, Callback callback, int status, String text) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "30");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** One stream fewer from this address; the entry goes when its last stream does. */
    private void release(String address) {
        perAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    /** The Last-Event-ID a reconnecting browser sends; -1 when absent or not ours. */
    static long lastEventId(String header) {
        if (header == null) return -1;
        String v = header.strip();
        if (!v.matches("[0-9]{1,18}")) return -1;
        return Long.parseLong(v);
    }

    /** Ends every open stream, so that stopping the server does not wait for them. */
    @Override
    public void close() {
        closed = true;
        sender.shutdownNow();
        for (Client c : List.copyOf(clients)) c.end(true);
    }

    /** One reader's open response and what waits to be written to it. */
    private final class Client {
        private final Response response;
        private final Callback done;
        private final long after;
        private final String address;
        private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        private boolean starting = true;
        private boolean writing;
        private boolean ended;

        Client(Response response, Callback done, long after, String address) {
            this.response = response;
            this.done = done;
            this.after = after;
            this.address = address;
        }

        /** Live events, written together; those the reader already has (it came back with a newer Last-Event-ID) are skipped. */
        void offer(long[] seqs, byte[][] messages, int count) {
            boolean overflow;
            synchronized (this) {
                if (ended) return;
                int fresh = 0;
                for (int i = 0; i < count; i++) if (seqs[i] > after) fresh++;
                // A reader whose earlier messages are all written takes a whole batch, however large;
                // one still behind on earlier messages is too slow once the batch would pass the cap.
                overflow = !queue.isEmpty() && queue.size() + fresh > QUEUE_MAX;
                if (!overflow) {
                    for (int i = 0; i < count; i++) if (seqs[i] > after) queue.add(messages[i]);
                    if (writing || starting || queue.isEmpty()) return;
                    writing = true;
                }
            }
            if (overflow) {
                fail(new IOException("live reader too slow: " + QUEUE_MAX + " messages waiting"));
                return;
            }
            flush();
        }

        /** The opening lines and the replay go before anything broadcast meanwhile. */
        void start(List<byte[]> first) {
            synchronized (this) {
                for (int i = first.size() - 1; i >= 0; i--) queue.addFirst(first.get(i));
                starting = false;
                writing = true;
            }
            flush();
        }

        void enqueue(byte[] message) {
            boolean overflow;
            synchronized (this) {
                if (ended) return;
                overflow = queue.size() >= QUEUE_MAX;
                if (!overflow) {
                    queue.add(message);
                    if (writing || starting) return;
                    writing = true;
                }
            }
            if (overflow) {
                fail(new IOException("live reader too slow: " + QUEUE_MAX + " messages waiting"));
                return;
            }
            flush();
        }

        /**
         * Writes everything queued as one buffer; the write's callback comes back here for what
         * queued meanwhile, so one write at a time is in flight, as Jetty requires.
         */
        private void flush() {
            ByteBuffer buffer;
            synchronized (this) {
                if (ended || queue.isEmpty()) {
                    writing = false;
                    return;
                }
                int size = 0;
                for (byte[] m : queue) size += m.length;
                buffer = ByteBuffer.allocate(size);
                for (byte[] m : queue) buffer.put(m);
                buffer.flip();
                queue.clear();
            }
            response.write(false, buffer, Callback.from(this::flush, this::fail));
        }

        void fail(Throwable failure) {
            if (!remove()) return;
            log.debug("live reader dropped: {}", failure.toString());
            done.failed(failure);
        }

        /** Ends the stream: cleanly when no write is in flight, else by aborting it. */
        void end(boolean clean) {
            boolean idle;
            synchronized (this) {
                idle = !writing && !starting;
                writing = true;
            }
            if (!remove()) return;
            if (clean && idle) response.write(true, BufferUtil.EMPTY_BUFFER, done);
            else done.failed(new EOFException("live events closed"));
        }

        private boolean remove() {
            synchronized (this) {
                if (ended) return false;
                ended = true;
                queue.clear();
            }
            clients.remove(this);
            open.decrementAndGet();
            release(address);
            return true;
        }
    }
}
