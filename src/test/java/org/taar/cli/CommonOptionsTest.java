package org.taar.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.taar.Taar;
import org.taar.config.Config;
import org.taar.format.Formats;
import org.taar.normalize.Normalizer;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** The contract: every command takes --data, --db, --config and --debug (and --log-format), through the one shared mixin. */
class CommonOptionsTest {
    @TempDir Path dir;

    /** A wiring that opens nothing, and says where the section model would be. */
    private final Wiring nothing = new Wiring() {
        @Override
        public Node open(Config config) {
            throw new AssertionError("no command here may open the store");
        }

        @Override
        public Formats formats(Config config) {
            throw new AssertionError("not used");
        }

        @Override
        public Normalizer normalizer(Config config, Clock clock) {
            throw new AssertionError("not used");
        }

        @Override
        public Path sectionModelFile(Config config) {
            return config.dataDir().resolve("from-the-wiring.model");
        }
    };

    private CommandLine taar() {
        return new CommandLine(new Taar(), new Commands(nothing));
    }

    /** Every command that runs (not a group such as {@code key}), by its full name. */
    private static Map<String, CommandLine> commands(CommandLine line, String prefix, Map<String, CommandLine> out) {
        for (var e : line.getSubcommands().entrySet()) {
            String name = (prefix + " " + e.getKey()).strip();
            if (e.getValue().getSubcommands().isEmpty()) out.put(name, e.getValue());
            else commands(e.getValue(), name, out);
        }
        return out;
    }

    @Test
    void everyCommandIsListedHere() {
        assertThat(commands(taar(), "", new LinkedHashMap<>()).keySet()).containsExactlyInAnyOrder("serve", "parse",
                "ingest", "import", "convert-font", "classify", "key add", "key list", "key revoke", "rule add", "rule list",
                "rule remove", "reindex", "user add", "user disable", "user enable", "user password");
    }

    @Test
    void everyCommandAcceptsEachCommonOption() {
        Map<String, CommandLine> commands = commands(taar(), "", new LinkedHashMap<>());
        assertThat(commands).isNotEmpty();
        for (var e : commands.entrySet()) {
            CommandSpec spec = e.getValue().getCommandSpec();
            for (String option : List.of("--data", "--db", "--config", "--debug", "--log-format")) {
                assertThat(spec.findOption(option)).as(e.getKey() + " takes " + option).isNotNull();
            }
            // Given on the command line, the options reach the shared mixin's fields.
            List<String> args = new ArrayList<>(List.of(e.getKey().split(" ")));
            args.addAll(List.of("--data", "d", "--db", "jdbc:postgresql://h/db", "--config", "c.yml", "--debug",
                    "--log-format", "json"));
            for (OptionSpec o : spec.options()) if (o.required()) args.addAll(List.of(o.longestName(), "x"));
            for (PositionalParamSpec p : spec.positionalParameters()) {
                for (int i = 0; i < p.arity().min(); i++) args.add("x");
            }
            CommandLine.ParseResult parsed = taar().parseArgs(args.toArray(String[]::new));
            while (parsed.hasSubcommand()) parsed = parsed.subcommand();
            assertThat(parsed.commandSpec().qualifiedName()).isEqualTo("taar " + e.getKey());
            CommonOptions common = parsed.commandSpec().mixins().values().stream()
                    .map(CommandSpec::userObject).filter(CommonOptions.class::isInstance)
                    .map(CommonOptions.class::cast).findFirst().orElseThrow(() -> new AssertionError(
                            e.getKey() + " does not use the CommonOptions mixin"));
            assertThat(common.data).as(e.getKey()).isEqualTo(Path.of("d"));
            assertThat(common.db).as(e.getKey()).isEqualTo("jdbc:postgresql://h/db");
            assertThat(common.config).as(e.getKey()).isEqualTo(Path.of("c.yml"));
            assertThat(common.debug()).as(e.getKey()).isTrue();
            assertThat(common.logFormat()).as(e.getKey()).isEqualTo(LogFormat.JSON);
        }
    }

    @Test
    void commandsGetTheWiringTheyAreBuiltWith() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            exit = taar().execute("classify", "--data", dir.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(exit).isEqualTo(Exit.UNAVAILABLE);
        assertThat(e.toString(StandardCharsets.UTF_8)).contains(dir.resolve("from-the-wiring.model").toString());
    }

    @Test
    void loadReadsTheFileNamedByConfigAndChecksItsRules() throws Exception {
        Path yml = Files.writeString(dir.resolve("mine.yml"), "site: {name: मेरी साइट}\n");
        CommonOptions common = new CommonOptions();
        common.data = dir;
        common.config = yml;
        assertThat(common.load().site().name()).isEqualTo("मेरी साइट");
        assertThat(common.load(9123).port()).isEqualTo(9123);
        Files.writeString(yml, "rules:\n  - {name: x, action: delete}\n");
        assertThatThrownBy(common::load)
                .hasMessageContaining("rules[1] (x).action: publish, hold or discard, not 'delete'");
    }

    /** The leaf command's CommonOptions after parsing {@code args}. */
    private CommonOptions parsed(String... args) {
        CommandLine.ParseResult parsed = taar().parseArgs(args);
        while (parsed.hasSubcommand()) parsed = parsed.subcommand();
        return parsed.commandSpec().mixins().values().stream().map(CommandSpec::userObject)
                .filter(CommonOptions.class::isInstance).map(CommonOptions.class::cast).findFirst().orElseThrow();
    }

    @Test
    void optionsBeforeTheCommandReachItAndTheNearestWins() {
        CommonOptions root = parsed("--data", "a", "--debug", "--db", "jdbc:postgresql://h/a", "user", "add", "x", "--role", "editor");
        assertThat(root.data()).isEqualTo(Path.of("a"));
        assertThat(root.db()).isEqualTo("jdbc:postgresql://h/a");
        assertThat(root.debug()).isTrue();
        assertThat(root.config()).isNull();
        CommonOptions group = parsed("--data", "a", "user", "--data", "b", "--config", "g.yml", "add", "x", "--role", "editor");
        assertThat(group.data()).isEqualTo(Path.of("b"));
        assertThat(group.config()).isEqualTo(Path.of("g.yml"));
        CommonOptions own = parsed("--data", "a", "user", "--data", "b", "add", "x", "--role", "editor", "--data", "c");
        assertThat(own.data()).isEqualTo(Path.of("c"));
        assertThat(own.debug()).isFalse();
        assertThat(parsed("convert-font", "--from", "walkman").data()).as("nothing given anywhere").isNull();
        assertThat(parsed("--log-format", "json", "user", "add", "x", "--role", "editor").logFormat()).isEqualTo(LogFormat.JSON);
        if (System.getenv("TAAR_LOG_FORMAT") == null) {
            assertThat(parsed("convert-font", "--from", "walkman").logFormat()).as("the default").isEqualTo(LogFormat.TEXT);
        }
    }

    @Test
    void aCommonOptionWithoutItsValueIsAUsageErrorWherever() {
        PrintStream err = System.err;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertThat(Taar.run("convert-font", "--from", "walkman", "--data")).isEqualTo(Exit.USAGE);
            assertThat(Taar.run("--config")).isEqualTo(Exit.USAGE);
            assertThat(Taar.run("user", "--db")).isEqualTo(Exit.USAGE);
        } finally {
            System.setErr(err);
        }
    }
}
