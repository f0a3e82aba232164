package org.taar.config;

import org.taar.text.Secrets;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** logback's stack traces with credentials masked: exception messages often quote a URL. */
public final class RedactedThrowable extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return Secrets.redact(super.convert(event));
    }
}
