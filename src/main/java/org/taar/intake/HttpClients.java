package org.taar.intake;

import java.time.Duration;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Where every outbound HTTP client of Taar is built, all on Jetty's client (the feed fetcher needs
 * its pluggable resolver and its control over decompression): a user agent naming Taar and the
 * client's job, a connect timeout, no redirects followed by the client (a caller that follows them
 * checks every hop itself), no cookies (they would be shared between sources on one host), and
 * daemon threads named for the job, so a stuck call never holds the process open.
 */
public final class HttpClients {
    private HttpClients() {}

    /** The User-Agent of a client doing {@code job}, e.g. "feed poller". */
    public static String userAgent(String job) {
        return "Taar/0.1 (wire-to-web news publisher; " + job + ")";
    }

    /** A client for {@code job}, not yet started; its threads are named {@code threads}. */
    public static HttpClient outbound(String job, String threads, Duration connectTimeout) {
        QueuedThreadPool pool = new QueuedThreadPool(16, 1);
        pool.setName(threads);
        pool.setDaemon(true);
        HttpClient c = new HttpClient();
        c.setExecutor(pool);
        c.setFollowRedirects(false);
        c.setConnectTimeout(connectTimeout.toMillis());
        c.setIdleTimeout(Math.max(connectTimeout.toMillis(), 30_000));
        c.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, userAgent(job)));
        c.setHttpCookieStore(new HttpCookieStore.Empty());
        return c;
    }
}
