-- See postgresql/V20__archive_in_database.sql (`archive: database`).
CREATE TABLE archive_files (
    sha256  TEXT PRIMARY KEY,
    content BLOB NOT NULL
);
