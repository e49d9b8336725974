"""Curation on the catalog: documents listed for review, a quote's speaker fixed, two people
merged, a wrongly merged one split.

Each change runs in one transaction with its audit row, and returns the ids of the
documents whose passages now name other people, so the caller can reindex them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from archive.errors import InvalidValue, NotFound
from archive.model import PersonMention
from archive.store import Store, name_key


@dataclass
class PersonRecord:
    """A person as the catalog holds them, with their aliases, quotes and documents."""

    id: int
    name: str
    kind: str
    role: str | None
    aliases: list[str] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        """What the audit log keeps of a person."""
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "role": self.role,
            "aliases": self.aliases,
        }


# -- reading --------------------------------------------------------------------------------


def list_documents(
    store: Store, *, status: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Newest documents first, any status (or one), with title and outlet, for librarians."""
    where, params = ("WHERE d.status = ?", [status]) if status else ("", [])
    rows = store.conn.execute(
        "SELECT d.id, d.status, d.filename, d.added_at, d.added_by, d.withdrawn_reason, "
        "t.value AS title, o.value AS outlet FROM documents d "
        "LEFT JOIN fields t ON t.doc_id = d.id AND t.name = 'title' "
        "LEFT JOIN fields o ON o.doc_id = d.id AND o.name = 'outlet' "
        f"{where} ORDER BY d.id DESC LIMIT ? OFFSET ?",
        (*params, limit, offset),
    )
    return [
        dict(r) | {"title": _json_value(r["title"]), "outlet": _json_value(r["outlet"])}
        for r in rows
    ]


def _json_value(text: str | None) -> Any:
    return json.loads(text) if text is not None else None


def get_person(store: Store, person_id: int) -> PersonRecord:
    """One person with aliases, quotes (any document status) and documents; NotFound if unknown."""
    row = store.conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        raise NotFound(f"no person with id {person_id}")
    quotes = store.conn.execute(
        "SELECT q.id, q.doc_id, q.passage_id, q.text, d.status FROM quotes q "
        "JOIN documents d ON d.id = q.doc_id WHERE q.person_id = ? ORDER BY q.doc_id, q.seq",
        (person_id,),
    )
    return PersonRecord(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        role=row["role"],
        aliases=store.aliases_of(person_id),
        quotes=[dict(q) for q in quotes],
        documents=_documents_of_person(store.conn, person_id),
    )


def list_people(store: Store, query: str = "", *, limit: int = 200) -> list[dict[str, Any]]:
    """People whose name or an alias contains `query`, with how many quotes each has."""
    pattern = f"%{query.strip()}%"
    rows = store.conn.execute(
        "SELECT p.id, p.name, p.kind, p.role, "
        "(SELECT COUNT(*) FROM quotes q WHERE q.person_id = p.id) AS quotes "
        "FROM people p WHERE p.name LIKE ? OR EXISTS "
        "(SELECT 1 FROM aliases a WHERE a.person_id = p.id AND a.alias LIKE ?) "
        "ORDER BY p.name, p.id LIMIT ?",
        (pattern, pattern, limit),
    )
    return [dict(r) for r in rows]


def quote_document(store: Store, quote_id: int) -> int:
    """The id of the document a quote belongs to; NotFound for an unknown quote."""
    row = store.conn.execute("SELECT doc_id FROM quotes WHERE id = ?", (quote_id,)).fetchone()
    if row is None:
        raise NotFound(f"no quote with id {quote_id}")
    return row["doc_id"]


def _documents_of_person(conn: sqlite3.Connection, person_id: int) -> list[int]:
    rows = conn.execute(
        "SELECT doc_id FROM document_people WHERE person_id = ? UNION "
        "SELECT doc_id FROM quotes WHERE person_id = ? ORDER BY 1",
        (person_id, person_id),
    )
    return [r[0] for r in rows]


