package org.taar.store;

/** The database cannot be reached or prepared; the command exits 69 with this message. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
