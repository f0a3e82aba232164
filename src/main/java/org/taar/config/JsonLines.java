package org.taar.config;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.taar.text.Secrets;

/**
 * Log lines as JSON, one object a line, for a log collector ({@code --log-format json}):
 * {@code ts}, {@code level}, {@code thread}, {@code logger}, {@code msg}, then the MDC's fields
 * (a delivery's {@code sha256}, a story's {@code uri}), and {@code error} with the stack trace.
 * Credentials are masked as in the text lines. Not logback's JsonEncoder: that one writes the
 * message unmasked and the MDC nested under "mdc", with fields a collector has no use for.
 */
public final class JsonLines extends EncoderBase<ILoggingEvent> {
    private static final JsonFactory JSON = new JsonFactory();
    /** The line's own fields, which an MDC key of the same name must not repeat. */
    private static final Set<String> OWN = Set.of("ts", "level", "thread", "logger", "msg", "error");

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringWriter line = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
            g.writeStringField("level", event.getLevel().toString());
            g.writeStringField("thread", event.getThreadName());
            g.writeStringField("logger", event.getLoggerName());
            g.writeStringField("msg", Secrets.redact(event.getFormattedMessage()));
            for (Map.Entry<String, String> f : event.getMDCPropertyMap().entrySet()) {
                if (f.getValue() != null && !OWN.contains(f.getKey())) g.writeStringField(f.getKey(), f.getValue());
            }
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) g.writeStringField("error", Secrets.redact(ThrowableProxyUtil.asString(thrown)));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);  // a StringWriter does not fail
        }
        line.append('\n');
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }
}
