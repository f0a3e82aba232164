-- Times are epoch milliseconds (UTC) in both dialects, so the SQL in the code is the same.

-- Every delivery, once per distinct content; the bytes themselves are in DATA/archive/.
CREATE TABLE deliveries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256      TEXT    NOT NULL UNIQUE,
    source      TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    name        TEXT,
    size        INTEGER NOT NULL,
    received_at INTEGER NOT NULL
);

-- One row per agency story (source + uri), holding its current version.
CREATE TABLE stories (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    source        TEXT    NOT NULL,
    uri           TEXT    NOT NULL,
    version       INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    reason        TEXT,
    section       TEXT    NOT NULL,
    slug          TEXT    NOT NULL,
    headline      TEXT    NOT NULL,
    urgency       INTEGER,
    item          TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER,
    published_at  INTEGER,
    embargo_until INTEGER,
    UNIQUE (source, uri)
);
CREATE INDEX stories_latest ON stories (status, published_at);
CREATE INDEX stories_by_section ON stories (section, status, published_at);
CREATE INDEX stories_embargo ON stories (status, embargo_until);

-- Every version ever received, with what it did, so any published state can be explained.
CREATE TABLE versions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id    INTEGER NOT NULL REFERENCES stories (id),
    version     INTEGER NOT NULL,
    delivery_id INTEGER REFERENCES deliveries (id),
    outcome     TEXT    NOT NULL,
    reason      TEXT,
    item        TEXT    NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE INDEX versions_by_story ON versions (story_id, version);

-- Tags are their own rows so that editors can merge and rename them later.
CREATE TABLE tags (
    slug TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE story_tags (
    story_id INTEGER NOT NULL REFERENCES stories (id),
    tag      TEXT    NOT NULL REFERENCES tags (slug),
    position INTEGER NOT NULL,
    PRIMARY KEY (story_id, tag)
);
CREATE INDEX story_tags_by_tag ON story_tags (tag);

-- Append-only: every change to a story's public state, read by every node's page cache.
CREATE TABLE events (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    story_id INTEGER NOT NULL,
    kind     TEXT    NOT NULL,
    at       INTEGER NOT NULL
);

CREATE TABLE push_keys (
    key_hash   TEXT PRIMARY KEY,
    source     TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
