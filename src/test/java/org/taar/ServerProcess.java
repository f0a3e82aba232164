package org.taar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code taar serve} child process (the test's classpath), its log in target/crash-test/. */
final class ServerProcess {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:[0-9]+)/");
    final Process process;
    final String base;

    private ServerProcess(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    /** On a free port, with the environment of this JVM. */
    static ServerProcess start(Path data, String jdbcUrl, String name) throws Exception {
        return start(data, jdbcUrl, name, 0, Map.of());
    }

    /**
     * @param port 0 for a free one
     * @param env added to the child's environment (TAAR_NODE, TAAR_ARCHIVE...)
     */
    static ServerProcess start(Path data, String jdbcUrl, String name, int port, Map<String, String> env)
            throws Exception {
        // Under target/, so that a failure's server log outlives the temp dir.
        Path log = Path.of("target", "crash-test", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "org.taar.Taar", "serve", "--port", String.valueOf(port), "--data", data.toString()));
        if (jdbcUrl != null) cmd.addAll(List.of("--db", jdbcUrl));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        // A restarted node appends to its log, so that the log tells its whole story; this start's
        // "listening" line is looked for after what the log held before it.
        long from = Files.exists(log) ? Files.size(log) : 0;
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // The child JVM says it is listening in its log; until it does, only its log can tell.
        String base = Eventually.value(Duration.ofSeconds(60), () -> {
            String text = Files.readString(log);
            Matcher m = LISTENING.matcher(text.substring((int) Math.min(from, text.length())));
            if (m.find()) return m.group(1);
            if (!p.isAlive()) throw new AssertionError("server exited " + p.exitValue() + ":\n" + text);
            return null;
        }, found -> found != null);
        if (base != null) return new ServerProcess(p, base);
        p.destroyForcibly();
        throw new AssertionError("server did not start within 60 s:\n" + Files.readString(log));
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL (what destroyForcibly sends on Linux); returns the exit status. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** SIGTERM, as systemd stops a node; SIGKILL if it has not stopped within 20 s. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
    }
}
