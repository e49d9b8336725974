-- 0002: aliases carry their folded key, so "the same person" is one rule (archive.personnames)
-- looked up by key in SQL; `meta` records which version of that rule made the stored keys.

ALTER TABLE aliases ADD COLUMN akey TEXT NOT NULL DEFAULT '';
CREATE INDEX IF NOT EXISTS aliases_by_key ON aliases (akey);

CREATE TABLE IF NOT EXISTS meta (
    name   TEXT PRIMARY KEY,
    value  TEXT
);
