-- A tag's page lists its stories newest first. With each story's publication time kept beside its
-- tags, that is one backward walk of (tag, published_at) however large the archive; before, a tag
-- with a few hundred stories among a million was found by walking the whole site's newest stories.
-- The copy is written with the tags (StoryWrites) and follows every change of the story's own.
ALTER TABLE story_tags ADD COLUMN published_at INTEGER;
UPDATE story_tags SET published_at = (SELECT s.published_at FROM stories s WHERE s.id = story_tags.story_id);
CREATE INDEX story_tags_latest ON story_tags (tag, published_at, story_id);
-- The new index begins with the tag: the old one is a prefix of it.
DROP INDEX story_tags_by_tag;
CREATE TRIGGER story_tags_follow_published_at AFTER UPDATE OF published_at ON stories
WHEN OLD.published_at IS NOT NEW.published_at
BEGIN
    UPDATE story_tags SET published_at = NEW.published_at WHERE story_id = NEW.id;
END;
