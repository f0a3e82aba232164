package org.taar;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.taar.cli.ClassifyCommand;
import org.taar.cli.Commands;
import org.taar.cli.CommonOptions;
import org.taar.cli.ConvertFontCommand;
import org.taar.cli.Exit;
import org.taar.cli.ImportCommand;
import org.taar.cli.IngestCommand;
import org.taar.cli.KeyCommand;
import org.taar.cli.Node;
import org.taar.cli.ParseCommand;
import org.taar.cli.ReindexCommand;
import org.taar.cli.RuleCommand;
import org.taar.cli.UserCommand;
import org.taar.cli.ServeCommand;
import org.taar.cli.Wiring;
import org.taar.config.Config;
import org.taar.format.Formats;
import org.taar.normalize.Normalizer;
import org.taar.text.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line. Exit codes follow sysexits: 64 usage, 65 bad data, 69 unavailable, 70 internal. */
@Command(name = "taar", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "taar 0.1.0",
        description = "Wire-to-web news publisher.",
        subcommands = {ServeCommand.class, ParseCommand.class, IngestCommand.class, ImportCommand.class, ConvertFontCommand.class,
                ClassifyCommand.class, KeyCommand.class, RuleCommand.class, UserCommand.class, ReindexCommand.class})
public final class Taar implements Runnable {
    /** The commands reach the components through App, which builds them all. */
    private static final Wiring APP = new Wiring() {
        @Override
        public Node open(Config config) {
            return new App(config, Clock.systemUTC());
        }

        @Override
        public Formats formats(Config config) {
            return App.formats(config);
        }

        @Override
        public Normalizer normalizer(Config config, Clock clock) {
            return App.normalizer(config, clock);
        }

        @Override
        public Path sectionModelFile(Config config) {
            return App.sectionModelFile(config);
        }
    };

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Given before the command's name (taar --data D ingest ...), the common options reach it. */
    @CommandLine.Mixin
    CommonOptions common;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code; tests call this instead of main. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        cl.setExitCodeExceptionMapper(Exit::of);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            boolean debug = List.of(args).contains("--debug");
            line.getErr().println("taar: " + Exit.message(e));
            if (debug) {
                // Exception messages may quote a JDBC or feed URL; its credentials stay masked here too.
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                line.getErr().print(Secrets.redact(trace.toString()));
                line.getErr().flush();
            }
            return Exit.of(e);
        });
        return cl.execute(args);
    }

    /** Every command, wired to App; also what tests inspect to see that each takes the common options. */
    static CommandLine commandLine() {
        return new CommandLine(new Taar(), new Commands(APP));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
