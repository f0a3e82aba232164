package org.taar.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.taar.config.JsonLines;
import picocli.CommandLine;

/** How log lines go to stderr: key=value text (logback.xml's pattern) or JSON lines for a log collector. */
public enum LogFormat {
    TEXT, JSON;

    /** The format named {@code word} ("text" or "json", as --log-format and TAAR_LOG_FORMAT give it). */
    static LogFormat of(String word) {
        for (LogFormat f : values()) if (f.name().toLowerCase(Locale.ROOT).equals(word.strip())) return f;
        throw new IllegalArgumentException("the log format is text or json, not '" + word + "'");
    }

    /** Reads --log-format's value, so that a wrong one is a usage error naming the choices. */
    static final class Converter implements CommandLine.ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            try {
                return of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * Writes every log line from now on in this format: the root logger's stream appenders get
     * their encoder. Back to text, logback.xml is read again (a test runs many commands in one JVM).
     */
    void use() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<OutputStreamAppender<ILoggingEvent>> streams = streams(context);
        boolean json = streams.stream().anyMatch(a -> a.getEncoder() instanceof JsonLines);
        if (this == TEXT) {
            if (json) reconfigure(context);
            return;
        }
        for (OutputStreamAppender<ILoggingEvent> a : streams) {
            if (a.getEncoder() instanceof JsonLines) continue;
            JsonLines lines = new JsonLines();
            lines.setContext(context);
            lines.start();
            a.stop();
            a.setEncoder(lines);
            a.start();
        }
    }

    private static List<OutputStreamAppender<ILoggingEvent>> streams(LoggerContext context) {
        List<OutputStreamAppender<ILoggingEvent>> out = new ArrayList<>();
        Iterator<Appender<ILoggingEvent>> it = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
        while (it.hasNext()) {
            if (it.next() instanceof OutputStreamAppender<ILoggingEvent> s) out.add(s);
        }
        return out;
    }

    private static void reconfigure(LoggerContext context) {
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException("cannot read the logging configuration again", e);
        }
    }
}
