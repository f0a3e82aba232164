-- Who changed which stored routing rule, when, from the desk. previous is the change this one
-- followed (0 for the first): unique, so two saves made from the same preview cannot both apply.
CREATE TABLE rule_changes (
    id       BIGSERIAL PRIMARY KEY,
    previous BIGINT  NOT NULL UNIQUE,
    at       BIGINT  NOT NULL,
    actor    TEXT    NOT NULL,
    rule     TEXT    NOT NULL,
    what     TEXT    NOT NULL,
    detail   TEXT
);