def _person_or_404(conn: sqlite3.Connection, person_id: int) -> sqlite3.Row:
    row = conn.execute("SELECT * FROM people WHERE id = ?", (person_id,)).fetchone()
    if row is None:
        raise NotFound(f"no person with id {person_id}")
    return row


# -- fixing a speaker -----------------------------------------------------------------------


def set_quote_speaker(
    store: Store, quote_id: int, speaker: str | None, *, actor: str, person_id: int | None = None
) -> list[int]:
    """Attribute a quote to `person_id`, or to the person called `speaker` (matched like ingest
    does, else created), or to nobody when both are empty. Returns the document to reindex."""
    speaker = (speaker or "").strip() or None
    with store.transaction() as conn:
        quote = conn.execute("SELECT * FROM quotes WHERE id = ?", (quote_id,)).fetchone()
        if quote is None:
            raise NotFound(f"no quote with id {quote_id}")
        if person_id is not None:
            new_id: int | None = _person_or_404(conn, person_id)["id"]
        elif speaker is not None:
            new_id = _person_called(store, conn, speaker)
        else:
            new_id = None
        old_id = quote["person_id"]
        conn.execute("UPDATE quotes SET person_id = ? WHERE id = ?", (new_id, quote_id))
        doc_id = quote["doc_id"]
        if new_id is not None:
            _link(conn, doc_id, new_id)
        if old_id is not None and old_id != new_id:
            _unlink_if_unquoted(conn, doc_id, old_id)
        store._audit(
            conn,
            actor,
            "quote-speaker",
            f"quote:{quote_id}",
            {"document": doc_id, "person": old_id, "speaker": _name(conn, old_id)},
            {"document": doc_id, "person": new_id, "speaker": _name(conn, new_id)},
        )
    return [doc_id]


def _person_called(store: Store, conn: sqlite3.Connection, name: str) -> int:
    if len(name) > 300:
        raise InvalidValue("a speaker's name may have at most 300 characters")
    mention = PersonMention(name=name)
    person_id = store._match_person(conn, mention) or store._insert_person(conn, mention)
    store._add_aliases(conn, person_id, [name])
    return person_id


def _name(conn: sqlite3.Connection, person_id: int | None) -> str | None:
    if person_id is None:
        return None
    row = conn.execute("SELECT name FROM people WHERE id = ?", (person_id,)).fetchone()
    return row["name"] if row else None


def _link(conn: sqlite3.Connection, doc_id: int, person_id: int, role: str | None = None) -> None:
    conn.execute(
        "INSERT INTO document_people (doc_id, person_id, role) VALUES (?, ?, ?) "
        "ON CONFLICT (doc_id, person_id) DO NOTHING",
        (doc_id, person_id, role),
    )


def _unlink_if_unquoted(conn: sqlite3.Connection, doc_id: int, person_id: int) -> None:
    """A person no longer quoted in a document stops being listed among its people."""
    left = conn.execute(
        "SELECT 1 FROM quotes WHERE doc_id = ? AND person_id = ? LIMIT 1", (doc_id, person_id)
    ).fetchone()
    if left is None:
        conn.execute(
            "DELETE FROM document_people WHERE doc_id = ? AND person_id = ?", (doc_id, person_id)
        )


# -- merging --------------------------------------------------------------------------------


