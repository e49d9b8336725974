"""Passages into the search tables: one row per passage with its document's provenance, the
words of every vector listed in `search_terms` (for fuzzy words and wildcards)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from archive.catalog.database import Database
from archive.model import Document, fingerprint, passage_id
from index.dates import day_number, published_date
from index.words import exact_key

COLUMNS = (
    "passage_id", "doc_id", "n", "kind", "fingerprint", "text", "title", "outlet", "outlet_key",
    "host", "author", "authors", "published", "url", "day", "year", "person", "speakers",
    "person_keys", "attributions",
)  # fmt: skip
_INSERT = (
    f"INSERT INTO search_passages ({', '.join(COLUMNS)}) "
    f"VALUES ({', '.join('?::jsonb' if c == 'attributions' else '?' for c in COLUMNS)})"
)
# The words new rows brought, in order (two writers inserting in one order never deadlock).
_TERMS = (
    "INSERT INTO search_terms (vector, term) "
    "SELECT vector, term FROM ("
    "SELECT 'words' AS vector, lexeme AS term FROM search_passages, unnest(words) "
    "WHERE doc_id = ANY(?) UNION "
    "SELECT 'names', lexeme FROM search_passages, unnest(names) WHERE doc_id = ANY(?)"
    ") AS found ORDER BY vector, term ON CONFLICT DO NOTHING"
)


def passage_rows(doc: Document) -> list[tuple[Any, ...]]:
    """The rows of one catalog document: every passage, with its provenance."""
    shared = document_values(doc)
    rows = []
    for passage in doc.passages:
        speakers = list(dict.fromkeys(passage.speakers))
        values = dict(shared)
        values.update(
            passage_id=passage.id or passage_id(doc.id, passage.n),
            n=passage.n,
            kind=passage.kind,
            fingerprint=fingerprint(passage.text),
            text=passage.text,
            person="\n".join(speakers) or None,
            speakers=speakers,
            person_keys=[k for k in dict.fromkeys(exact_key(s) for s in speakers) if k],
            attributions=json.dumps(doc.attributions_of(passage.n)),
        )
        rows.append(tuple(values[c] for c in COLUMNS))
    return rows


def document_values(doc: Document) -> dict[str, Any]:
    """What every passage of a document shares."""
    outlet = doc.value("outlet") or None
    authors = [a for a in doc.value("authors", []) or [] if a]
    published = doc.value("published") or None
    date = published_date(published)
    return {
        "doc_id": int(doc.id),
        "title": doc.value("title") or None,
        "outlet": outlet,
        "outlet_key": exact_key(outlet) if outlet else None,
        "host": doc.value("host") or None,
        "author": "\n".join(authors) or None,
        "authors": authors,
        "published": published,
        "url": doc.value("url") or None,
        "day": day_number(date) if date else None,
        "year": str(date.year) if date else None,
    }


def write_documents(db: Database, docs: Iterable[Document], wait: float | None = None) -> int:
    """(Re)index these documents, replacing what they had; withdrawn ones are only removed.
    Joins the caller's transaction when there is one (ingest: the catalog's own)."""
    latest = {doc.id: doc for doc in docs if doc.id is not None}
    if not latest:
        return 0
    ids = [int(i) for i in latest]
    rows = [row for doc in latest.values() if doc.status == "active" for row in passage_rows(doc)]
    with db.transaction():
        db.wait_for_locks(wait)
        db.run("DELETE FROM search_passages WHERE doc_id = ANY(?)", (ids,))
        db.run_many(_INSERT, rows)
        if rows:
            db.run(_TERMS, (ids, ids))
    return len(rows)


def replace_passages(db: Database, doc: Document, wait: float | None = None) -> int:
    """(Re)index only the passages `doc` carries (a speaker fix), leaving its others."""
    if doc.id is None:
        return 0
    wanted = [p.id or passage_id(doc.id, p.n) for p in doc.passages]
    rows = passage_rows(doc) if doc.status == "active" else []
    with db.transaction():
        db.wait_for_locks(wait)
        db.run("DELETE FROM search_passages WHERE passage_id = ANY(?)", (wanted,))
        db.run_many(_INSERT, rows)
        if rows:
            db.run(_TERMS, ([int(doc.id)], [int(doc.id)]))
    return len(rows)


def remove_document(db: Database, doc_id: int, wait: float | None = None) -> None:
    with db.transaction():
        db.wait_for_locks(wait)
        db.run("DELETE FROM search_passages WHERE doc_id = ?", (int(doc_id),))


def indexed_documents(db: Database) -> dict[int, int]:
    rows = db.all("SELECT doc_id, COUNT(*) AS n FROM search_passages GROUP BY doc_id ORDER BY 1")
    return {int(r["doc_id"]): int(r["n"]) for r in rows}
