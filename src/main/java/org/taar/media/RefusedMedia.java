package org.taar.media;

/** A media original that must not be shown, with a reason an editor can read. */
public final class RefusedMedia extends Exception {
    public RefusedMedia(String reason) {
        super(reason, null, false, false);
    }
}
