-- Several nodes on one database. Each serving node says every second that it is alive and how far
-- it has applied the event table; a CDN purge waits until every live node has rendered the change
-- (else the CDN would fetch the old page again from a node still behind), and one node sends it.
CREATE TABLE nodes (
    name        TEXT   PRIMARY KEY,
    started_at  BIGINT NOT NULL,
    seen_at     BIGINT NOT NULL,
    applied_seq BIGINT NOT NULL DEFAULT 0
);
-- One row per purged event: the node whose INSERT wins sends the purge; the others skip it.
CREATE TABLE purge_claims (
    seq  BIGINT PRIMARY KEY,
    node TEXT   NOT NULL,
    at   BIGINT NOT NULL
);
CREATE INDEX purge_claims_by_time ON purge_claims (at);
-- Every node's publisher, indexer and live feed follow the event table. NOTIFY wakes them at the
-- commit instead of at their next poll; a notification missed while a node's listening connection
-- was down loses nothing, since followers read by sequence number and poll as well. The channel is
-- per schema, so that two sites sharing one database do not wake each other.
CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('taar_events_' || current_schema(), '');
    RETURN NULL;
END
$$;
CREATE TRIGGER events_notify AFTER INSERT ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_notify();
