-- A tag's page lists its stories newest first. With each story's publication time kept beside its
-- tags, that is one backward walk of (tag, published_at) however large the archive; before, a tag
-- with a few hundred stories among a million was found by walking the whole site's newest stories.
-- The copy is written with the tags (StoryWrites) and follows every change of the story's own.
ALTER TABLE story_tags ADD COLUMN published_at BIGINT;
UPDATE story_tags t SET published_at = s.published_at FROM stories s WHERE s.id = t.story_id;
CREATE INDEX story_tags_latest ON story_tags (tag, published_at, story_id);
-- The new index begins with the tag: the old one is a prefix of it.
DROP INDEX story_tags_by_tag;
CREATE FUNCTION story_tags_follow_published_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE story_tags SET published_at = NEW.published_at WHERE story_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER story_tags_follow_published_at AFTER UPDATE OF published_at ON stories
    FOR EACH ROW WHEN (OLD.published_at IS DISTINCT FROM NEW.published_at)
    EXECUTE FUNCTION story_tags_follow_published_at();
