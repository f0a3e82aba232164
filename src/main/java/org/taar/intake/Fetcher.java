package org.taar.intake;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.taar.config.Config;
import org.taar.text.Secrets;

/**
 * One conditional GET of a feed, politely and within hard limits: a connect timeout, one
 * deadline for the whole poll (redirects, headers and body; a slow drip is cut there, not per
 * read), a body cap counted after decompression, redirects followed here (at most 5) so that
 * every hop is checked for its scheme and its addresses.
 * <p>
 * Two HTTP clients: one whose resolver refuses every address that is not public, and one for the
 * sources trusted with {@code allow_private}. Connections are pooled per client and host, so a
 * connection opened for a trusted source is never reused for an untrusted one.
 */
public final class Fetcher implements AutoCloseable {
    private static final String JOB = "feed poller";
    public static final String USER_AGENT = HttpClients.userAgent(JOB);
    public static final int MAX_REDIRECTS = 5;
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/json, application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8, */*;q=0.5";

    private final Duration connectTimeout;
    private final int connectionsPerHost;
    private final Clock clock;
    private final AddressPolicy.Rule strictRule;
    private final HttpClient strict;
    private final HttpClient trusting;

    public Fetcher(Duration connectTimeout, int connectionsPerHost, Clock clock) {
        this(connectTimeout, connectionsPerHost, clock, AddressPolicy.PUBLIC_ONLY);
    }

    /** @param strictRule the addresses untrusted sources may use; tests loosen it to reach their loopback server */
    public Fetcher(Duration connectTimeout, int connectionsPerHost, Clock clock, AddressPolicy.Rule strictRule) {
        this.connectTimeout = connectTimeout;
        this.connectionsPerHost = connectionsPerHost;
        this.clock = clock;
        this.strictRule = strictRule;
        this.strict = client(false);
        this.trusting = client(true);
    }

    /** A 200 with its body, or a 304 without one. */
    public record Fetched(int status, byte[] body, String etag, String lastModified, String contentType, URI url) {
        public boolean notModified() {
            return status == 304;
        }
    }

    /** A poll that failed; the message is meant for the health page, retryAfter is the server's wish. */
    public static final class FetchException extends Exception {
        private final Duration retryAfter;

