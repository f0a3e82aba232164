package org.taar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.taar.Fixtures;
import org.taar.Taar;
import org.taar.TestEngines;
import org.taar.config.Config;
import org.taar.format.Formats;
import org.taar.normalize.Normalizer;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The contract says every command accepts --data, --db, --config and --debug. This runs every command
 * in picocli's tree for real (a command added later is run too) with those options after its name,
 * before it (taar --data D user add ...) and between group and command (taar user --data D add ...).
 */
class EveryCommandRunsTest {
    @TempDir Path dir;

    private enum Placement { AFTER_THE_COMMAND, BEFORE_THE_COMMAND, AFTER_THE_GROUP }

    /** What a command is given and is expected to answer. */
    private record Invocation(List<String> args, String stdin, int exit) {}

    private record Run(int exit, String out, String err) {}

    private ServerSocket portInUse;

    @AfterEach
    void restoreLogsAndPort() throws Exception {
        // --debug turned the logs up for this JVM; later tests expect logback.xml's levels.
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        for (String noisy : List.of("org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb")) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(Level.WARN);
        }
        if (portInUse != null) portInUse.close();
    }

    /** Every command that runs (not a group), as its path of names, in the tree's order. */
    private static List<List<String>> commands(CommandLine line, List<String> path, List<List<String>> out) {
        for (var e : line.getSubcommands().entrySet()) {
            List<String> name = new ArrayList<>(path);
            name.add(e.getKey());
            if (e.getValue().getSubcommands().isEmpty()) out.add(name);
            else commands(e.getValue(), name, out);
        }
        return out;
    }

    private static CommandLine tree() {
        Wiring introspectionOnly = new Wiring() {
            @Override
            public Node open(Config config) {
                throw new AssertionError();
            }

            @Override
            public Formats formats(Config config) {
                throw new AssertionError();
            }

            @Override
            public Normalizer normalizer(Config config, Clock clock) {
                throw new AssertionError();
            }

            @Override
            public Path sectionModelFile(Config config) {
                throw new AssertionError();
            }
        };
        return new CommandLine(new Taar(), new Commands(introspectionOnly));
    }

    /**
     * Inputs that make each known command do its real work and finish at once, run in the tree's order
     * on one data directory (user disable finds the user that user add made). serve gets a port already
     * taken, so it opens the store and stops with 70 instead of serving for ever.
     */
    private Map<String, Invocation> knownInputs() throws Exception {
        Path story = Files.write(dir.resolve("story.txt"),
                Fixtures.wire("urn:every:1", 1, null, "पटना में चुनाव प्रचार तेज", "राजनीति"));
        Path csv = Files.writeString(dir.resolve("sections.csv"),
                "text,label\nक्रिकेट मैच में भारत जीता,खेल\nचुनाव में मतदान हुआ,राजनीति\n");
        portInUse = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        String password = "a long enough passphrase 2025\n";
        Map<String, Invocation> in = new LinkedHashMap<>();
        in.put("serve", new Invocation(List.of("--host", "127.0.0.1", "--port", String.valueOf(portInUse.getLocalPort())), "", 70));
        in.put("parse", new Invocation(List.of(story.toString()), "", 0));
        in.put("ingest", new Invocation(List.of("--source", "ians", story.toString()), "", 0));
        Path archive = Files.writeString(dir.resolve("archive.jsonl"), "{\"uri\": \"urn:every:import\", "
                + "\"headline\": \"भोपाल में पुस्तक मेला शुरू\", \"body_html\": \"<p>भोपाल, 2 दिसंबर। मेला आज शुरू हुआ।</p>\"}\n");
        in.put("import", new Invocation(List.of(archive.toString()), "", 0));
        in.put("convert-font", new Invocation(List.of("--from", "krutidev"), "fnYyh\n", 0));
        in.put("classify", new Invocation(List.of("--train", csv.toString()), "", 0));
        in.put("key add", new Invocation(List.of("ians"), "", 0));
        in.put("key list", new Invocation(List.of(), "", 0));
        in.put("key revoke", new Invocation(List.of("ians"), "", 0));
        in.put("rule add", new Invocation(List.of("hold-afp", "{\"match\": {\"source\": \"afp\"}, \"action\": \"hold\"}"), "", 0));
        in.put("rule list", new Invocation(List.of(), "", 0));
        in.put("rule remove", new Invocation(List.of("hold-afp"), "", 0));
        in.put("user add", new Invocation(List.of("ravi", "--role", "editor"), password, 0));
        in.put("user disable", new Invocation(List.of("ravi"), "", 0));
        in.put("user enable", new Invocation(List.of("ravi"), "", 0));
        in.put("user password", new Invocation(List.of("ravi"), password, 0));
        in.put("reindex", new Invocation(List.of(), "", 0));
        return in;
    }

    /** A command this test does not know yet gets a placeholder for each thing it requires. */
    private static Invocation placeholders(List<String> command) {
        CommandLine line = tree();
        for (String name : command) line = line.getSubcommands().get(name);
        List<String> args = new ArrayList<>();
        for (OptionSpec o : line.getCommandSpec().options()) if (o.required()) args.addAll(List.of(o.longestName(), "x"));
        for (PositionalParamSpec p : line.getCommandSpec().positionalParameters()) {
            for (int i = 0; i < p.arity().min(); i++) args.add("x");
        }
        return new Invocation(args, "", -1);
    }

    private static List<String> line(List<String> command, List<String> args, List<String> common, Placement where) {
        List<String> line = new ArrayList<>();
        switch (where) {
            case AFTER_THE_COMMAND -> {
                line.addAll(command);
                line.addAll(args);
                line.addAll(common);
            }
            case BEFORE_THE_COMMAND -> {
                line.addAll(common);
                line.addAll(command);
                line.addAll(args);
            }
            case AFTER_THE_GROUP -> {
                line.addAll(command.subList(0, command.size() - 1));
                line.addAll(common);
                line.add(command.get(command.size() - 1));
                line.addAll(args);
            }
        }
        return line;
    }

    private static Run run(String stdin, List<String> args) {
        InputStream in = System.in;
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return new Run(Taar.run(args.toArray(String[]::new)), o.toString(StandardCharsets.UTF_8),
                    e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    private void runEveryCommand(Placement where, String db) throws Exception {
        Path data = dir.resolve("data");
        Path yml = Files.writeString(dir.resolve("elsewhere.yml"), "site: {name: परीक्षा समाचार}\n");
        List<String> common = new ArrayList<>(List.of("--data", data.toString(), "--config", yml.toString(), "--debug"));
        if (db != null) common.addAll(List.of("--db", db));
        Map<String, Invocation> known = knownInputs();
        List<List<String>> commands = commands(tree(), List.of(), new ArrayList<>());
        assertThat(commands).hasSizeGreaterThanOrEqualTo(known.size());
        for (List<String> command : commands) {
            String name = String.join(" ", command);
            Invocation given = known.getOrDefault(name, placeholders(command));
            List<String> args = line(command, given.args(), common, where);
            Run r = run(given.stdin(), args);
            String said = "taar " + String.join(" ", args) + " answered " + r.exit() + ":\n" + r.err();
            assertThat(r.err()).as(said).doesNotContainIgnoringCase("unknown option")
                    .doesNotContainIgnoringCase("unmatched argument");
            assertThat(r.exit()).as(said).isNotEqualTo(Exit.USAGE);
            if (given.exit() >= 0) assertThat(r.exit()).as(said).isEqualTo(given.exit());
        }
        // The options reached the commands: the model was trained where --data said.
        assertThat(data.resolve("models").resolve("section.model")).exists();
    }

    @ParameterizedTest
    @EnumSource(Placement.class)
    void everyCommandTakesTheCommonOptionsWhereverTheyAreGiven(Placement where) throws Exception {
        runEveryCommand(where, null);
        assertThat(Files.exists(dir.resolve("data").resolve("taar.db"))).isTrue();
    }

    @Test
    void everyCommandTakesDbWithAPostgresqlUrl() throws Exception {
        String db = TestEngines.config(TestEngines.POSTGRESQL, dir.resolve("pg")).jdbcUrl();
        runEveryCommand(Placement.AFTER_THE_COMMAND, db);
        assertThat(Files.exists(dir.resolve("data").resolve("taar.db"))).as("--db, not the embedded store").isFalse();
    }
}
