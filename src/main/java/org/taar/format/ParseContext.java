package org.taar.format;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * What a parser may know about a delivery besides its bytes.
 *
 * @param source the source's name, part of a derived uri when the format carries none
 * @param receivedAt when the delivery arrived, used as first-created time when the item has none
 * @param attachments where a parser hands bytes it found inside the delivery (an e-mail's attached
 *     pictures), each named as its items' renditions name it ({@code part:NAME}); `taar parse` drops them
 */
public record ParseContext(String source, Instant receivedAt, Consumer<Attachment> attachments) {
    public ParseContext(String source, Instant receivedAt) {
        this(source, receivedAt, a -> {});
    }
}
