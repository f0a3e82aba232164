package org.taar.store;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** The database cannot be reached or prepared; the command exits 69 with this message. */
public final class StoreUnavailableException extends RuntimeException {
    // PostgreSQL's SQLSTATEs for a server going away: admin shutdown, crash shutdown, cannot connect now.
    private static final Set<String> SHUTDOWN = Set.of("57P01", "57P02", "57P03");

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * True when {@code e} comes of the database being away (stopped, restarting, unreachable, its
     * pool timing out), not of a bad statement or bad data: the caller should answer 503 and retry
     * later, and nothing about the request itself was wrong.
     */
    public static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SHUTDOWN.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
