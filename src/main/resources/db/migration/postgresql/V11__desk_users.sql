-- The desk's people: a role each (admin, editor, viewer), an Argon2id password hash in PHC form,
-- and sessions kept in the store so that any node can answer a signed-in editor.
CREATE TABLE desk_users (
    id            BIGSERIAL PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    role          TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    BIGINT NOT NULL,
    changed_at    BIGINT NOT NULL
);

-- A session is known by the SHA-256 of its cookie (a copy of the table signs nobody in); its CSRF
-- token rides in every form the desk writes.
CREATE TABLE desk_sessions (
    token_hash   TEXT    PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES desk_users (id),
    csrf         TEXT    NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX desk_sessions_by_user ON desk_sessions (user_id);

-- Failed sign-ins per account (account:NAME) and per address (address:IP), so that every node slows
-- the same flood; a success clears the account's count.
CREATE TABLE login_failures (
    subject  TEXT    PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at  BIGINT NOT NULL
);
