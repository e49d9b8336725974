-- 0001: the catalog as the first version built it. SQL that SQLite and PostgreSQL both
-- accept: no engine-only types or functions; timestamps are ISO-8601 text in UTC; JSON
-- values are text. `{{id}}` is each engine's auto-numbered primary key.

CREATE TABLE IF NOT EXISTS originals (
    sha256      TEXT PRIMARY KEY,
    filename    TEXT NOT NULL,
    format      TEXT NOT NULL,
    bytes       INTEGER NOT NULL,
    added_at    TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    id               {{id}},
    content_sha256   TEXT NOT NULL UNIQUE,
    original_sha256  TEXT NOT NULL REFERENCES originals (sha256),
    record           INTEGER,
    filename         TEXT NOT NULL,
    format           TEXT NOT NULL,
    status           TEXT NOT NULL DEFAULT 'active',
    added_at         TEXT NOT NULL,
    added_by         TEXT,
    withdrawn_at     TEXT,
    withdrawn_by     TEXT,
    withdrawn_reason TEXT
);

CREATE TABLE IF NOT EXISTS fields (
    doc_id     INTEGER NOT NULL REFERENCES documents (id),
    name       TEXT NOT NULL,
    value      TEXT,
    source     TEXT NOT NULL,
    evidence   TEXT,
    uncertain  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, name)
);

CREATE TABLE IF NOT EXISTS field_history (
    id           {{id}},
    doc_id       INTEGER NOT NULL REFERENCES documents (id),
    name         TEXT NOT NULL,
    value        TEXT,
    source       TEXT,
    evidence     TEXT,
    uncertain    INTEGER NOT NULL DEFAULT 0,
    replaced_at  TEXT NOT NULL,
    replaced_by  TEXT
);

CREATE TABLE IF NOT EXISTS passages (
    id           TEXT PRIMARY KEY,
    doc_id       INTEGER NOT NULL REFERENCES documents (id),
    n            INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    text         TEXT NOT NULL,
    fingerprint  TEXT NOT NULL,
    UNIQUE (doc_id, n)
);
CREATE INDEX IF NOT EXISTS passages_by_fingerprint ON passages (fingerprint);

CREATE TABLE IF NOT EXISTS people (
    id     {{id}},
    name   TEXT NOT NULL,
    kind   TEXT NOT NULL DEFAULT 'person',
    role   TEXT,
    pkey   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS people_by_key ON people (pkey);

CREATE TABLE IF NOT EXISTS aliases (
    person_id  INTEGER NOT NULL REFERENCES people (id),
    alias      TEXT NOT NULL,
    PRIMARY KEY (person_id, alias)
);

CREATE TABLE IF NOT EXISTS document_people (
    doc_id     INTEGER NOT NULL REFERENCES documents (id),
    person_id  INTEGER NOT NULL REFERENCES people (id),
    role       TEXT,
    PRIMARY KEY (doc_id, person_id)
);

CREATE TABLE IF NOT EXISTS quotes (
    id          {{id}},
    doc_id      INTEGER NOT NULL REFERENCES documents (id),
    passage_id  TEXT NOT NULL REFERENCES passages (id),
    seq         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    person_id   INTEGER REFERENCES people (id),
    cue         TEXT,
    span_start  INTEGER NOT NULL DEFAULT 0,
    span_end    INTEGER NOT NULL DEFAULT 0,
    nested_in   INTEGER
);
CREATE INDEX IF NOT EXISTS quotes_by_person ON quotes (person_id);
CREATE INDEX IF NOT EXISTS quotes_by_doc ON quotes (doc_id);

CREATE TABLE IF NOT EXISTS users (
    id             {{id}},
    name           TEXT NOT NULL UNIQUE,
    role           TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    created_at     TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS tokens (
    id          {{id}},
    user_id     INTEGER NOT NULL REFERENCES users (id),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
);

CREATE TABLE IF NOT EXISTS audit (
    id      {{id}},
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT,
    before  TEXT,
    after   TEXT
);
