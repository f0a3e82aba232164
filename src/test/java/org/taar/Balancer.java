package org.taar;

import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * nginx as the load balancer in front of several nodes on loopback, configured as docs/deploy.md
 * says: a request that fails to reach a node (refused, cut, 502/503) is tried on the next one, so a
 * node stopping or starting costs readers nothing. Debian's nginx; skipped with a clear message when
 * it is missing, except when CI=true (.ci/run installs it), where that fails.
 */
final class Balancer implements AutoCloseable {
    private final Process process;
    final int port;
    final Path folder;

    private Balancer(Process process, int port, Path folder) {
        this.process = process;
        this.port = port;
        this.folder = folder;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static Balancer start(Path folder, List<Integer> nodePorts) throws Exception {
        Path nginx = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(nginx)) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("nginx is not installed (.ci/run installs it)");
            Assumptions.abort("nginx is not installed (apt-get install nginx-light); the test needs a load balancer");
        }
        Files.createDirectories(folder);
        int port = freePort();
        String upstreams = nodePorts.stream()
                .map(p -> "        server 127.0.0.1:" + p + " max_fails=1 fail_timeout=2s;")
                .collect(Collectors.joining("\n"));
        Files.writeString(folder.resolve("nginx.conf"), """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream taar {
                %2$s
                        keepalive 16;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                            proxy_pass http://taar;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_next_upstream error timeout http_502 http_503;
                            proxy_next_upstream_tries 3;
                            proxy_connect_timeout 1s;
                            proxy_buffering off;
                        }
                    }
                }
                """.formatted(folder, upstreams, port));
        Process p = new ProcessBuilder(nginx.toString(), "-p", folder.toString(), "-c", folder.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("nginx.out").toFile()).start();
        Balancer b = new Balancer(p, port, folder);
        boolean up = Eventually.until(Duration.ofSeconds(10), () -> {
            if (!p.isAlive()) throw new AssertionError("nginx exited: " + Files.readString(folder.resolve("nginx.out"))
                    + (Files.exists(folder.resolve("error.log")) ? Files.readString(folder.resolve("error.log")) : ""));
            try (Socket s = new Socket("127.0.0.1", port)) {
                return true;
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
        if (!up) {
            b.close();
            throw new AssertionError("nginx did not start");
        }
        return b;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        process.waitFor();
    }
}