        public FetchException(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        public FetchException(String message) {
            this(message, null);
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private HttpClient client(boolean allowPrivate) {
        HttpClient c = HttpClients.outbound(JOB, allowPrivate ? "poll-http-trusted" : "poll-http", connectTimeout);
        c.setSocketAddressResolver(new AddressPolicy(allowPrivate ? AddressPolicy.ANY : strictRule, c.getExecutor()));
        c.setMaxConnectionsPerDestination(connectionsPerHost);
        // Bodies arrive as sent; CappedBody decompresses them under the cap.
        c.getContentDecoderFactories().clear();
        return c;
    }

    public void start() throws Exception {
        strict.start();
        trusting.start();
        strict.getContentDecoderFactories().clear();
        trusting.getContentDecoderFactories().clear();
    }

    /**
     * Fetches the feed, sending If-None-Match / If-Modified-Since when validators are given.
     * Credentials and extra headers go only to the feed's own origin, never to a redirect elsewhere.
     */
    public Fetched fetch(Config.Feed feed, String etag, String lastModified) throws FetchException {
        long deadline = System.nanoTime() + feed.timeout().toNanos();
        URI url = feed.url();
        for (int hop = 0; ; hop++) {
            // The trust of allow_private is per host: the feed's own and those in allow_private_hosts.
            // Every other hop goes through the strict client, so a redirect cannot reach elsewhere inside.
            boolean trusted = feed.allowsPrivate(url.getHost());
            HttpClient client = trusted ? trusting : strict;
            try {
                checkUrl(url, trusted ? AddressPolicy.ANY : strictRule);
            } catch (FetchException e) {
                throw hop == 0 ? e : refusedHop(e, url, feed);
            }
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) throw new FetchException("no complete answer within " + seconds(feed.timeout()));
            boolean sameOrigin = sameOrigin(url, feed.url());
            Request request = client.newRequest(url).method(HttpMethod.GET).timeout(remaining, TimeUnit.MILLISECONDS)
                    .headers(h -> {
                        h.put(HttpHeader.ACCEPT, ACCEPT);
                        h.put(HttpHeader.ACCEPT_ENCODING, "gzip, deflate");
                        if (etag != null) h.put(HttpHeader.IF_NONE_MATCH, etag);
                        if (lastModified != null) h.put(HttpHeader.IF_MODIFIED_SINCE, lastModified);
                        if (sameOrigin) {
                            if (feed.username() != null) h.put(HttpHeader.AUTHORIZATION, basic(feed));
                            for (Map.Entry<String, String> e : feed.headers().entrySet()) h.put(e.getKey(), e.getValue());
                        }
                    });
            InputStreamResponseListener listener = new InputStreamResponseListener();
            request.send(listener);
            Response response;
            try {
                response = listener.get(remaining, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                request.abort(e);
                throw new FetchException("no complete answer within " + seconds(feed.timeout()));
            } catch (ExecutionException e) {
                FetchException f = failure(e.getCause(), url, feed);
                throw hop == 0 ? f : refusedHop(f, url, feed);
            } catch (InterruptedException e) {
                request.abort(e);
                Thread.currentThread().interrupt();
                throw new FetchException("interrupted (shutting down)");
            }
            int status = response.getStatus();
            var headers = response.getHeaders();
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                String location = headers.get(HttpHeader.LOCATION);
                discard(listener);
                if (location == null) throw new FetchException("HTTP " + status + " without a Location");
                if (hop >= MAX_REDIRECTS) throw new FetchException("more than " + MAX_REDIRECTS + " redirects");
                try {
                    url = url.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new FetchException("HTTP " + status + " to an invalid Location: " + location);
                }
                continue;
            }
            if (status == 304) {
                discard(listener);
                return new Fetched(304, null, headers.get(HttpHeader.ETAG), headers.get(HttpHeader.LAST_MODIFIED),
                        null, url);
            }
            if (status != 200) {
                Duration retryAfter = status == 429 || status == 503
                        ? retryAfter(headers.get(HttpHeader.RETRY_AFTER), clock.instant()) : null;
                discard(listener);
                throw new FetchException("HTTP " + status + (retryAfter != null
                        ? " (Retry-After " + retryAfter.toSeconds() + " s)" : ""), retryAfter);
            }
            String encoding = headers.get(HttpHeader.CONTENT_ENCODING);
            long declared = headers.getLongField(HttpHeader.CONTENT_LENGTH);
            if (declared > feed.maxBytes()) {
                discard(listener);
                throw new FetchException("the body is larger than " + feed.maxBytes() + " bytes (Content-Length "
                        + declared + ")");
            }
            byte[] body;
            try (InputStream in = listener.getInputStream()) {
                body = CappedBody.read(in, encoding, feed.maxBytes());
            } catch (IOException e) {
                request.abort(e);
                throw failure(e, url, feed);
            }
            return new Fetched(200, body, headers.get(HttpHeader.ETAG), headers.get(HttpHeader.LAST_MODIFIED),
                    headers.get(HttpHeader.CONTENT_TYPE), url);
        }
    }

    private static void checkUrl(URI url, AddressPolicy.Rule rule) throws FetchException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException("refused " + url.getScheme() + ": only http and https are fetched");
        }
        if (url.getHost() == null) throw new FetchException("refused " + Secrets.redact(url.toString()) + ": no host");
        // The resolver checks every address it hands to a connection; an IP literal is checked here
        // as well, so that the refusal never depends on how the client treats literals.
        String host = url.getHost();
        boolean literal = host.startsWith("[") || host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (literal) {
            try {
                AddressPolicy.resolve(host, rule);
            } catch (IOException e) {
                throw new FetchException(e.getMessage());
            }
        }
    }

    /** A redirect to a host that is not public: says which hosts the source is trusted with. */
    private static FetchException refusedHop(FetchException e, URI url, Config.Feed feed) {
        if (!(e.getMessage() != null && e.getMessage().startsWith("refused ")) || !feed.allowPrivate()) return e;
        String why = e.getMessage().replace(" (set allow_private: true to trust this source)", "");
        return new FetchException("refused redirect to " + url.getHost() + ": " + why.substring("refused ".length())
                + "; this source is trusted on private addresses only for " + String.join(", ", feed.privateHosts())
                + " (list the host in allow_private_hosts to trust it too)");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String basic(Config.Feed feed) {
        String pair = feed.username() + ":" + Objects.requireNonNullElse(feed.password(), "");
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    // Closing the stream of an unfinished response aborts it, so the connection is not reused.
    private static void discard(InputStreamResponseListener listener) {
        try {
            listener.getInputStream().close();
        } catch (IOException ignored) {
            // Nothing to keep from a response being thrown away.
        }
    }

    /** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        try {
            long s = Long.parseLong(v);
            return Duration.ofSeconds(Math.max(0, s));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static FetchException failure(Throwable e, URI url, Config.Feed feed) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CappedBody.TooLargeException || t instanceof AddressPolicy.RefusedAddressException) {
                return new FetchException(t.getMessage());
            }
            if (t instanceof TimeoutException) {
                return new FetchException("no complete answer within " + seconds(feed.timeout()));
            }
            if (t instanceof UnknownHostException) return new FetchException("cannot resolve " + url.getHost());
            if (t instanceof ConnectException) {
                return new FetchException("cannot connect to " + url.getHost() + ":" + port(url) + ": " + t.getMessage());
            }
            if (t instanceof SSLException) return new FetchException("TLS failed with " + url.getHost() + ": " + t.getMessage());
        }
        return new FetchException(e == null ? "failed" : e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        for (HttpClient c : new HttpClient[] {strict, trusting}) {
            try {
                c.stop();
            } catch (Exception ignored) {
                // Stopping aborts what is in flight; nothing else to do.
            }
        }
    }
}
