"""The catalog: documents, fields with provenance, passages, quotes and people in SQLite.

Everything a document is made of is written in one transaction, so a crash leaves a whole
document or none. The SQL stays portable to PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from archive.errors import NotFound
from archive.model import Document, Field, Original, Passage, PersonMention, Quote

SCHEMA = resources.files("archive").joinpath("schema.sql").read_text(encoding="utf-8")


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def passage_id(doc_id: int, n: int) -> str:
    return f"{doc_id}-p{n}"


def parse_passage_id(text: str) -> tuple[int, int] | None:
    """`12-p3` -> (12, 3); anything else -> None."""
    match = re.fullmatch(r"(\d+)-p(\d+)", text.strip())
    return (int(match.group(1)), int(match.group(2))) if match else None


def fingerprint(text: str) -> str:
    """The same words in the same order, whatever the spacing, case or punctuation."""
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
    return hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()


def name_key(name: str) -> str:
    """A person's name folded for matching: case, accents, honorifics and spacing ignored."""
    from archive.personnames import person_key  # the people stage owns the rule

    return person_key(name)


class Store:
    """The catalog over one SQLite file, with intention-named methods and no web code."""

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self._conn: sqlite3.Connection | None = None

    # -- connection -----------------------------------------------------------------

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.executescript(SCHEMA)
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work; rolled back whole on any error."""
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    # -- documents --------------------------------------------------------------------

    def find_by_content(self, content_sha256: str) -> int | None:
        row = self.conn.execute(
            "SELECT id FROM documents WHERE content_sha256 = ?", (content_sha256,)
        ).fetchone()
        return row["id"] if row else None

    def add_document(self, doc: Document, *, added_by: str | None = None) -> int:
        """Write a whole document (fields, passages, people, quotes); return its id."""
        with self.transaction() as conn:
            doc_id = self._insert_document(conn, doc, added_by)
            doc.id = doc_id
            self._insert_fields(conn, doc_id, doc.fields)
            self._insert_passages(conn, doc_id, doc.passages)
            people = self._upsert_people(conn, doc_id, doc.people)
            self._insert_quotes(conn, doc_id, doc.quotes, people)
            self._audit(
                conn,
                added_by or "cli",
                "add",
                f"document:{doc_id}",
                None,
                {"filename": doc.original.filename, "title": doc.value("title")},
            )
        return doc_id

    def _insert_document(
        self, conn: sqlite3.Connection, doc: Document, added_by: str | None
    ) -> int:
        original = doc.original
        conn.execute(
            "INSERT INTO originals (sha256, filename, format, bytes, added_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
            (original.sha256, original.filename, original.format, original.bytes, now_iso()),
        )
        cursor = conn.execute(
            "INSERT INTO documents (content_sha256, original_sha256, record, filename, format, "
            "status, added_at, added_by) VALUES (?, ?, ?, ?, ?, 'active', ?, ?)",
            (
                original.content_sha256 or original.sha256,
                original.sha256,
                original.record,
                original.filename,
                original.format,
                now_iso(),
                added_by,
            ),
        )
        return int(cursor.lastrowid)

    def _insert_fields(
        self, conn: sqlite3.Connection, doc_id: int, fields: dict[str, Field]
    ) -> None:
        conn.executemany(
            "INSERT INTO fields (doc_id, name, value, source, evidence, uncertain) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    doc_id,
                    name,
                    json.dumps(f.value, ensure_ascii=False),
                    f.source,
                    f.evidence,
                    int(f.uncertain),
                )
                for name, f in fields.items()
            ],
        )

    def _insert_passages(
        self, conn: sqlite3.Connection, doc_id: int, passages: list[Passage]
    ) -> None:
        for passage in passages:
            passage.id = passage_id(doc_id, passage.n)
        conn.executemany(
            "INSERT INTO passages (id, doc_id, n, kind, text, fingerprint) VALUES (?, ?, ?, ?, ?, ?)",
            [(p.id, doc_id, p.n, p.kind, p.text, fingerprint(p.text)) for p in passages],
        )

    def _upsert_people(
        self, conn: sqlite3.Connection, doc_id: int, mentions: list[PersonMention]
    ) -> dict[str, int]:
        """Link each mention to one person record across the archive; name -> person id."""
        ids: dict[str, int] = {}
        for mention in mentions:
            person_id = self._match_person(conn, mention) or self._insert_person(conn, mention)
            self._add_aliases(conn, person_id, [mention.name, *mention.aliases])
            if mention.role:
                conn.execute(
                    "UPDATE people SET role = ? WHERE id = ? AND role IS NULL",
                    (mention.role, person_id),
                )
            conn.execute(
                "INSERT INTO document_people (doc_id, person_id, role) VALUES (?, ?, ?) "
                "ON CONFLICT (doc_id, person_id) DO NOTHING",
                (doc_id, person_id, mention.role),
            )
            for name in [mention.name, *mention.aliases]:
                ids.setdefault(name, person_id)
        return ids

    def _match_person(self, conn: sqlite3.Connection, mention: PersonMention) -> int | None:
        """The same real person: same full name, never the surname alone."""
        key = name_key(mention.name)
        row = conn.execute(
            "SELECT id FROM people WHERE pkey = ? AND kind = ? ORDER BY id LIMIT 1",
            (key, mention.kind),
        ).fetchone()
        if row is None and (mention.kind != "person" or len(mention.name.split()) >= 2):
            # a full name recorded as an alias, e.g. after a librarian merged two records
            row = conn.execute(
                "SELECT a.person_id AS id FROM aliases a JOIN people p ON p.id = a.person_id "
                "WHERE a.alias = ? AND p.kind = ? ORDER BY a.person_id LIMIT 1",
                (mention.name, mention.kind),
            ).fetchone()
        return row["id"] if row else None

    def _insert_person(self, conn: sqlite3.Connection, mention: PersonMention) -> int:
        cursor = conn.execute(
            "INSERT INTO people (name, kind, role, pkey) VALUES (?, ?, ?, ?)",
            (mention.name, mention.kind, mention.role, name_key(mention.name)),
        )
        return int(cursor.lastrowid)

    def _add_aliases(self, conn: sqlite3.Connection, person_id: int, aliases: list[str]) -> None:
        conn.executemany(
            "INSERT INTO aliases (person_id, alias) VALUES (?, ?) "
            "ON CONFLICT (person_id, alias) DO NOTHING",
            [(person_id, alias) for alias in dict.fromkeys(a for a in aliases if a)],
        )

    def _insert_quotes(
        self, conn: sqlite3.Connection, doc_id: int, quotes: list[Quote], people: dict[str, int]
    ) -> None:
        for seq, quote in enumerate(quotes):
            person_id = people.get(quote.speaker) if quote.speaker else None
            if quote.speaker and person_id is None:
                mention = PersonMention(name=quote.speaker)
                person_id = self._match_person(conn, mention) or self._insert_person(conn, mention)
                self._add_aliases(conn, person_id, [quote.speaker])
                people[quote.speaker] = person_id
                conn.execute(
                    "INSERT INTO document_people (doc_id, person_id) VALUES (?, ?) "
                    "ON CONFLICT (doc_id, person_id) DO NOTHING",
                    (doc_id, person_id),
                )
            cursor = conn.execute(
                "INSERT INTO quotes (doc_id, passage_id, seq, text, person_id, cue, span_start, "
                "span_end, nested_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc_id,
                    passage_id(doc_id, quote.passage_n),
                    seq,
                    quote.text,
                    person_id,
                    quote.cue,
                    quote.start,
                    quote.end,
                    quote.nested_in,
                ),
            )
            quote.id = int(cursor.lastrowid)

    def get_document(self, doc_id: int, *, include_withdrawn: bool = False) -> Document:
        """The whole document; NotFound for an unknown (or, to readers, withdrawn) id."""
        row = self.document_row(doc_id)
        if row["status"] != "active" and not include_withdrawn:
            raise NotFound(f"no document with id {doc_id}")
        original = self.conn.execute(
            "SELECT * FROM originals WHERE sha256 = ?", (row["original_sha256"],)
        ).fetchone()
        doc = Document(
            original=Original(
                filename=row["filename"],
                sha256=row["original_sha256"],
                format=row["format"],
                bytes=original["bytes"],
                record=row["record"],
                content_sha256=row["content_sha256"],
            ),
            id=row["id"],
            status=row["status"],
        )
        doc.fields = self.fields_of(doc_id)
        doc.passages = self.passages_of(doc_id)
        doc.quotes = self.quotes_of(doc_id)
        speakers = self._speakers_by_passage(doc_id)
        for passage in doc.passages:
            passage.speakers = speakers.get(passage.id, [])
        doc.people = self.people_of(doc_id)
        return doc

    def document_row(self, doc_id: int) -> sqlite3.Row:
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise NotFound(f"no document with id {doc_id}")
        return row

    def fields_of(self, doc_id: int) -> dict[str, Field]:
        rows = self.conn.execute(
            "SELECT name, value, source, evidence, uncertain FROM fields WHERE doc_id = ? "
            "ORDER BY name",
            (doc_id,),
        )
        return {
            r["name"]: Field(
                json.loads(r["value"]) if r["value"] is not None else None,
                r["source"],
                r["evidence"],
                bool(r["uncertain"]),
            )
            for r in rows
        }

    def passages_of(self, doc_id: int) -> list[Passage]:
        rows = self.conn.execute(
            "SELECT id, n, kind, text FROM passages WHERE doc_id = ? ORDER BY n", (doc_id,)
        )
        return [Passage(n=r["n"], kind=r["kind"], text=r["text"], id=r["id"]) for r in rows]

    def quotes_of(self, doc_id: int) -> list[Quote]:
        rows = self.conn.execute(
            "SELECT q.*, p.name AS speaker, ps.n AS passage_n FROM quotes q "
            "LEFT JOIN people p ON p.id = q.person_id JOIN passages ps ON ps.id = q.passage_id "
            "WHERE q.doc_id = ? ORDER BY q.seq",
            (doc_id,),
        )
        return [
            Quote(
                text=r["text"],
                passage_n=r["passage_n"],
                speaker=r["speaker"],
                cue=r["cue"],
                start=r["span_start"],
                end=r["span_end"],
                nested_in=r["nested_in"],
                id=r["id"],
            )
            for r in rows
        ]

    def _speakers_by_passage(self, doc_id: int) -> dict[str, list[str]]:
        rows = self.conn.execute(
            "SELECT q.passage_id, p.name FROM quotes q JOIN people p ON p.id = q.person_id "
            "WHERE q.doc_id = ? ORDER BY q.seq",
            (doc_id,),
        )
        speakers: dict[str, list[str]] = {}
        for r in rows:
            names = speakers.setdefault(r["passage_id"], [])
            if r["name"] not in names:
                names.append(r["name"])
        return speakers

    def people_of(self, doc_id: int) -> list[PersonMention]:
        rows = self.conn.execute(
            "SELECT p.id, p.name, p.kind, COALESCE(dp.role, p.role) AS role FROM document_people dp "
            "JOIN people p ON p.id = dp.person_id WHERE dp.doc_id = ? ORDER BY p.name",
            (doc_id,),
        )
        return [
            PersonMention(
                name=r["name"], kind=r["kind"], role=r["role"], aliases=self.aliases_of(r["id"])
            )
            for r in rows
        ]

    def aliases_of(self, person_id: int) -> list[str]:
        rows = self.conn.execute(
            "SELECT alias FROM aliases WHERE person_id = ? ORDER BY alias", (person_id,)
        )
        return [r["alias"] for r in rows]

    def document_ids(self, *, status: str | None = "active") -> list[int]:
        if status is None:
            rows = self.conn.execute("SELECT id FROM documents ORDER BY id")
        else:
            rows = self.conn.execute(
                "SELECT id FROM documents WHERE status = ? ORDER BY id", (status,)
            )
        return [r["id"] for r in rows]

    def iter_documents(self, *, status: str | None = "active") -> Iterator[Document]:
        for doc_id in self.document_ids(status=status):
            yield self.get_document(doc_id, include_withdrawn=True)

    def count_documents(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT status, COUNT(*) AS n FROM documents GROUP BY status")
        return {r["status"]: r["n"] for r in rows}

    def passage_counts(self) -> dict[int, int]:
        """Active document id -> number of passages: what the index should hold."""
        rows = self.conn.execute(
            "SELECT d.id, COUNT(p.id) AS n FROM documents d LEFT JOIN passages p ON p.doc_id = d.id "
            "WHERE d.status = 'active' GROUP BY d.id"
        )
        return {r["id"]: r["n"] for r in rows}

    def original_hashes(self) -> list[str]:
        return [
            r["sha256"] for r in self.conn.execute("SELECT sha256 FROM originals ORDER BY sha256")
        ]

    def added_at(self, doc_id: int) -> str:
        return self.document_row(doc_id)["added_at"]

    def documents_sharing_passage(self, fingerprint_: str) -> list[int]:
        """Active documents holding a passage with these words (reposts, syndication)."""
        rows = self.conn.execute(
            "SELECT DISTINCT p.doc_id FROM passages p JOIN documents d ON d.id = p.doc_id "
            "WHERE p.fingerprint = ? AND d.status = 'active' ORDER BY p.doc_id",
            (fingerprint_,),
        )
        return [r["doc_id"] for r in rows]

    # -- corrections and withdrawal --------------------------------------------------------

    def update_fields(
        self, doc_id: int, changes: dict[str, Any], *, actor: str, evidence: str | None = None
    ) -> dict[str, Field]:
        """Set fields typed by a person (source `librarian`), keeping the old values in history."""
        self.document_row(doc_id)
        before = self.fields_of(doc_id)
        with self.transaction() as conn:
            for name, value in changes.items():
                old = before.get(name)
                if old is not None:
                    conn.execute(
                        "INSERT INTO field_history (doc_id, name, value, source, evidence, "
                        "uncertain, replaced_at, replaced_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            doc_id,
                            name,
                            json.dumps(old.value, ensure_ascii=False),
                            old.source,
                            old.evidence,
                            int(old.uncertain),
                            now_iso(),
                            actor,
                        ),
                    )
                conn.execute("DELETE FROM fields WHERE doc_id = ? AND name = ?", (doc_id, name))
                if value not in (None, "", []):
                    conn.execute(
                        "INSERT INTO fields (doc_id, name, value, source, evidence, uncertain) "
                        "VALUES (?, ?, ?, 'librarian', ?, 0)",
                        (
                            doc_id,
                            name,
                            json.dumps(value, ensure_ascii=False),
                            evidence or f"corrected by {actor}",
                        ),
                    )
            self._audit(
                conn,
                actor,
                "correct",
                f"document:{doc_id}",
                {n: before[n].value if n in before else None for n in changes},
                dict(changes),
            )
        return self.fields_of(doc_id)

    def field_history(self, doc_id: int) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT name, value, source, evidence, replaced_at, replaced_by FROM field_history "
            "WHERE doc_id = ? ORDER BY id",
            (doc_id,),
        )
        return [dict(r) | {"value": json.loads(r["value"]) if r["value"] else None} for r in rows]

    def withdraw(self, doc_id: int, *, reason: str, actor: str) -> None:
        """Hide a document from readers; the original and the catalog rows stay."""
        row = self.document_row(doc_id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE documents SET status = 'withdrawn', withdrawn_at = ?, withdrawn_by = ?, "
                "withdrawn_reason = ? WHERE id = ?",
                (now_iso(), actor, reason, doc_id),
            )
            self._audit(
                conn,
                actor,
                "withdraw",
                f"document:{doc_id}",
                {"status": row["status"]},
                {"status": "withdrawn", "reason": reason},
            )

    def reinstate(self, doc_id: int, *, actor: str) -> None:
        row = self.document_row(doc_id)
        with self.transaction() as conn:
            conn.execute(
                "UPDATE documents SET status = 'active', withdrawn_at = NULL, withdrawn_by = NULL, "
                "withdrawn_reason = NULL WHERE id = ?",
                (doc_id,),
            )
            self._audit(
                conn,
                actor,
                "reinstate",
                f"document:{doc_id}",
                {"status": row["status"], "reason": row["withdrawn_reason"]},
                {"status": "active"},
            )

    # -- audit ---------------------------------------------------------------------------

    def _audit(
        self,
        conn: sqlite3.Connection,
        actor: str,
        action: str,
        target: str | None,
        before: Any,
        after: Any,
    ) -> None:
        conn.execute(
            "INSERT INTO audit (at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)",
            (
                now_iso(),
                actor,
                action,
                target,
                json.dumps(before, ensure_ascii=False) if before is not None else None,
                json.dumps(after, ensure_ascii=False) if after is not None else None,
            ),
        )

    def record_audit(
        self, actor: str, action: str, target: str | None, before: Any = None, after: Any = None
    ) -> None:
        with self.transaction() as conn:
            self._audit(conn, actor, action, target, before, after)

    def audit_log(self, *, limit: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM audit ORDER BY id DESC" + (" LIMIT ?" if limit else "")
        rows = self.conn.execute(sql, (limit,) if limit else ())
        return [
            dict(r)
            | {
                "before": json.loads(r["before"]) if r["before"] else None,
                "after": json.loads(r["after"]) if r["after"] else None,
            }
            for r in rows
        ]
