-- Keys get a number that `taar key list` shows and `taar key revoke --id` takes (the key and its
-- hash are never shown), and the time of their last use.
ALTER TABLE push_keys ADD COLUMN id BIGSERIAL UNIQUE;
ALTER TABLE push_keys ADD COLUMN last_used_at BIGINT;
