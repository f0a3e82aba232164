-- Pictures, video and audio. A media row is one agency media item (source + its uri), whatever
-- story shows it; a re-send with a newer version replaces its renditions, so every page showing it
-- changes. status: 'pending' (known, bytes not yet read or rendered), 'ready' (renditions made),
-- 'failed' (bad or unreachable bytes: warning says why; its stories go out without it),
-- 'withdrawn' (the agency canceled it), 'unlicensed' (the source may not publish pictures).
CREATE TABLE media (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    source           TEXT    NOT NULL,
    uri              TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    kind             TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    caption          TEXT,
    credit           TEXT,
    alt              TEXT,
    href             TEXT,
    original_sha256  TEXT,
    content_type     TEXT,
    width            INTEGER,
    height           INTEGER,
    warning          TEXT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_try_at      INTEGER NOT NULL DEFAULT 0,
    updated_at       INTEGER NOT NULL,
    UNIQUE (source, uri)
);
CREATE INDEX media_pending ON media (status, next_try_at);

-- What a reader is served: one row per made rendition. name: 'w320' 'w640' 'w1024' 'w1600' (widths),
-- 'og' (1200 wide), 'r16x9' 'r4x3' 'r1x1' (crops for search engines), 'poster' (a video's), 'original'
-- (video and audio are served as the agency sent them). The bytes are under DATA/media/, by sha256.
CREATE TABLE media_renditions (
    media_id         INTEGER NOT NULL REFERENCES media (id),
    name             TEXT    NOT NULL,
    format           TEXT    NOT NULL,
    sha256           TEXT    NOT NULL,
    content_type     TEXT    NOT NULL,
    width            INTEGER,
    height           INTEGER,
    size             INTEGER NOT NULL,
    PRIMARY KEY (media_id, name, format)
);
CREATE INDEX media_renditions_sha ON media_renditions (sha256);

-- Which stories show which media, in the order the story gives them (position 0 is the lead).
CREATE TABLE story_media (
    story_id         INTEGER NOT NULL REFERENCES stories (id),
    media_id         INTEGER NOT NULL REFERENCES media (id),
    position         INTEGER NOT NULL,
    PRIMARY KEY (story_id, media_id)
);
CREATE INDEX story_media_by_media ON story_media (media_id);
