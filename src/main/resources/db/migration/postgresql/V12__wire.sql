-- The desk's wire queue: one row per received item and what became of it (published, updated,
-- held, embargoed, duplicate, rejected, killed), newest first. A rejected delivery never becomes a
-- story, so story_id is null there; an editor's later action changes the story, not this row.
-- headline_key is the folded headline (org.taar.text.Folding.key) that the queue's search reads;
-- null only on rows copied here below, which the store folds in Java when it opens (WireLog).
CREATE TABLE wire (
    id            BIGSERIAL PRIMARY KEY,
    at            BIGINT  NOT NULL,
    source        TEXT    NOT NULL,
    agency        TEXT,
    story_id      BIGINT  REFERENCES stories (id),
    delivery_id   BIGINT  REFERENCES deliveries (id),
    name          TEXT,
    uri           TEXT,
    version       INTEGER,
    outcome       TEXT    NOT NULL,
    rule          TEXT,
    reason        TEXT,
    headline      TEXT,
    headline_key  TEXT,
    section       TEXT,
    language      TEXT,
    embargo_until BIGINT,
    original_id   BIGINT  REFERENCES stories (id)
);
-- Newest first is the primary key backwards; these serve a queue narrowed to one status, source
-- or time, and carry the outcome so that the counts per status are read from the index alone.
CREATE INDEX wire_by_outcome ON wire (outcome, id);
CREATE INDEX wire_by_source ON wire (source, id, outcome);
-- INCLUDE (id): SQLite's indexes carry the row id by themselves; here the page's ids come from the index too.
CREATE INDEX wire_by_at ON wire (at, outcome) INCLUDE (id);
CREATE INDEX wire_by_story ON wire (story_id);
CREATE INDEX wire_unfolded ON wire (id) WHERE headline_key IS NULL;

-- Every version received so far, in the order it came.
INSERT INTO wire (at, source, agency, story_id, delivery_id, uri, version, outcome, reason, headline, section,
                  language, embargo_until, original_id)
SELECT v.received_at, s.source, v.item::jsonb ->> 'agency', v.story_id, v.delivery_id, s.uri, v.version,
       v.outcome, v.reason, v.item::jsonb ->> 'headline', s.section, v.item::jsonb ->> 'language',
       CASE WHEN v.outcome = 'embargoed'
            THEN (EXTRACT(EPOCH FROM (v.item::jsonb ->> 'embargoed')::timestamptz) * 1000)::BIGINT END,
       d.original_id
FROM versions v
JOIN stories s ON s.id = v.story_id
LEFT JOIN story_duplicates d ON d.story_id = v.story_id
ORDER BY v.id;
