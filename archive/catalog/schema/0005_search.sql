-- 0005: what ingest found worth a librarian's look, per document: `flag` names it
-- ('long-passages': paragraphs over the length limit were split) and `detail` says what.
-- Clearing a flag (a librarian has checked) deletes its row; the audit log keeps who.

CREATE TABLE IF NOT EXISTS document_flags (
    doc_id      INTEGER NOT NULL REFERENCES documents (id),
    flag        TEXT NOT NULL,
    detail      TEXT NOT NULL,
    flagged_at  TEXT NOT NULL,
    PRIMARY KEY (doc_id, flag)
);
CREATE INDEX IF NOT EXISTS document_flags_by_flag ON document_flags (flag);
