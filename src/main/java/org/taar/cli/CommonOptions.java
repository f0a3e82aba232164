package org.taar.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.rules.RoutingConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command shares (the contract promises them to all): a picocli mixin, {@code @Mixin
 * CommonOptions common}, on every command, on the groups ({@code key}, {@code rule}, {@code user})
 * and on {@code taar} itself, so {@code taar --data D user add x} means what {@code taar user add x
 * --data D} does. The value given nearest the command wins.
 */
public final class CommonOptions {
    /** The command this mixin sits on, to find the same options given before its name. */
    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = "--data", description = "data directory (default ./taar-data or TAAR_DATA)")
    Path data;
    @Option(names = "--db", description = "PostgreSQL JDBC URL instead of the embedded store (or TAAR_DB)")
    String db;
    @Option(names = "--config", description = "taar.yml to read (default DATA/taar.yml, then ./taar.yml)")
    Path config;
    @Option(names = "--debug", description = "verbose logs and stack traces")
    boolean debug;
    @Option(names = "--log-format", paramLabel = "text|json", converter = LogFormat.Converter.class,
            description = "log lines on stderr as key=value text (default) or JSON lines (or TAAR_LOG_FORMAT)")
    LogFormat logFormat;

    public Config load() {
        return load(null);
    }

    /** @param port from --port, or null for TAAR_PORT, the file, or 8080 */
    public Config load(Integer port) {
        Config loaded = new ConfigLoader(System.getenv()).load(data(), config(), db(), port);
        // rules/ parses taar.yml's rules itself; checked here, a bad rule stops every command at start.
        RoutingConfig.from(loaded);
        return loaded;
    }

    /** Commands that print JSON keep stderr for problems only unless --debug. Lines take --log-format's form. */
    public void quietLogs(boolean quiet) {
        // First: going back to text reads logback.xml again, which would undo the levels below.
        logFormat().use();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        boolean debug = debug();
        root.setLevel(debug ? Level.DEBUG : quiet ? Level.WARN : Level.INFO);
        // Third-party libraries chatter at INFO; their warnings still show.
        for (String noisy : List.of("org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb")) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(debug ? Level.DEBUG : Level.WARN);
        }
    }

    public boolean debug() {
        return debug || nearest(c -> c.debug ? Boolean.TRUE : null) != null;
    }

    /** --log-format given nearest the command, else TAAR_LOG_FORMAT, else text. */
    public LogFormat logFormat() {
        LogFormat given = nearest(c -> c.logFormat);
        if (given != null) return given;
        String env = System.getenv("TAAR_LOG_FORMAT");
        if (env == null || env.isBlank()) return LogFormat.TEXT;
        try {
            return LogFormat.of(env);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TAAR_LOG_FORMAT: " + e.getMessage());
        }
    }

    public Path data() {
        return nearest(c -> c.data);
    }

    public String db() {
        return nearest(c -> c.db);
    }

    public Path config() {
        return nearest(c -> c.config);
    }

    /** This command's own value, else that of the group or {@code taar} before it, else null. */
    private <T> T nearest(Function<CommonOptions, T> option) {
        T own = option.apply(this);
        if (own != null || mixee == null) return own;
        for (CommandSpec parent = mixee.parent(); parent != null; parent = parent.parent()) {
            for (CommandSpec mixin : parent.mixins().values()) {
                if (mixin.userObject() instanceof CommonOptions shared) {
                    T given = option.apply(shared);
                    if (given != null) return given;
                }
            }
        }
        return null;
    }
}
