package org.taar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.App;
import org.taar.LogCapture;
import org.taar.config.ConfigLoader;
import org.taar.store.PushKeys;

/**
 * Clients that are slow on purpose, over real sockets on loopback: slow request bodies on every
 * POST route, headers sent a byte at a time, one reader opening many event streams. None of them
 * may delay a page, /healthz or a kill.
 */
class HostileClientsTest {
    @TempDir Path dir;
    private App app;
    private int port;
    private String pushKey;
    private String editorKey;
    private LogCapture logs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Path yml = dir.resolve("taar.yml");
        Files.writeString(yml, """
                http:
                  body_deadline: 3s
                  header_deadline: 2s
                  trusted_proxies: [127.0.0.1]
                site:
                  live_clients_per_address: 3
                """);
        var config = new ConfigLoader(Map.of()).load(dir, yml, null);
        logs = new LogCapture();
        app = new App(config, Clock.systemUTC());
        pushKey = app.pushKeys.create("ians");
        editorKey = app.pushKeys.create("desk", PushKeys.Role.EDITOR);
        port = app.serve("127.0.0.1", 0, false);
    }

    @AfterEach
    void stop() {
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }
        app.close();
        logs.close();
    }

    @Test
    void slowBodiesOnEveryPostRouteHoldNoThreadAndEndIn401Or408() throws Exception {
        String[][] routes = {{"/api/v1/ingest", "16000"}, {"/api/v1/stories/1/kill", "16000"},
                {"/api/v1/advisories/1/apply", "4000"}};
        List<Socket> strangers = new ArrayList<>();
        List<Socket> keyed = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            String[] route = routes[i % 3];
            boolean withKey = i % 2 == 0;
            String key = route[0].equals("/api/v1/ingest") ? pushKey : editorKey;
            Socket s = open();
            s.getOutputStream().write(("POST " + route[0] + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + route[1] + "\r\n" + (withKey ? "Authorization: Bearer " + key + "\r\n" : "")
                    + "\r\n{").getBytes(StandardCharsets.US_ASCII));
            (withKey ? keyed : strangers).add(s);
        }
        // Every page and the health check still answer quickly while 250 bodies trickle in.
        for (int round = 0; round < 3; round++) {
            assertThat(getWithin2s("/healthz").statusCode()).isEqualTo(200);
            assertThat(getWithin2s("/").statusCode()).isEqualTo(200);
            assertThat(getWithin2s("/sports/").statusCode()).isEqualTo(200);
        }
        // A stranger is answered at once, from the headers, and the connection closes.
        for (Socket s : strangers) {
            String answer = readAnswer(s, 3_000);
            assertThat(answer).startsWith("HTTP/1.1 401").containsIgnoringCase("Connection: close");
        }
        // A key holder who never finishes the body gets 408 once the body deadline (3 s) passes.
        for (Socket s : keyed) {
            assertThat(readAnswer(s, 8_000)).startsWith("HTTP/1.1 408").containsIgnoringCase("Connection: close");
        }
        assertThat(getWithin2s("/healthz").statusCode()).isEqualTo(200);
        assertThat(logs.errorsAndStacks()).isEmpty();
    }

    @Test
    void aClientThatHangsUpMidBodyIsOneLineInTheLogWithoutAStack() throws Exception {
        for (int i = 0; i < 20; i++) {
            Socket s = open();
            s.getOutputStream().write(("POST /api/v1/stories/1/kill HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n"
                    + "Authorization: Bearer " + editorKey + "\r\n\r\n{\"reason\":").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(20); // time passing: the half body reaches the server before the client hangs up
            s.close();
        }
        // Time passing: a log line has no event to wait for; this gives the server's threads time to write one.
        Thread.sleep(500);
        assertThat(getWithin2s("/healthz").statusCode()).isEqualTo(200);
        assertThat(logs.errorsAndStacks()).isEmpty();
    }

    @Test
    void headersSentAByteAtATimeAreCutOffAtTheDeadlineButAnIdleConnectionIsNot() throws Exception {
        Socket slow = open();
        OutputStream out = slow.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        slow.setSoTimeout(250);
        long start = System.nanoTime();
        boolean closed = false;
        while (!closed && System.nanoTime() - start < 8_000_000_000L) {
            try {
                out.write('a');
                out.flush();
                closed = slow.getInputStream().read() == -1;
            } catch (SocketTimeoutException e) {
                // still open
            } catch (IOException e) {
                closed = true;
            }
        }
        assertThat(closed).as("the server closed a connection whose headers took over 2 s").isTrue();
        assertThat(System.nanoTime() - start).isLessThan(6_000_000_000L);

        // A keep-alive connection that is merely quiet between requests is left alone.
        Socket idle = open();
        idle.getOutputStream().write("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(idle, 3_000)).startsWith("HTTP/1.1 200");
        Thread.sleep(3_500); // time passing: quiet for longer than the 2 s header deadline
        idle.getOutputStream().write("HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(idle, 3_000)).startsWith("HTTP/1.1 200");
    }

    @Test
    void oneReaderCannotTakeEveryEventStream() throws Exception {
        for (int i = 0; i < 3; i++) assertThat(events(null)).startsWith("HTTP/1.1 200");
        assertThat(events(null)).startsWith("HTTP/1.1 429");
        // Behind a trusted load balancer (127.0.0.1 here) readers are told apart by X-Forwarded-For,
        // read from the right: a forged left-hand entry does not make a new reader.
        for (int i = 0; i < 3; i++) assertThat(events("10.0.0.1")).startsWith("HTTP/1.1 200");
        assertThat(events("10.0.0.1")).startsWith("HTTP/1.1 429");
        assertThat(events("192.0.2.9, 10.0.0.1")).startsWith("HTTP/1.1 429");
        assertThat(events("10.0.0.2")).startsWith("HTTP/1.1 200");
        assertThat(getWithin2s("/healthz").statusCode()).isEqualTo(200);
    }

    private String events(String forwardedFor) throws IOException {
        Socket s = open();
        s.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: x\r\n"
                + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        return readHead(s, 3_000);
    }

    private Socket open() throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        sockets.add(s);
        return s;
    }

    private HttpResponse<String> getWithin2s(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status line and headers, up to the blank line. */
    static String readHead(Socket s, int timeoutMillis) throws IOException {
        s.setSoTimeout(timeoutMillis);
        InputStream in = s.getInputStream();
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            b.append((char) c);
            if (b.length() >= 4 && b.substring(b.length() - 4).equals("\r\n\r\n")) break;
        }
        return b.toString();
    }

    /** The whole answer, up to the server closing the connection. */
    static String readAnswer(Socket s, int timeoutMillis) throws IOException {
        s.setSoTimeout(timeoutMillis);
        return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
