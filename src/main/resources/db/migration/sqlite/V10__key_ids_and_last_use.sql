-- Keys get a number that `taar key list` shows and `taar key revoke --id` takes (the key and its
-- hash are never shown), and the time of their last use. SQLite cannot add an AUTOINCREMENT
-- column, so the table is rebuilt; existing keys are numbered in the order they were created.
CREATE TABLE push_keys_v10 (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    key_hash     TEXT    NOT NULL UNIQUE,
    source       TEXT    NOT NULL,
    role         TEXT    NOT NULL DEFAULT 'push',
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
INSERT INTO push_keys_v10 (key_hash, source, role, created_at)
    SELECT key_hash, source, role, created_at FROM push_keys ORDER BY created_at, key_hash;
DROP TABLE push_keys;
ALTER TABLE push_keys_v10 RENAME TO push_keys;
