-- Duplicate detection (org.taar.dedupe). Fingerprints of the recent original stories, kept
-- in the store so that every node and every restart finds the same duplicates; rows older than
-- the window are pruned, so the tables stay bounded.
CREATE TABLE story_fingerprints (
    story_id     BIGINT PRIMARY KEY REFERENCES stories (id),
    source       TEXT    NOT NULL,
    agency       TEXT,
    content_hash TEXT    NOT NULL,
    shingles     BIGINT  NOT NULL,
    signature    BYTEA   NOT NULL,
    at           BIGINT  NOT NULL
);
CREATE INDEX story_fingerprints_by_hash ON story_fingerprints (content_hash);
CREATE INDEX story_fingerprints_by_at ON story_fingerprints (at);
-- One row per LSH band of a fingerprint: equal keys are the candidates for a near-duplicate.
CREATE TABLE story_bands (
    band_key BIGINT  NOT NULL,
    story_id BIGINT  NOT NULL REFERENCES stories (id)
);
CREATE INDEX story_bands_by_key ON story_bands (band_key);
CREATE INDEX story_bands_by_story ON story_bands (story_id);
-- A duplicate story and the first story it repeats ("also reported by"). Kept for good.
CREATE TABLE story_duplicates (
    story_id    BIGINT PRIMARY KEY REFERENCES stories (id),
    original_id BIGINT  NOT NULL REFERENCES stories (id),
    similarity  DOUBLE PRECISION NOT NULL,
    kind        TEXT    NOT NULL,
    at          BIGINT  NOT NULL
);
CREATE INDEX story_duplicates_by_original ON story_duplicates (original_id);
