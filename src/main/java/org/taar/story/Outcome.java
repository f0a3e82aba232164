package org.taar.story;

/**
 * What one item of one delivery did, as `taar ingest` prints it and the push API answers.
 *
 * @param status published, updated, held, embargoed, killed, duplicate or rejected
 * @param url the story's path on the site, also where a held or embargoed story will appear
 */
public record Outcome(String file, String uri, Integer version, String status, String url, String reason) {
    public static Outcome rejected(String file, String reason) {
        return new Outcome(file, null, null, "rejected", null, reason);
    }

    public boolean isRejected() {
        return "rejected".equals(status);
    }
}
