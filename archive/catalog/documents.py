"""Documents in the catalog: written whole in one transaction, read back as model objects.

A document is its catalog entry, its fields with provenance (and the history of corrected
values), its passages and its quotes; the people it quotes are the people part's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from archive.catalog.database import Database, Row, now_iso
from archive.catalog.records import DocumentInfo, HistoryEntry
from archive.errors import NotFound
from archive.model import Document, Field, Original, Passage, fingerprint, passage_id

if TYPE_CHECKING:
    from archive.catalog.catalog import Catalog

SUMMARY_FIELDS = ("title", "outlet", "published")
_CHUNK = 500  # ids per IN (...) list


class Documents:
    def __init__(self, db: Database, catalog: Catalog) -> None:
        self.db = db
        self.catalog = catalog

    # -- writing ---------------------------------------------------------------------------

    def add(self, doc: Document, *, added_by: str | None = None) -> int:
        """Write a whole document (fields, passages, people, quotes); return its id."""
        with self.db.transaction():
            doc_id = self._insert_entry(doc, added_by)
            doc.id = doc_id
            self._insert_fields(doc_id, doc.fields)
            self._insert_passages(doc_id, doc.passages)
            self._insert_flags(doc_id, doc.flags)
            people = self.catalog.people.record_mentions(doc_id, doc.people)
            self.catalog.quotes.insert(doc_id, doc.quotes, people)
            self.catalog.audit.write(
                added_by or "cli",
                "add",
                f"document:{doc_id}",
                None,
                {"filename": doc.original.filename, "title": doc.value("title")},
            )
            self.catalog.index_queue.add([doc_id])  # cleared once the index has it
        return doc_id

    def _insert_entry(self, doc: Document, added_by: str | None) -> int:
        original = doc.original
        self.db.run(
            "INSERT INTO originals (sha256, filename, format, bytes, added_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
            (original.sha256, original.filename, original.format, original.bytes, now_iso()),
        )
        return self.db.insert(
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

    def _insert_fields(self, doc_id: int, fields: dict[str, Field]) -> None:
        self.db.run_many(
            "INSERT INTO fields (doc_id, name, value, source, evidence, uncertain) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (doc_id, name, _dump(f.value), f.source, f.evidence, int(f.uncertain))
                for name, f in fields.items()
            ],
        )

    def _insert_passages(self, doc_id: int, passages: list[Passage]) -> None:
        for passage in passages:
            passage.id = passage_id(doc_id, passage.n)
        self.db.run_many(
            "INSERT INTO passages (id, doc_id, n, kind, text, fingerprint) VALUES (?, ?, ?, ?, ?, ?)",
            [(p.id, doc_id, p.n, p.kind, p.text, fingerprint(p.text)) for p in passages],
        )

    def _insert_flags(self, doc_id: int, flags: dict[str, str]) -> None:
        self.db.run_many(
            "INSERT INTO document_flags (doc_id, flag, detail, flagged_at) VALUES (?, ?, ?, ?)",
            [(doc_id, flag, detail, now_iso()) for flag, detail in flags.items()],
        )

    def clear_flag(self, doc_id: int, flag: str, *, actor: str) -> None:
        """A librarian has checked what a flag pointed at: drop it (the audit log keeps it)."""
        detail = self.flags_of(doc_id).get(flag)
        if detail is None:
            raise NotFound(f"document {doc_id} has no flag {flag!r}")
        with self.db.transaction():
            self.db.run("DELETE FROM document_flags WHERE doc_id = ? AND flag = ?", (doc_id, flag))
            self.catalog.audit.write(
                actor, "clear-flag", f"document:{doc_id}", {flag: detail}, None
            )

    # -- reading ---------------------------------------------------------------------------

    def find_by_content(self, content_sha256: str) -> int | None:
        """The document with these bytes (a WARC record's payload), if archived."""
        return self.db.scalar(
            "SELECT id FROM documents WHERE content_sha256 = ?", (content_sha256,)
        )

    def info(self, doc_id: int) -> DocumentInfo:
        """The catalog entry of any document (withdrawn ones too); NotFound if unknown."""
        row = self.db.one("SELECT * FROM documents WHERE id = ?", (_id(doc_id),))
        if row is None:
            raise NotFound(f"no document with id {doc_id}")
        return _info(row, self.summaries([row["id"]])[row["id"]])

    def get(
        self,
        doc_id: int,
        *,
        include_withdrawn: bool = False,
        passages: tuple[int, int] | None = None,
    ) -> Document:
        """The whole document; NotFound for an unknown (or, to readers, withdrawn) id. With
        `passages` (first, last), only those passages are read (a long document's page)."""
        doc = self._entry(doc_id, include_withdrawn)
        doc.passages = self.passages_of(doc.id, passages)
        doc.quotes = self.catalog.quotes.of_document(doc.id)
        speakers = self.catalog.quotes.speakers_by_passage(doc.id)
        for passage in doc.passages:
            passage.speakers = speakers.get(passage.id or "", [])
        doc.people = self.catalog.people.mentions_in(doc.id)
        return doc

    def get_passages(self, doc_id: int, numbers: list[int]) -> Document:
        """A document (withdrawn ones too) with only the passages numbered `numbers` and
        their quotes: what reindexing those passages needs, read in time that follows them."""
        doc = self._entry(doc_id, include_withdrawn=True)
        wanted = [passage_id(doc.id, n) for n in dict.fromkeys(numbers)]
        rows = self.db.all(
            "SELECT id, n, kind, text FROM passages WHERE doc_id = ? "
            f"AND id IN ({_marks(wanted) or 'NULL'}) ORDER BY n",
            (doc.id, *wanted),
        )
        doc.passages = [Passage(n=r["n"], kind=r["kind"], text=r["text"], id=r["id"]) for r in rows]
        doc.quotes = self.catalog.quotes.of_document(doc.id, wanted)
        speakers = self.catalog.quotes.speakers_by_passage(doc.id, wanted)
        for passage in doc.passages:
            passage.speakers = speakers.get(passage.id or "", [])
        return doc

    def _entry(self, doc_id: int, include_withdrawn: bool) -> Document:
        """A document's entry and fields, without passages, quotes or people."""
        info = self.info(doc_id)
        if not info.active and not include_withdrawn:
            raise NotFound(f"no document with id {doc_id}")
        size = self.db.scalar(
            "SELECT bytes FROM originals WHERE sha256 = ?", (info.original_sha256,)
        )
        doc = Document(
            original=Original(
                filename=info.filename,
                sha256=info.original_sha256,
                format=info.format,
                bytes=int(size or 0),
                record=info.record,
                content_sha256=info.content_sha256,
            ),
            id=info.id,
            status=info.status,
        )
        doc.fields = self.fields_of(info.id)
        doc.flags = self.flags_of(info.id)
        return doc

    def fields_of(self, doc_id: int) -> dict[str, Field]:
        rows = self.db.all(
            "SELECT name, value, source, evidence, uncertain FROM fields WHERE doc_id = ? "
            "ORDER BY name",
            (doc_id,),
        )
        return {
            r["name"]: Field(_load(r["value"]), r["source"], r["evidence"], bool(r["uncertain"]))
            for r in rows
        }

    def flags_of(self, doc_id: int) -> dict[str, str]:
        """What ingest flagged in a document for a librarian: flag -> detail."""
        rows = self.db.all(
            "SELECT flag, detail FROM document_flags WHERE doc_id = ? ORDER BY flag", (doc_id,)
        )
        return {r["flag"]: r["detail"] for r in rows}

    def flagged_ids(self) -> list[int]:
        """Documents with a flag a librarian has not cleared, newest first."""
        rows = self.db.all("SELECT DISTINCT doc_id FROM document_flags ORDER BY doc_id DESC")
        return [r["doc_id"] for r in rows]

    def passages_of(self, doc_id: int, span: tuple[int, int] | None = None) -> list[Passage]:
        """A document's passages in order (those numbered `span[0]` to `span[1]` if given)."""
        if span is None:
            rows = self.db.all(
                "SELECT id, n, kind, text FROM passages WHERE doc_id = ? ORDER BY n", (doc_id,)
            )
        else:
            rows = self.db.all(
                "SELECT id, n, kind, text FROM passages WHERE doc_id = ? AND n BETWEEN ? AND ? "
                "ORDER BY n",
                (doc_id, *span),
            )
        return [Passage(n=r["n"], kind=r["kind"], text=r["text"], id=r["id"]) for r in rows]

    def passage_count(self, doc_id: int) -> int:
        """How many passages an active document has; NotFound for an unknown or withdrawn one."""
        if not self.info(doc_id).active:
            raise NotFound(f"no document with id {doc_id}")
        return int(self.db.scalar("SELECT COUNT(*) FROM passages WHERE doc_id = ?", (doc_id,)) or 0)

    def ids(self, *, status: str | None = "active") -> list[int]:
        if status is None:
            return [r["id"] for r in self.db.all("SELECT id FROM documents ORDER BY id")]
        rows = self.db.all("SELECT id FROM documents WHERE status = ? ORDER BY id", (status,))
        return [r["id"] for r in rows]

    def iterate(self, *, status: str | None = "active") -> Iterator[Document]:
        """Every document (of a status), whole, in id order."""
        for doc_id in self.ids(status=status):
            yield self.get(doc_id, include_withdrawn=True)

    def active_among(self, doc_ids: list[int]) -> set[int]:
        """Which of these documents are active (readers may see them)."""
        wanted = [d for d in dict.fromkeys(doc_ids) if isinstance(d, int) and 0 < d < 2**63]
        found: set[int] = set()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            rows = self.db.all(
                f"SELECT id FROM documents WHERE status = 'active' AND id IN ({_marks(chunk)})",
                chunk,
            )
            found.update(r["id"] for r in rows)
        return found

    def counts(self) -> dict[str, int]:
        """Documents per status."""
        rows = self.db.all("SELECT status, COUNT(*) AS n FROM documents GROUP BY status")
        return {r["status"]: r["n"] for r in rows}

    def passage_counts(self) -> dict[int, int]:
        """Active document id -> number of passages: what the index should hold."""
        rows = self.db.all(
            "SELECT d.id, COUNT(p.id) AS n FROM documents d LEFT JOIN passages p ON p.doc_id = d.id "
            "WHERE d.status = 'active' GROUP BY d.id"
        )
        return {r["id"]: r["n"] for r in rows}

    def original_hashes(self) -> list[str]:
        return [r["sha256"] for r in self.db.all("SELECT sha256 FROM originals ORDER BY sha256")]

    def listing(
        self,
        *,
        status: str | None = None,
        flagged: bool = False,
        limit: int = 100,
        offset: int = 0,
    ) -> list[DocumentInfo]:
        """Newest first, any status (or one), with title, outlet and flags, for librarians;
        with `flagged`, only documents carrying a flag."""
        where, params = (["status = ?"], [status]) if status else ([], [])
        if flagged:
            where.append("id IN (SELECT doc_id FROM document_flags)")
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.db.all(
            f"SELECT * FROM documents {clause} ORDER BY id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        ids = [r["id"] for r in rows]
        summaries = self.summaries(ids)
        flags = self._flag_names(ids)
        return [_info(r, summaries[r["id"]], flags.get(r["id"], ())) for r in rows]

    def _flag_names(self, doc_ids: list[int]) -> dict[int, tuple[str, ...]]:
        found: dict[int, tuple[str, ...]] = {}
        for start in range(0, len(doc_ids), _CHUNK):
            chunk = doc_ids[start : start + _CHUNK]
            rows = self.db.all(
                f"SELECT doc_id, flag FROM document_flags WHERE doc_id IN ({_marks(chunk)}) "
                "ORDER BY flag",
                tuple(chunk),
            )
            for r in rows:
                found[r["doc_id"]] = (*found.get(r["doc_id"], ()), r["flag"])
        return found

    def summaries(self, doc_ids: list[int]) -> dict[int, dict[str, Any]]:
        """Title, outlet and published date of each document, by id."""
        found: dict[int, dict[str, Any]] = {d: dict.fromkeys(SUMMARY_FIELDS) for d in doc_ids}
        for start in range(0, len(doc_ids), _CHUNK):
            chunk = doc_ids[start : start + _CHUNK]
            rows = self.db.all(
                f"SELECT doc_id, name, value FROM fields WHERE doc_id IN ({_marks(chunk)}) "
                f"AND name IN ({_marks(SUMMARY_FIELDS)})",
                (*chunk, *SUMMARY_FIELDS),
            )
            for r in rows:
                found[r["doc_id"]][r["name"]] = _load(r["value"])
        return found

    # -- corrections and withdrawal --------------------------------------------------------

    def update_fields(
        self, doc_id: int, changes: dict[str, Any], *, actor: str, evidence: str | None = None
    ) -> dict[str, Field]:
        """Set fields typed by a person (source `librarian`), keeping the old values in history."""
        self.info(doc_id)
        before = self.fields_of(doc_id)
        with self.db.transaction():
            for name, value in changes.items():
                self._replace_field(doc_id, name, before.get(name), value, actor, evidence)
            self.catalog.audit.write(
                actor,
                "correct",
                f"document:{doc_id}",
                {n: before[n].value if n in before else None for n in changes},
                dict(changes),
            )
        return self.fields_of(doc_id)

    def _replace_field(
        self,
        doc_id: int,
        name: str,
        old: Field | None,
        value: Any,
        actor: str,
        evidence: str | None,
    ) -> None:
        if old is not None:
            self.db.run(
                "INSERT INTO field_history (doc_id, name, value, source, evidence, "
                "uncertain, replaced_at, replaced_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc_id,
                    name,
                    _dump(old.value),
                    old.source,
                    old.evidence,
                    int(old.uncertain),
                    now_iso(),
                    actor,
                ),
            )
        self.db.run("DELETE FROM fields WHERE doc_id = ? AND name = ?", (doc_id, name))
        if value not in (None, "", []):
            self.db.run(
                "INSERT INTO fields (doc_id, name, value, source, evidence, uncertain) "
                "VALUES (?, ?, ?, 'librarian', ?, 0)",
                (doc_id, name, _dump(value), evidence or f"corrected by {actor}"),
            )

    def field_history(self, doc_id: int) -> list[HistoryEntry]:
        rows = self.db.all(
            "SELECT name, value, source, evidence, replaced_at, replaced_by FROM field_history "
            "WHERE doc_id = ? ORDER BY id",
            (doc_id,),
        )
        return [HistoryEntry(**(r | {"value": _load(r["value"])})) for r in rows]

    def withdraw(self, doc_id: int, *, reason: str, actor: str) -> None:
        """Hide a document from readers; the original and the catalog rows stay."""
        info = self.info(doc_id)
        with self.db.transaction():
            self.db.run(
                "UPDATE documents SET status = 'withdrawn', withdrawn_at = ?, withdrawn_by = ?, "
                "withdrawn_reason = ? WHERE id = ?",
                (now_iso(), actor, reason, doc_id),
            )
            self.catalog.audit.write(
                actor,
                "withdraw",
                f"document:{doc_id}",
                {"status": info.status},
                {"status": "withdrawn", "reason": reason},
            )

    def reinstate(self, doc_id: int, *, actor: str) -> None:
        info = self.info(doc_id)
        with self.db.transaction():
            self.db.run(
                "UPDATE documents SET status = 'active', withdrawn_at = NULL, withdrawn_by = NULL, "
                "withdrawn_reason = NULL WHERE id = ?",
                (doc_id,),
            )
            self.catalog.audit.write(
                actor,
                "reinstate",
                f"document:{doc_id}",
                {"status": info.status, "reason": info.withdrawn_reason},
                {"status": "active"},
            )


def _id(doc_id: int) -> int:
    """An id the database can hold; larger ones are simply unknown (NotFound, not a crash)."""
    if not isinstance(doc_id, int) or not 0 < doc_id < 2**63:
        raise NotFound(f"no document with id {doc_id}")
    return doc_id


def _info(row: Row, summary: dict[str, Any], flags: tuple[str, ...] = ()) -> DocumentInfo:
    return DocumentInfo(
        flags=flags,
        id=row["id"],
        status=row["status"],
        filename=row["filename"],
        format=row["format"],
        original_sha256=row["original_sha256"],
        content_sha256=row["content_sha256"],
        record=row["record"],
        added_at=row["added_at"],
        added_by=row["added_by"],
        withdrawn_at=row["withdrawn_at"],
        withdrawn_by=row["withdrawn_by"],
        withdrawn_reason=row["withdrawn_reason"],
        title=summary.get("title"),
        outlet=summary.get("outlet"),
        published=summary.get("published"),
    )


def _marks(values: Any) -> str:
    return ", ".join("?" for _ in values)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _load(text: str | None) -> Any:
    return json.loads(text) if text is not None else None
