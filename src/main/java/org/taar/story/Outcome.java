package org.taar.story;

/**
 * What one item of one delivery did, as `taar ingest` prints it and the push API answers.
 *
 * @param status what the version did; its label() is the word in the JSON
 * @param url the story's path on the site, also where a held or embargoed story will appear
 */
public record Outcome(String file, String uri, Integer version, OutcomeStatus status, String url, String reason) {
    public static Outcome rejected(String file, String reason) {
        return new Outcome(file, null, null, OutcomeStatus.REJECTED, null, reason);
    }

    public boolean isRejected() {
        return status == OutcomeStatus.REJECTED;
    }
}
