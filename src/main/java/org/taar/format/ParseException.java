package org.taar.format;

/** A delivery that could not be read at all; the message says where and why, for a person. */
public final class ParseException extends Exception {
    public ParseException(String message) {
        super(message);
    }

    public ParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
