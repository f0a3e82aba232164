package org.taar.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

class HttpClientsTest {
    @Test
    void aClientSaysWhoItIsFollowsNoRedirectAndKeepsNoCookie() throws Exception {
        AtomicReference<String> agent = new AtomicReference<>();
        AtomicReference<String> cookie = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            agent.set(ex.getRequestHeaders().getFirst("User-Agent"));
            cookie.set(ex.getRequestHeaders().getFirst("Cookie"));
            ex.getResponseHeaders().add("Set-Cookie", "session=abc");
            ex.getResponseHeaders().add("Location", "/elsewhere");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        HttpClient client = HttpClients.outbound("cdn purge", "test-http", Duration.ofSeconds(3));
        try {
            client.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/first";
            ContentResponse first = client.newRequest(url).timeout(5, TimeUnit.SECONDS).send();
            assertThat(first.getStatus()).as("the redirect is the caller's to follow").isEqualTo(302);
            assertThat(agent.get()).isEqualTo("Taar/0.1 (wire-to-web news publisher; cdn purge)");
            client.newRequest(url).timeout(5, TimeUnit.SECONDS).send();
            assertThat(cookie.get()).as("no cookie sent back").isNull();
            assertThat(client.getConnectTimeout()).isEqualTo(3_000);
            QueuedThreadPool threads = (QueuedThreadPool) client.getExecutor();
            assertThat(threads.getName()).isEqualTo("test-http");
            assertThat(threads.isDaemon()).isTrue();
        } finally {
            client.stop();
            server.stop(0);
        }
    }

    @Test
    void theFeedPollersUserAgentIsTheOneItAlwaysSent() {
        assertThat(Fetcher.USER_AGENT).isEqualTo("Taar/0.1 (wire-to-web news publisher; feed poller)");
    }
}
