"""What readers see of people: who is quoted, in which active documents, and saying what.

Catalog lookups for the people and document pages. They belong in `archive.store.Store`
(see the proposed `list_people_quoted`, `person_profile` and `people_in_document`); until
the store has them, the SQL below answers, on `store.conn`.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from archive.errors import NotFound
from archive.store import Store

SUMMARY_FIELDS = ("title", "outlet", "published")


def list_people(
    store: Store, query: str = "", *, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """People in active documents (name or alias containing `query`), by name, with counts."""
    method = getattr(store, "list_people_quoted", None)
    if method is not None:
        return method(query, limit=limit, offset=offset)
    return _list_people(store.conn, query, limit, offset)


def person_profile(store: Store, person_id: int) -> dict[str, Any]:
    """A person with aliases, roles, quotes and documents (active only); NotFound otherwise."""
    method = getattr(store, "person_profile", None)
    if method is not None:
        return method(person_id)
    return _person_profile(store.conn, person_id)


def people_in_document(store: Store, doc_id: int) -> list[dict[str, Any]]:
    """The people a document quotes or names, with their ids and how often they are quoted."""
    method = getattr(store, "people_in_document", None)
    if method is not None:
        return method(doc_id)
    return _people_in_document(store.conn, doc_id)


def _list_people(
    conn: sqlite3.Connection, query: str, limit: int, offset: int
) -> list[dict[str, Any]]:
    where, params = "", []
    if query.strip():
        pattern = f"%{query.strip()}%"
        where = (
            "AND (p.name LIKE ? OR EXISTS (SELECT 1 FROM aliases a "
            "WHERE a.person_id = p.id AND a.alias LIKE ?))"
        )
        params = [pattern, pattern]
    rows = conn.execute(
        "SELECT p.id, p.name, p.kind, p.role, COUNT(DISTINCT dp.doc_id) AS documents, "
        "(SELECT COUNT(*) FROM quotes q JOIN documents qd ON qd.id = q.doc_id "
        " WHERE q.person_id = p.id AND qd.status = 'active') AS quotes "
        "FROM people p JOIN document_people dp ON dp.person_id = p.id "
        "JOIN documents d ON d.id = dp.doc_id "
        f"WHERE d.status = 'active' {where} "
        "GROUP BY p.id, p.name, p.kind, p.role ORDER BY p.name, p.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [dict(r) for r in rows]


def _person_profile(conn: sqlite3.Connection, person_id: int) -> dict[str, Any]:
    row = conn.execute(
        "SELECT id, name, kind, role FROM people WHERE id = ?", (person_id,)
    ).fetchone()
    documents = _documents_of(conn, person_id)
    if row is None or not documents:
        raise NotFound(f"no person with id {person_id}")
    aliases = [
        r["alias"]
        for r in conn.execute(
            "SELECT alias FROM aliases WHERE person_id = ? ORDER BY alias", (person_id,)
        )
    ]
    roles = list(dict.fromkeys(r for r in [row["role"], *(d["role"] for d in documents)] if r))
    return dict(row) | {
        "aliases": [a for a in aliases if a != row["name"]],
        "roles": roles,
        "quotes": _quotes_of(conn, person_id),
        "documents": documents,
    }


def _documents_of(conn: sqlite3.Connection, person_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT dp.doc_id, dp.role FROM document_people dp JOIN documents d ON d.id = dp.doc_id "
        "WHERE dp.person_id = ? AND d.status = 'active' ORDER BY dp.doc_id",
        (person_id,),
    )
    documents = [dict(r) for r in rows]
    summaries = _summaries(conn, [d["doc_id"] for d in documents])
    return [d | summaries.get(d["doc_id"], {}) for d in documents]


def _quotes_of(conn: sqlite3.Connection, person_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT q.id, q.text, q.cue, q.doc_id, q.passage_id, ps.n, ps.kind FROM quotes q "
        "JOIN passages ps ON ps.id = q.passage_id JOIN documents d ON d.id = q.doc_id "
        "WHERE q.person_id = ? AND d.status = 'active' ORDER BY q.doc_id, q.seq",
        (person_id,),
    )
    quotes = [dict(r) for r in rows]
    summaries = _summaries(conn, sorted({q["doc_id"] for q in quotes}))
    return [q | summaries.get(q["doc_id"], {}) for q in quotes]


def _people_in_document(conn: sqlite3.Connection, doc_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT p.id, p.name, p.kind, COALESCE(dp.role, p.role) AS role, "
        "(SELECT COUNT(*) FROM quotes q WHERE q.person_id = p.id AND q.doc_id = dp.doc_id) "
        "AS quotes FROM document_people dp JOIN people p ON p.id = dp.person_id "
        "WHERE dp.doc_id = ? ORDER BY quotes DESC, p.name",
        (doc_id,),
    )
    return [dict(r) for r in rows]


def _summaries(conn: sqlite3.Connection, doc_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Title, outlet and published date of each document, by id."""
    summaries: dict[int, dict[str, Any]] = {d: dict.fromkeys(SUMMARY_FIELDS) for d in doc_ids}
    for start in range(0, len(doc_ids), 500):
        chunk = doc_ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        rows = conn.execute(
            f"SELECT doc_id, name, value FROM fields WHERE doc_id IN ({marks}) "
            f"AND name IN ({', '.join('?' for _ in SUMMARY_FIELDS)})",
            (*chunk, *SUMMARY_FIELDS),
        )
        for r in rows:
            summaries[r["doc_id"]][r["name"]] = json.loads(r["value"]) if r["value"] else None
    return summaries
