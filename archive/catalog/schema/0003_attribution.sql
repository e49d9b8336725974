-- 0003: every attribution keeps how sure it is and why, and whether a librarian confirmed it.
-- `source` is 'attribution' (the pipeline chose) or 'librarian' (a person confirmed or
-- corrected it); a verified attribution survives re-running attribution.

ALTER TABLE quotes ADD COLUMN confidence DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE quotes ADD COLUMN evidence TEXT;
ALTER TABLE quotes ADD COLUMN speaker_kind TEXT;
ALTER TABLE quotes ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
ALTER TABLE quotes ADD COLUMN source TEXT NOT NULL DEFAULT 'attribution';
ALTER TABLE quotes ADD COLUMN verified_by TEXT;
ALTER TABLE quotes ADD COLUMN verified_at TEXT;
CREATE INDEX IF NOT EXISTS quotes_for_review ON quotes (verified, confidence);
