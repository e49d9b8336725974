-- 0006 (server mode): the indexes a shared catalog's lookups need. Neither engine indexes a
-- referencing column by itself, and on a catalog of millions of rows a person's page, a
-- merge, a document's history or a user's tokens would otherwise read a whole table.

CREATE INDEX IF NOT EXISTS documents_by_original ON documents (original_sha256);
CREATE INDEX IF NOT EXISTS field_history_by_doc ON field_history (doc_id);
CREATE INDEX IF NOT EXISTS document_people_by_person ON document_people (person_id);
CREATE INDEX IF NOT EXISTS quotes_by_passage ON quotes (passage_id);
CREATE INDEX IF NOT EXISTS tokens_by_user ON tokens (user_id);
CREATE INDEX IF NOT EXISTS audit_by_target ON audit (target);
