package org.taar.intake;

/**
 * Where every intake (drop folder, poller, push endpoint, demo content, `taar ingest`) hands the
 * bytes it received. The pipeline implements it; intake depends only on this, never on the stages.
 */
public interface Deliveries {
    /**
     * Archives the bytes durably before anything else happens, then runs every later stage. A
     * delivery that cannot be parsed is still archived and answers with one rejected outcome.
     */
    DeliveryResult deliver(String source, String channel, String name, byte[] content, String formatHint);
}
