-- Routing rules kept in the store, evaluated after taar.yml's, in position order. definition is
-- one rule as JSON, in the shape of a taar.yml rule (match, action, reason, set_section, ...).
CREATE TABLE routing_rules (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    position   INTEGER NOT NULL,
    definition TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);

-- A key is for pushing stories of its source ('push') or for an editor's actions ('editor');
-- for an editor key, source holds the editor's name.
ALTER TABLE push_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'push';
