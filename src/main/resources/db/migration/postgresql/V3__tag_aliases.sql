-- Editors merge and rename tags. A merged tag keeps its row, marked merged_into its canonical
-- tag, so its name stays a known spelling; its slug becomes an alias, so old /tag/ URLs and
-- new stories that produce the old slug both land on the canonical tag.
ALTER TABLE tags ADD COLUMN merged_into TEXT REFERENCES tags (slug);
CREATE TABLE tag_aliases (
    alias_slug TEXT    PRIMARY KEY,
    tag        TEXT    NOT NULL REFERENCES tags (slug),
    created_at BIGINT  NOT NULL
);
CREATE INDEX tag_aliases_by_tag ON tag_aliases (tag);
