-- Polled sources and their health, seeded from taar.yml at start. Health lives here, not in
-- memory, so it survives restarts and every node shows the same; next_poll_at doubles as the
-- claim that lets exactly one node poll a source at a time. No credentials are ever stored.
CREATE TABLE sources (
    name                 TEXT    PRIMARY KEY,
    url                  TEXT    NOT NULL,
    format               TEXT,
    interval_ms          INTEGER NOT NULL,
    enabled              INTEGER NOT NULL DEFAULT 1,
    last_success_at      INTEGER,
    last_error_at        INTEGER,
    last_error           TEXT,
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    etag                 TEXT,
    last_modified        TEXT,
    next_poll_at         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sources_due ON sources (enabled, next_poll_at);
-- items_24h counts versions per source through stories (source, uri), which V1 already indexes.
