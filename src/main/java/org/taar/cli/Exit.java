package org.taar.cli;

import org.taar.config.ConfigException;
import org.taar.store.StoreUnavailableException;
import org.taar.text.Secrets;
import picocli.CommandLine;

/** Exit codes after sysexits, which scripts rely on: 64 usage, 65 bad data, 69 unavailable, 70 internal. */
public final class Exit {
    public static final int OK = 0, USAGE = 64, DATAERR = 65, UNAVAILABLE = 69, SOFTWARE = 70;

    private Exit() {}

    /** The exit code for a command that failed with this exception. */
    public static int of(Throwable e) {
        if (e instanceof CommandLine.ParameterException || e instanceof ConfigException
                || e instanceof IllegalArgumentException) return USAGE;
        if (e instanceof StoreUnavailableException) return UNAVAILABLE;
        return SOFTWARE;
    }

    /** What stderr says of a failure, with credentials masked: messages may quote a JDBC or feed URL. */
    public static String message(Throwable e) {
        return e.getMessage() != null ? Secrets.redact(e.getMessage()) : e.getClass().getSimpleName();
    }
}
