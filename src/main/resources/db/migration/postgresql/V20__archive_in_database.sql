-- The verbatim archive kept in the database (`archive: database`), for several nodes without a shared
-- folder: a delivery's bytes are committed in the same transaction as its row, so a node acknowledges
-- only what every node can read. Content-addressed like the folder: the same bytes are kept once.
CREATE TABLE archive_files (
    sha256  TEXT  PRIMARY KEY,
    content BYTEA NOT NULL
);
