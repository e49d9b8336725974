-- 0004: safe to leave running (issue 16).

-- Documents whose index entries may lag the catalog: a row is written in the transaction of
-- the change itself and deleted once the index has the change, so a crash or a busy index
-- in between leaves the row, and the next writer indexes the document (index/sync.py).
CREATE TABLE IF NOT EXISTS index_queue (
    id         {{id}},
    doc_id     INTEGER NOT NULL,
    queued_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS index_queue_by_doc ON index_queue (doc_id);

-- A user's sessions are valid while they carry the user's current generation: logout, a new
-- password, a new role or removal moves it on, which ends every session of that user.
ALTER TABLE users ADD COLUMN session_generation INTEGER NOT NULL DEFAULT 0;

-- Background jobs (a long upload): progress and results that every server process can read,
-- and which process runs the job, so a job whose process died reads as interrupted.
CREATE TABLE IF NOT EXISTS jobs (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    owner       TEXT NOT NULL,
    state       TEXT NOT NULL,
    total       INTEGER NOT NULL DEFAULT 0,
    done        INTEGER NOT NULL DEFAULT 0,
    message     TEXT,
    results     TEXT,
    runner      TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS jobs_by_owner ON jobs (owner, created_at);
