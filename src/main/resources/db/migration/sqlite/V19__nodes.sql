-- Several nodes on one database (PostgreSQL); on SQLite the one serving node keeps its row here too,
-- so that the same code decides when a CDN purge may go out. See postgresql/V19__nodes.sql.
CREATE TABLE nodes (
    name        TEXT    PRIMARY KEY,
    started_at  INTEGER NOT NULL,
    seen_at     INTEGER NOT NULL,
    applied_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE purge_claims (
    seq  INTEGER PRIMARY KEY,
    node TEXT    NOT NULL,
    at   INTEGER NOT NULL
);
CREATE INDEX purge_claims_by_time ON purge_claims (at);
