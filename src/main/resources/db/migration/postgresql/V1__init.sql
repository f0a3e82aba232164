-- Times are epoch milliseconds (UTC) in both dialects, so the SQL in the code is the same.

-- Every delivery, once per distinct content; the bytes themselves are in DATA/archive/.
CREATE TABLE deliveries (
    id          BIGSERIAL PRIMARY KEY,
    sha256      TEXT    NOT NULL UNIQUE,
    source      TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    name        TEXT,
    size        BIGINT  NOT NULL,
    received_at BIGINT  NOT NULL
);

-- One row per agency story (source + uri), holding its current version.
CREATE TABLE stories (
    id            BIGSERIAL PRIMARY KEY,
    source        TEXT    NOT NULL,
    uri           TEXT    NOT NULL,
    version       BIGINT  NOT NULL,
    status        TEXT    NOT NULL,
    reason        TEXT,
    section       TEXT    NOT NULL,
    slug          TEXT    NOT NULL,
    headline      TEXT    NOT NULL,
    urgency       BIGINT,
    item          TEXT    NOT NULL,
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT,
    published_at  BIGINT,
    embargo_until BIGINT,
    UNIQUE (source, uri)
);
CREATE INDEX stories_latest ON stories (status, published_at);
CREATE INDEX stories_by_section ON stories (section, status, published_at);
CREATE INDEX stories_embargo ON stories (status, embargo_until);

-- Every version ever received, with what it did, so any published state can be explained.
CREATE TABLE versions (
    id          BIGSERIAL PRIMARY KEY,
    story_id    BIGINT  NOT NULL REFERENCES stories (id),
    version     BIGINT  NOT NULL,
    delivery_id BIGINT  REFERENCES deliveries (id),
    outcome     TEXT    NOT NULL,
    reason      TEXT,
    item        TEXT    NOT NULL,
    received_at BIGINT  NOT NULL
);
CREATE INDEX versions_by_story ON versions (story_id, version);

-- Tags are their own rows so that editors can merge and rename them later.
CREATE TABLE tags (
    slug TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE story_tags (
    story_id BIGINT  NOT NULL REFERENCES stories (id),
    tag      TEXT    NOT NULL REFERENCES tags (slug),
    position BIGINT  NOT NULL,
    PRIMARY KEY (story_id, tag)
);
CREATE INDEX story_tags_by_tag ON story_tags (tag);

-- Append-only: every change to a story's public state, read by every node's page cache.
CREATE TABLE events (
    seq      BIGSERIAL PRIMARY KEY,
    story_id BIGINT  NOT NULL,
    kind     TEXT    NOT NULL,
    at       BIGINT  NOT NULL
);

CREATE TABLE push_keys (
    key_hash   TEXT PRIMARY KEY,
    source     TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);
