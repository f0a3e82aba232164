package org.taar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One `taar` command run in this JVM through {@link Taar#run}, with what it printed on stdout and stderr. */
public record CliRun(int exit, String stdout, String stderr) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static CliRun of(String... args) {
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = Taar.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new CliRun(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** The JSON Lines of stdout (the commands that print JSON). */
    public List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String line : stdout.split("\n")) if (line.startsWith("{")) lines.add(JSON.readTree(line));
        } catch (java.io.IOException e) {
            throw new AssertionError("stdout is not JSON Lines: " + stdout, e);
        }
        return lines;
    }
}
