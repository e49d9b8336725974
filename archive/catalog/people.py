"""People and organisations across the archive: one record per real person.

A document's mentions become person records by one rule, `archive.personnames.match_person`
(the same full name, or a recorded full-name alias; never a surname alone): SQL finds the
candidates by their folded keys, the rule decides. Librarians merge records that are one
person and split records that are two; each change is one transaction with its audit row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from archive import personnames
from archive.catalog.database import Database, Row
from archive.catalog.records import (
    PersonDocument,
    PersonInDocument,
    PersonRecord,
    PersonSummary,
)
from archive.errors import InvalidValue, NotFound
from archive.model import PersonMention

if TYPE_CHECKING:
    from archive.catalog.catalog import Catalog

MAX_NAME = 300


class People:
    def __init__(self, db: Database, catalog: Catalog) -> None:
        self.db = db
        self.catalog = catalog

    # -- matching and recording (ingest) -----------------------------------------------------

    def match(self, mention: PersonMention) -> int | None:
        """The id of the person record this mention is, by the one rule; None if new."""
        keys = sorted(personnames.full_keys(mention))
        if not keys:
            return None
        marks = ", ".join("?" for _ in keys)
        rows = self.db.all(
            f"SELECT id, name, kind FROM people WHERE kind = ? AND (pkey IN ({marks}) OR id IN "
            f"(SELECT person_id FROM aliases WHERE akey IN ({marks}))) ORDER BY id",
            (mention.kind, *keys, *keys),
        )
        candidates = [
            PersonMention(r["name"], kind=r["kind"], aliases=self.aliases_of(r["id"])) for r in rows
        ]
        found = personnames.match_person(mention, candidates)
        return rows[found]["id"] if found is not None else None

    def match_or_create(self, mention: PersonMention) -> int:
        """The person record of a mention, created when the archive has none yet. Writers
        take turns from here to their commit, so that two documents quoting a new person at
        once make one record of them, not two."""
        self.db.lock("cuttings people")
        person_id = self.match(mention)
        if person_id is None:
            person_id = self.db.insert(
                "INSERT INTO people (name, kind, role, pkey) VALUES (?, ?, ?, ?)",
                (mention.name, mention.kind, mention.role, personnames.person_key(mention.name)),
            )
        self.add_aliases(person_id, [mention.name, *mention.aliases])
        return person_id

    def record_mentions(self, doc_id: int, mentions: list[PersonMention]) -> dict[str, int]:
        """Link a document's mentions to person records; every name and alias -> person id."""
        ids: dict[str, int] = {}
        for mention in mentions:
            person_id = self.match_or_create(mention)
            if mention.role:
                self.db.run(
                    "UPDATE people SET role = ? WHERE id = ? AND role IS NULL",
                    (mention.role, person_id),
                )
            self.link(doc_id, person_id, mention.role)
            for name in [mention.name, *mention.aliases]:
                ids.setdefault(name, person_id)
        return ids

    def add_aliases(self, person_id: int, aliases: list[str]) -> None:
        self.db.run_many(
            "INSERT INTO aliases (person_id, alias, akey) VALUES (?, ?, ?) "
            "ON CONFLICT (person_id, alias) DO NOTHING",
            [
                (person_id, alias, personnames.person_key(alias))
                for alias in dict.fromkeys(a for a in aliases if a)
            ],
        )

    def link(self, doc_id: int, person_id: int, role: str | None = None) -> None:
        """List a person among a document's people."""
        self.db.run(
            "INSERT INTO document_people (doc_id, person_id, role) VALUES (?, ?, ?) "
            "ON CONFLICT (doc_id, person_id) DO NOTHING",
            (doc_id, person_id, role),
        )

    def unlink_if_unquoted(self, doc_id: int, person_id: int) -> None:
        """A person no longer quoted in a document stops being listed among its people."""
        left = self.db.one(
            "SELECT 1 AS x FROM quotes WHERE doc_id = ? AND person_id = ?", (doc_id, person_id)
        )
        if left is None:
            self.db.run(
                "DELETE FROM document_people WHERE doc_id = ? AND person_id = ?",
                (doc_id, person_id),
            )

    def called(self, name: str) -> int:
        """The person a librarian typed: matched like ingest matches, else a new record."""
        name = name.strip()
        if not name or len(name) > MAX_NAME:
            raise InvalidValue(f"a speaker's name needs 1 to {MAX_NAME} characters")
        return self.match_or_create(PersonMention(name=name))

    # -- reading ---------------------------------------------------------------------------

    def aliases_of(self, person_id: int) -> list[str]:
        rows = self.db.all(
            "SELECT alias FROM aliases WHERE person_id = ? ORDER BY alias", (person_id,)
        )
        return [r["alias"] for r in rows]

    def kind_of(self, person_id: int | None) -> str | None:
        """ "person" or "organisation"; None for nobody."""
        if person_id is None:
            return None
        return self.db.scalar("SELECT kind FROM people WHERE id = ?", (person_id,))

    def name_of(self, person_id: int | None) -> str | None:
        if person_id is None:
            return None
        return self.db.scalar("SELECT name FROM people WHERE id = ?", (person_id,))

    def mentions_in(self, doc_id: int) -> list[PersonMention]:
        """The people a document names, as mentions (with the role this document gives)."""
        rows = self.db.all(
            "SELECT p.id, p.name, p.kind, COALESCE(dp.role, p.role) AS role FROM document_people dp "
            "JOIN people p ON p.id = dp.person_id WHERE dp.doc_id = ? ORDER BY p.name",
            (doc_id,),
        )
        return [
            PersonMention(
                r["name"], kind=r["kind"], role=r["role"], aliases=self.aliases_of(r["id"])
            )
            for r in rows
        ]

    def in_document(self, doc_id: int) -> list[PersonInDocument]:
        """The people a document quotes or names, most quoted first."""
        rows = self.db.all(
            "SELECT p.id, p.name, p.kind, COALESCE(dp.role, p.role) AS role, "
            "(SELECT COUNT(*) FROM quotes q WHERE q.person_id = p.id AND q.doc_id = dp.doc_id) "
            "AS quotes FROM document_people dp JOIN people p ON p.id = dp.person_id "
            "WHERE dp.doc_id = ? ORDER BY quotes DESC, p.name",
            (doc_id,),
        )
        return [PersonInDocument(**r) for r in rows]

    def get(self, person_id: int, *, active_only: bool = False) -> PersonRecord:
        """One person with aliases, roles, quotes and documents; NotFound if unknown (or, with
        `active_only`, found in no active document)."""
        row = self._row(person_id)
        documents = self._documents_of(person_id, active_only)
        if active_only and not documents:
            raise NotFound(f"no person with id {person_id}")
        aliases = self.aliases_of(person_id)
        return PersonRecord(
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            role=row["role"],
            aliases=aliases,
            roles=list(dict.fromkeys(r for r in [row["role"], *(d.role for d in documents)] if r)),
            quotes=self.catalog.quotes.of_person(person_id, active_only=active_only),
            documents=documents,
        )

    def _row(self, person_id: int) -> Row:
        if not isinstance(person_id, int) or not 0 < person_id < 2**63:
            raise NotFound(f"no person with id {person_id}")
        row = self.db.one("SELECT * FROM people WHERE id = ?", (person_id,))
        if row is None:
            raise NotFound(f"no person with id {person_id}")
        return row

    def _documents_of(self, person_id: int, active_only: bool) -> list[PersonDocument]:
        active = " AND d.status = 'active'" if active_only else ""
        rows = self.db.all(
            "SELECT d.id AS doc_id, dp.role FROM documents d LEFT JOIN document_people dp "
            "ON dp.doc_id = d.id AND dp.person_id = ? WHERE (dp.person_id IS NOT NULL OR d.id IN "
            f"(SELECT doc_id FROM quotes WHERE person_id = ?)){active} ORDER BY d.id",
            (person_id, person_id),
        )
        summaries = self.catalog.documents.summaries([r["doc_id"] for r in rows])
        return [PersonDocument(r["doc_id"], r["role"], **summaries[r["doc_id"]]) for r in rows]

    def listing(
        self, query: str = "", *, active_only: bool = False, limit: int = 200, offset: int = 0
    ) -> list[PersonSummary]:
        """People whose name or an alias contains `query`, by name, with their counts. With
        `active_only` (what readers see): only people named in an active document."""
        where, params = [], []
        if query.strip():
            pattern = f"%{query.strip()[:MAX_NAME]}%"
            # LOWER on both sides: SQLite's LIKE ignores case, PostgreSQL's does not
            where.append(
                "(LOWER(p.name) LIKE LOWER(?) OR EXISTS (SELECT 1 FROM aliases a "
                "WHERE a.person_id = p.id AND LOWER(a.alias) LIKE LOWER(?)))"
            )
            params += [pattern, pattern]
        active = " AND d.status = 'active'" if active_only else ""
        if active_only:
            where.append(
                "EXISTS (SELECT 1 FROM document_people dp JOIN documents d ON d.id = dp.doc_id "
                f"WHERE dp.person_id = p.id{active})"
            )
        rows = self.db.all(
            "SELECT p.id, p.name, p.kind, p.role, "
            "(SELECT COUNT(*) FROM quotes q JOIN documents d ON d.id = q.doc_id "
            f"WHERE q.person_id = p.id{active}) AS quotes, "
            "(SELECT COUNT(*) FROM document_people dp JOIN documents d ON d.id = dp.doc_id "
            f"WHERE dp.person_id = p.id{active}) AS documents "
            f"FROM people p {'WHERE ' + ' AND '.join(where) if where else ''} "
            "ORDER BY p.name, p.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [PersonSummary(**r) for r in rows]

    # -- curation --------------------------------------------------------------------------

    def merge(self, keep_id: int, merge_id: int, *, actor: str) -> list[int]:
        """Fold person `merge_id` into `keep_id`: aliases, quotes and documents move, the merged
        record goes. Returns the documents to reindex."""
        if keep_id == merge_id:
            raise InvalidValue("choose two different people to merge")
        keep, merged = self.get(keep_id), self.get(merge_id)
        docs = sorted(set(keep.document_ids) | set(merged.document_ids))
        with self.db.transaction():
            self.add_aliases(keep_id, [merged.name, *merged.aliases])
            self.db.run("UPDATE quotes SET person_id = ? WHERE person_id = ?", (keep_id, merge_id))
            self.db.run(
                "INSERT INTO document_people (doc_id, person_id, role) "
                "SELECT doc_id, ?, role FROM document_people WHERE person_id = ? "
                "ON CONFLICT (doc_id, person_id) DO NOTHING",
                (keep_id, merge_id),
            )
            self.db.run("DELETE FROM document_people WHERE person_id = ?", (merge_id,))
            self.db.run("DELETE FROM aliases WHERE person_id = ?", (merge_id,))
            if keep.role is None and merged.role:
                self.db.run("UPDATE people SET role = ? WHERE id = ?", (merged.role, keep_id))
            self.db.run("DELETE FROM people WHERE id = ?", (merge_id,))
            self.catalog.audit.write(
                actor,
                "people-merge",
                f"person:{keep_id}",
                {"kept": keep.summary(), "merged": merged.summary()},
                {
                    "person": keep_id,
                    "aliases": self.aliases_of(keep_id),
                    "quotes_moved": len(merged.quotes),
                },
            )
        return docs

    def split(
        self,
        person_id: int,
        *,
        aliases: list[str],
        quote_ids: list[int],
        name: str | None = None,
        actor: str,
    ) -> tuple[int, list[int]]:
        """Move the chosen aliases and quotes of a wrongly merged person to a new person record
        (called `name`, else the first alias moved). Returns (new id, documents to reindex)."""
        person = self.get(person_id)
        aliases, quote_ids = list(dict.fromkeys(aliases)), list(dict.fromkeys(quote_ids))
        _check_split(person, aliases, quote_ids)
        new_name = (name or "").strip() or (aliases[0] if aliases else "")
        if not new_name or len(new_name) > MAX_NAME:
            raise InvalidValue(f"give the new person a name (at most {MAX_NAME} characters)")
        moved_docs = sorted({q.doc_id for q in person.quotes if q.id in quote_ids})
        with self.db.transaction():
            new_id = self.db.insert(
                "INSERT INTO people (name, kind, role, pkey) VALUES (?, ?, NULL, ?)",
                (new_name, person.kind, personnames.person_key(new_name)),
            )
            self.db.run_many(
                "DELETE FROM aliases WHERE person_id = ? AND alias = ?",
                [(person_id, a) for a in aliases],
            )
            self.add_aliases(new_id, [new_name, *aliases])
            self.db.run_many(
                "UPDATE quotes SET person_id = ? WHERE id = ? AND person_id = ?",
                [(new_id, q, person_id) for q in quote_ids],
            )
            for doc_id in moved_docs:
                self.link(doc_id, new_id)
                self.unlink_if_unquoted(doc_id, person_id)
            self.catalog.audit.write(
                actor,
                "people-split",
                f"person:{person_id}",
                {"person": person.summary()},
                {
                    "person": person_id,
                    "aliases": self.aliases_of(person_id),
                    "new_person": {
                        "id": new_id,
                        "name": new_name,
                        "aliases": self.aliases_of(new_id),
                    },
                    "quotes_moved": quote_ids,
                },
            )
        return new_id, sorted(set(person.document_ids) | set(moved_docs))


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
    theirs = {q.id for q in person.quotes}
    foreign = [q for q in quote_ids if q not in theirs]
    if foreign:
        raise InvalidValue(f"quote {foreign[0]} is not attributed to {person.name}")
