package org.taar.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.taar.config.Config;
import org.taar.config.ConfigLoader;
import org.taar.rules.RoutingConfig;
import picocli.CommandLine.Option;

/** Options every command shares (the contract promises them to all): a picocli mixin, {@code @Mixin CommonOptions common}. */
public final class CommonOptions {
    @Option(names = "--data", description = "data directory (default ./taar-data or TAAR_DATA)")
    Path data;
    @Option(names = "--db", description = "PostgreSQL JDBC URL instead of the embedded store (or TAAR_DB)")
    String db;
    @Option(names = "--config", description = "taar.yml to read (default DATA/taar.yml, then ./taar.yml)")
    Path config;
    @Option(names = "--debug", description = "verbose logs and stack traces")
    boolean debug;

    public Config load() {
        return load(null);
    }

    /** @param port from --port, or null for TAAR_PORT, the file, or 8080 */
    public Config load(Integer port) {
        Config loaded = new ConfigLoader(System.getenv()).load(data, config, db, port);
        // rules/ parses taar.yml's rules itself; checked here, a bad rule stops every command at start.
        RoutingConfig.from(loaded);
        return loaded;
    }

    /** Commands that print JSON keep stderr for problems only unless --debug. */
    public void quietLogs(boolean quiet) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(debug ? Level.DEBUG : quiet ? Level.WARN : Level.INFO);
        // Third-party libraries chatter at INFO; their warnings still show.
        for (String noisy : List.of("org.eclipse.jetty", "com.zaxxer.hikari", "org.flywaydb")) {
            ((Logger) LoggerFactory.getLogger(noisy)).setLevel(debug ? Level.DEBUG : Level.WARN);
        }
    }

    public boolean debug() {
        return debug;
    }
}
