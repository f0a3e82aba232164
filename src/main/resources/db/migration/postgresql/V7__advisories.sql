-- Kill advisories an agency sent that did not name exactly one story: kept for an editor
-- (ambiguous) or for the story still to come (pending); applied ones record what they killed.
CREATE TABLE advisories (
    id          BIGSERIAL PRIMARY KEY,
    source      TEXT    NOT NULL,
    delivery_id BIGINT  REFERENCES deliveries (id),
    text        TEXT    NOT NULL,
    candidates  TEXT    NOT NULL,
    story_id    BIGINT,
    status      TEXT    NOT NULL,
    created_at  BIGINT  NOT NULL
);
CREATE INDEX advisories_by_status ON advisories (source, status, id);
