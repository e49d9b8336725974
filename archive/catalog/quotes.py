"""Quotes in the catalog: each with its passage, its speaker's person record and its cue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from archive.catalog.database import Database
from archive.catalog.records import QuoteRef
from archive.errors import NotFound
from archive.model import PersonMention, Quote, passage_id

if TYPE_CHECKING:
    from archive.catalog.catalog import Catalog


class Quotes:
    def __init__(self, db: Database, catalog: Catalog) -> None:
        self.db = db
        self.catalog = catalog

    def insert(self, doc_id: int, quotes: list[Quote], people: dict[str, int]) -> None:
        """Write a new document's quotes; `people` maps names to person ids (grown as needed)."""
        for seq, quote in enumerate(quotes):
            person_id = people.get(quote.speaker) if quote.speaker else None
            if quote.speaker and person_id is None:
                person_id = self.catalog.people.match_or_create(PersonMention(name=quote.speaker))
                people[quote.speaker] = person_id
                self.catalog.people.link(doc_id, person_id)
            quote.id = self.db.insert(
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

    def of_document(self, doc_id: int) -> list[Quote]:
        rows = self.db.all(
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

    def speakers_by_passage(self, doc_id: int) -> dict[str, list[str]]:
        """Passage id -> the names it quotes, in order, once each."""
        rows = self.db.all(
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

    def of_person(self, person_id: int, *, active_only: bool = False) -> list[QuoteRef]:
        """A person's quotes, with the passage and document each is in."""
        active = " AND d.status = 'active'" if active_only else ""
        rows = self.db.all(
            "SELECT q.id, q.doc_id, q.passage_id, ps.n, ps.kind, q.text, q.cue, d.status "
            "FROM quotes q JOIN passages ps ON ps.id = q.passage_id "
            f"JOIN documents d ON d.id = q.doc_id WHERE q.person_id = ?{active} "
            "ORDER BY q.doc_id, q.seq",
            (person_id,),
        )
        summaries = self.catalog.documents.summaries(sorted({r["doc_id"] for r in rows}))
        return [QuoteRef(**r, **summaries[r["doc_id"]]) for r in rows]

    def document_of(self, quote_id: int) -> int:
        """The id of the document a quote belongs to; NotFound for an unknown quote."""
        if not isinstance(quote_id, int) or not 0 < quote_id < 2**63:
            raise NotFound(f"no quote with id {quote_id}")
        doc_id = self.db.scalar("SELECT doc_id FROM quotes WHERE id = ?", (quote_id,))
        if doc_id is None:
            raise NotFound(f"no quote with id {quote_id}")
        return int(doc_id)

    def set_speaker(
        self, quote_id: int, speaker: str | None, *, actor: str, person_id: int | None = None
    ) -> list[int]:
        """Attribute a quote to `person_id`, or to the person called `speaker` (matched like
        ingest does, else created), or to nobody when both are empty. Returns the document to
        reindex."""
        speaker = (speaker or "").strip() or None
        people = self.catalog.people
        with self.db.transaction():
            doc_id = self.document_of(quote_id)
            old_id = self.db.scalar("SELECT person_id FROM quotes WHERE id = ?", (quote_id,))
            if person_id is not None:
                new_id: int | None = people.get(person_id).id
            elif speaker is not None:
                new_id = people.called(speaker)
            else:
                new_id = None
            self.db.run("UPDATE quotes SET person_id = ? WHERE id = ?", (new_id, quote_id))
            if new_id is not None:
                people.link(doc_id, new_id)
            if old_id is not None and old_id != new_id:
                people.unlink_if_unquoted(doc_id, old_id)
            self.catalog.audit.write(
                actor,
                "quote-speaker",
                f"quote:{quote_id}",
                {"document": doc_id, "person": old_id, "speaker": people.name_of(old_id)},
                {"document": doc_id, "person": new_id, "speaker": people.name_of(new_id)},
            )
        return [doc_id]
