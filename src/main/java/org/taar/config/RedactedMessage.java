package org.taar.config;

import org.taar.text.Secrets;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** logback's %msg with credentials masked (logback.xml), whoever logged them: Taar or a library. */
public final class RedactedMessage extends MessageConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redact(super.convert(event));
    }
}
