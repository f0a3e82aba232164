package org.taar;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL server of a test's own (initdb in a temporary folder, its own port on 127.0.0.1),
 * for the tests that stop and start the database: they must never touch the machine's shared
 * server. As root (CI) the server runs as the postgres user, which initdb requires. Skipped with a
 * clear message when PostgreSQL's programs are missing, except when CI=true, where that fails.
 */
public final class PrivatePostgres implements AutoCloseable {
    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asPostgres;

    private PrivatePostgres(Path bin, Path folder, int port, boolean asPostgres) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** Makes a fresh cluster and starts it. */
    public static PrivatePostgres start() throws Exception {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("taar-pg-");
        if (root) run(List.of("chown", "postgres", folder.toString()), folder);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PrivatePostgres pg = new PrivatePostgres(bin, folder, port, root);
        pg.as(bin.resolve("initdb").toString(), "-D", pg.data(), "-U", "postgres", "-A", "trust", "--no-sync",
                "-E", "UTF8", "--locale=C");
        pg.up();
        return pg;
    }

    private static Path findBin() throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        Path found = null;
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.naturalOrder()).orElse(null);
            }
        }
        if (found == null) {
            if ("true".equals(System.getenv("CI"))) throw new IllegalStateException("initdb not found under " + lib);
            Assumptions.abort("PostgreSQL's programs (initdb, pg_ctl) are not installed; the test needs a server of its own");
        }
        return found;
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres&connectTimeout=2";
    }

    /** Starts the server (again) on the same port, and waits until it accepts connections. */
    public void up() throws Exception {
        as(bin.resolve("pg_ctl").toString(), "-D", data(), "-l", folder.resolve("server.log").toString(), "-w", "-t", "30",
                "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Stops the server at once, as a crash or a failover would: open connections are cut. */
    public void down() throws Exception {
        as(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop");
    }

    private void as(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (asPostgres) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full, folder);
    }

    private static void run(List<String> command, Path folder) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("commands.log").toFile().exists()
                        ? ProcessBuilder.Redirect.appendTo(folder.resolve("commands.log").toFile())
                        : ProcessBuilder.Redirect.to(folder.resolve("commands.log").toFile()))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: "
                    + Files.readString(folder.resolve("commands.log")));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            down();
        } catch (RuntimeException alreadyDown) {
            // stopped by the test, or never started
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