def merge_people(store: Store, keep_id: int, merge_id: int, *, actor: str) -> list[int]:
    """Fold person `merge_id` into `keep_id`: aliases, quotes and documents move, the merged
    record goes. Returns the documents to reindex."""
    if keep_id == merge_id:
        raise InvalidValue("choose two different people to merge")
    keep, merged = get_person(store, keep_id), get_person(store, merge_id)
    docs = sorted(set(keep.documents) | set(merged.documents))
    with store.transaction() as conn:
        store._add_aliases(conn, keep_id, [merged.name, *merged.aliases])
        conn.execute("UPDATE quotes SET person_id = ? WHERE person_id = ?", (keep_id, merge_id))
        conn.execute(
            "INSERT INTO document_people (doc_id, person_id, role) "
            "SELECT doc_id, ?, role FROM document_people WHERE person_id = ? "
            "ON CONFLICT (doc_id, person_id) DO NOTHING",
            (keep_id, merge_id),
        )
        conn.execute("DELETE FROM document_people WHERE person_id = ?", (merge_id,))
        conn.execute("DELETE FROM aliases WHERE person_id = ?", (merge_id,))
        if keep.role is None and merged.role:
            conn.execute("UPDATE people SET role = ? WHERE id = ?", (merged.role, keep_id))
        conn.execute("DELETE FROM people WHERE id = ?", (merge_id,))
        store._audit(
            conn,
            actor,
            "people-merge",
            f"person:{keep_id}",
            {"kept": keep.summary(), "merged": merged.summary()},
            {
                "person": keep_id,
                "aliases": store.aliases_of(keep_id),
                "quotes_moved": len(merged.quotes),
            },
        )
    return docs


# -- splitting ------------------------------------------------------------------------------


def split_person(
    store: Store,
    person_id: int,
    *,
    aliases: list[str],
    quote_ids: list[int],
    name: str | None = None,
    actor: str,
) -> tuple[int, list[int]]:
    """Move the chosen aliases and quotes of a wrongly merged person to a new person record
    (called `name`, else the first alias moved). Returns (new person id, documents to reindex)."""
    person = get_person(store, person_id)
    aliases, quote_ids = list(dict.fromkeys(aliases)), list(dict.fromkeys(quote_ids))
    _check_split(person, aliases, quote_ids)
    new_name = (name or "").strip() or (aliases[0] if aliases else "")
    if not new_name or len(new_name) > 300:
        raise InvalidValue("give the new person a name (at most 300 characters)")
    moved_docs = sorted({q["doc_id"] for q in person.quotes if q["id"] in quote_ids})
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO people (name, kind, role, pkey) VALUES (?, ?, NULL, ?)",
            (new_name, person.kind, name_key(new_name)),
        )
        new_id = int(cursor.lastrowid)
        conn.executemany(
            "DELETE FROM aliases WHERE person_id = ? AND alias = ?",
            [(person_id, a) for a in aliases],
        )
        store._add_aliases(conn, new_id, [new_name, *aliases])
        conn.executemany(
            "UPDATE quotes SET person_id = ? WHERE id = ? AND person_id = ?",
            [(new_id, q, person_id) for q in quote_ids],
        )
        for doc_id in moved_docs:
            _link(conn, doc_id, new_id)
            _unlink_if_unquoted(conn, doc_id, person_id)
        store._audit(
            conn,
            actor,
            "people-split",
            f"person:{person_id}",
            {"person": person.summary()},
            {
                "person": person_id,
                "aliases": store.aliases_of(person_id),
                "new_person": {"id": new_id, "name": new_name, "aliases": store.aliases_of(new_id)},
                "quotes_moved": quote_ids,
            },
        )
    return new_id, sorted(set(person.documents) | set(moved_docs))


def _check_split(person: PersonRecord, aliases: list[str], quote_ids: list[int]) -> None:
    if not aliases and not quote_ids:
        raise InvalidValue("choose at least one alias or quote to move to the new person")
    unknown = [a for a in aliases if a not in person.aliases]
    if unknown:
        raise InvalidValue(f"{person.name} has no alias {unknown[0]!r}")
    if person.name in aliases:
        raise InvalidValue(
            f"{person.name!r} is this person's own name and stays with them; "
            "move the other aliases instead"
        )
    theirs = {q["id"] for q in person.quotes}
    foreign = [q for q in quote_ids if q not in theirs]
    if foreign:
        raise InvalidValue(f"quote {foreign[0]} is not attributed to {person.name}")
