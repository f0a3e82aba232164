-- Every address a story had before its headline (and so its slug) changed. The old address
-- answers 301 to the current one; the publisher drops the page cached under it.
CREATE TABLE story_paths (
    path     TEXT    PRIMARY KEY,
    story_id INTEGER NOT NULL REFERENCES stories (id),
    moved_at INTEGER NOT NULL
);
CREATE INDEX story_paths_by_story ON story_paths (story_id);

-- When the agency last sent a correction of the story: the article shows a notice from then on,
-- also after later versions that are plain updates.
ALTER TABLE stories ADD COLUMN corrected_at INTEGER;
