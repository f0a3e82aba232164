package org.taar;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what the whole process logs while it is open, so a test can say that hostile input
 * left no ERROR line and no stack trace behind (a stack trace per bad request is itself a way
 * to fill a disk).
 */
public final class LogWatch implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    public LogWatch() {
        events.setName("log-watch");
        events.start();
        root.addAppender(events);
    }

    // AppenderBase.doAppend holds the appender's own lock while it adds to the list.

    /** Lines logged at ERROR, or with a stack trace at any level, as "LEVEL logger: message (exception)". */
    public List<String> troubles() {
        synchronized (events) {
            return events.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null)
                    .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getClassName() + ": "
                            + e.getThrowableProxy().getMessage() + ")"))
                    .toList();
        }
    }

    /** Every line logged so far, formatted. */
    public List<String> lines() {
        synchronized (events) {
            return events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        root.detachAppender(events);
        events.stop();
    }
}
