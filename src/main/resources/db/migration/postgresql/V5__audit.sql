-- Who or what changed a story's public state, and why: an agency's kill, a rule's hold, an
-- editor's release. Append-only; the desk and "why is this story down?" read it.
CREATE TABLE audit (
    id       BIGSERIAL PRIMARY KEY,
    story_id BIGINT  NOT NULL REFERENCES stories (id),
    action   TEXT    NOT NULL,
    actor    TEXT    NOT NULL,
    reason   TEXT,
    at       BIGINT  NOT NULL
);
CREATE INDEX audit_by_story ON audit (story_id, id);
