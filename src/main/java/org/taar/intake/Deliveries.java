package org.taar.intake;

import java.util.List;
import org.taar.format.Attachment;

/**
 * Where every intake (drop folder, poller, push endpoint, demo content, `taar ingest`) hands the
 * bytes it received. The pipeline implements it; intake depends only on this, never on the stages.
 */
public interface Deliveries {
    /**
     * Archives the bytes durably before anything else happens, then runs every later stage. A
     * delivery that cannot be parsed is still archived and answers with one rejected outcome.
     */
    default DeliveryResult deliver(String source, String channel, String name, byte[] content, String formatHint) {
        return deliver(source, channel, name, content, formatHint, List.of());
    }

    /**
     * As above, with the pictures, video or audio that came beside the text (the other parts of a
     * multipart push, files with the story's base name in the drop folder): each is archived too,
     * and belongs to the delivery's stories (by {@code part:NAME} where an item names it, else in order).
     */
    DeliveryResult deliver(String source, String channel, String name, byte[] content, String formatHint,
                           List<Attachment> attachments);
}
