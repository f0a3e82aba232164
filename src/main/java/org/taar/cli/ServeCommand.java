package org.taar.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.taar.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code taar serve}: runs until the process is stopped; the shutdown hook closes the store cleanly. */
@Command(name = "serve", description = "public site, API, drop folder and workers on one port")
public final class ServeCommand implements Callable<Integer> {
    @Mixin CommonOptions common;
    @Option(names = "--port", description = "port (default 8080 or TAAR_PORT)") Integer port;
    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 behind a load balancer)") String host;
    @Option(names = "--demo", description = "load built-in sample stories on first start") boolean demo;

    private final Wiring wiring;

    public ServeCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws Exception {
        common.quietLogs(false);
        Config config = common.load(port);
        Node node = wiring.open(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        int bound;
        try {
            bound = node.serve(host, config.port(), demo);
        } catch (Exception | Error e) {
            // A port in use: the store and workers opened so far are closed now, not at the JVM's exit.
            Runtime.getRuntime().removeShutdownHook(shutdown);
            node.close();
            throw e;
        }
        System.out.println("Taar is serving http://" + host + ":" + bound + "/  (data: " + config.dataDir()
                + ", store: " + node.store().dialect().name().toLowerCase() + ")");
        stopped.await();
        return Exit.OK;
    }
}
