-- The pictures a NewsML-G2 package gives a text story (uri = the story's own), kept apart from the
-- story's own media: the package may come before or after its story, and a later version of either
-- must not wipe out what the other gave. version is the package's; a newer package replaces the list.
CREATE TABLE package_media (
    source           TEXT    NOT NULL,
    story_uri        TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    media_id         INTEGER NOT NULL REFERENCES media (id),
    position         INTEGER NOT NULL,
    PRIMARY KEY (source, story_uri, media_id)
);

-- A package whose list is empty (canceled, or every picture dropped) still records its version.
CREATE TABLE packages (
    source           TEXT    NOT NULL,
    story_uri        TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    PRIMARY KEY (source, story_uri)
);

-- A drop-folder picture that arrives after its story looks for the source's latest deliveries.
CREATE INDEX deliveries_by_source ON deliveries (source, id);
