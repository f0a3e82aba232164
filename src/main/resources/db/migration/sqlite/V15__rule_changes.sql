-- Who changed which stored routing rule, when, from the desk. previous is the change this one
-- followed (0 for the first): unique, so two saves made from the same preview cannot both apply.
CREATE TABLE rule_changes (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    previous INTEGER  NOT NULL UNIQUE,
    at       INTEGER  NOT NULL,
    actor    TEXT    NOT NULL,
    rule     TEXT    NOT NULL,
    what     TEXT    NOT NULL,
    detail   TEXT
);
