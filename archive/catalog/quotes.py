"""Quotes in the catalog: each with its passage, its speaker's person record and its cue, how
sure attribution was (confidence and evidence), and whether a librarian confirmed it.

A librarian's confirmation or correction makes a quote `verified` (source `librarian`):
re-running attribution replaces only the quotes nobody verified.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from archive.catalog.database import Database, Row, now_iso
from archive.catalog.records import QuoteForReview, QuoteRef
from archive.errors import NotFound
from archive.model import PersonMention, Quote, passage_id

if TYPE_CHECKING:
    from archive.catalog.catalog import Catalog

_COLUMNS = (
    "doc_id, passage_id, seq, text, person_id, cue, span_start, span_end, nested_in, "
    "confidence, evidence, speaker_kind, verified, source, verified_by, verified_at"
)


class Quotes:
    def __init__(self, db: Database, catalog: Catalog) -> None:
        self.db = db
        self.catalog = catalog

    # -- writing (ingest and re-attribution) -------------------------------------------------

    def insert(self, doc_id: int, quotes: list[Quote], people: dict[str, int]) -> None:
        """Write a new document's quotes; `people` maps names to person ids (grown as needed)."""
        for seq, quote in enumerate(quotes):
            self._insert(doc_id, seq, quote, people)

    def _insert(self, doc_id: int, seq: int, quote: Quote, people: dict[str, int]) -> None:
        person_id = quote.speaker_id or (people.get(quote.speaker) if quote.speaker else None)
        if quote.speaker and person_id is None:
            kind = quote.speaker_kind or "person"
            mention = PersonMention(name=quote.speaker, kind=kind)
            person_id = self.catalog.people.match_or_create(mention)
            people[quote.speaker] = person_id
            self.catalog.people.link(doc_id, person_id)
        quote.speaker_id = person_id
        quote.id = self.db.insert(
            f"INSERT INTO quotes ({_COLUMNS}) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                float(quote.confidence),
                json.dumps(quote.evidence, ensure_ascii=False) if quote.evidence else None,
                quote.speaker_kind if person_id is not None else None,
                int(quote.verified),
                "librarian" if quote.verified else "attribution",
                quote.evidence.get("verified_by") if quote.verified else None,
                quote.evidence.get("verified_at") if quote.verified else None,
            ),
        )

    def replace_unverified(self, doc_id: int, found: list[Quote], people: dict[str, int]) -> int:
        """After re-running attribution on a document: keep every verified quote, replace the
        others by what attribution `found` now (skipping those a verified quote covers).
        Returns how many quotes were written."""
        kept = [q for q in self.of_document(doc_id) if q.verified]
        with self.db.transaction():
            self.db.run("DELETE FROM quotes WHERE doc_id = ? AND verified = 0", (doc_id,))
            fresh = [q for q in found if not any(_same_span(q, k) for k in kept)]
            for quote in fresh:
                quote.nested_in = None  # positions in the old list mean nothing now
            start = len(kept) + 1000  # after every kept quote's seq
            for seq, quote in enumerate(fresh, start=start):
                self._insert(doc_id, seq, quote, people)
            self._unlink_unquoted(doc_id)
        return len(fresh)

    def _unlink_unquoted(self, doc_id: int) -> None:
        rows = self.db.all("SELECT person_id FROM document_people WHERE doc_id = ?", (doc_id,))
        for row in rows:
            self.catalog.people.unlink_if_unquoted(doc_id, row["person_id"])

    # -- reading ---------------------------------------------------------------------------

    def of_document(self, doc_id: int, passages: list[str] | None = None) -> list[Quote]:
        """A document's quotes in order (only those in `passages`, ids, when given)."""
        within, params = _within(passages)
        rows = self.db.all(
            "SELECT q.*, p.name AS speaker, p.kind AS person_kind, ps.n AS passage_n "
            "FROM quotes q LEFT JOIN people p ON p.id = q.person_id "
            f"JOIN passages ps ON ps.id = q.passage_id WHERE q.doc_id = ?{within} "
            "ORDER BY q.seq",
            (doc_id, *params),
        )
        return [_quote(r) for r in rows]

    def passage_of(self, quote_id: int) -> int:
        """The number of the passage a quote is in."""
        row = self.db.one(
            "SELECT ps.n FROM quotes q JOIN passages ps ON ps.id = q.passage_id WHERE q.id = ?",
            (int(self._row(quote_id)["id"]),),
        )
        assert row is not None  # _row found the quote, and every quote has its passage
        return int(row["n"])

    def speakers_by_passage(
        self, doc_id: int, passages: list[str] | None = None
    ) -> dict[str, list[str]]:
        """Passage id -> the names it quotes, in order, once each."""
        within, params = _within(passages)
        rows = self.db.all(
            "SELECT q.passage_id, p.name FROM quotes q JOIN people p ON p.id = q.person_id "
            f"WHERE q.doc_id = ?{within} ORDER BY q.seq",
            (doc_id, *params),
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
            "SELECT q.id, q.doc_id, q.passage_id, ps.n, ps.kind, q.text, q.cue, d.status, "
            "q.confidence, q.verified FROM quotes q JOIN passages ps ON ps.id = q.passage_id "
            f"JOIN documents d ON d.id = q.doc_id WHERE q.person_id = ?{active} "
            "ORDER BY q.doc_id, q.seq",
            (person_id,),
        )
        summaries = self.catalog.documents.summaries(sorted({r["doc_id"] for r in rows}))
        return [
            QuoteRef(**(r | {"verified": bool(r["verified"])}), **summaries[r["doc_id"]])
            for r in rows
        ]

    def document_of(self, quote_id: int) -> int:
        """The id of the document a quote belongs to; NotFound for an unknown quote."""
        return int(self._row(quote_id)["doc_id"])

    def _row(self, quote_id: int) -> Row:
        if not isinstance(quote_id, int) or not 0 < quote_id < 2**63:
            raise NotFound(f"no quote with id {quote_id}")
        row = self.db.one("SELECT * FROM quotes WHERE id = ?", (quote_id,))
        if row is None:
            raise NotFound(f"no quote with id {quote_id}")
        return row

    def for_review(
        self,
        *,
        below: float,
        doc_id: int | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[QuoteForReview]:
        """Quotes nobody verified whose confidence is under `below`, lowest first, in active
        documents (of one document, with `doc_id`)."""
        where, params = self._review_where(below, doc_id)
        rows = self.db.all(
            "SELECT q.*, p.name AS speaker, p.kind AS person_kind, ps.n, ps.text AS passage_text "
            "FROM quotes q LEFT JOIN people p ON p.id = q.person_id "
            "JOIN passages ps ON ps.id = q.passage_id JOIN documents d ON d.id = q.doc_id "
            f"WHERE {where} ORDER BY q.confidence, q.doc_id, q.seq LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        summaries = self.catalog.documents.summaries(sorted({r["doc_id"] for r in rows}))
        return [_for_review(r, summaries[r["doc_id"]]) for r in rows]

    def count_for_review(self, *, below: float, doc_id: int | None = None) -> int:
        where, params = self._review_where(below, doc_id)
        return int(
            self.db.scalar(
                "SELECT COUNT(*) AS n FROM quotes q JOIN documents d ON d.id = q.doc_id "
                f"WHERE {where}",
                params,
            )
            or 0
        )

    def review_item(self, quote_id: int) -> QuoteForReview:
        """One quote as the review queue shows it (verified or not)."""
        self._row(quote_id)
        row = self.db.one(
            "SELECT q.*, p.name AS speaker, p.kind AS person_kind, ps.n, ps.text AS passage_text "
            "FROM quotes q LEFT JOIN people p ON p.id = q.person_id "
            "JOIN passages ps ON ps.id = q.passage_id WHERE q.id = ?",
            (quote_id,),
        )
        assert row is not None  # _row found it
        return _for_review(row, self.catalog.documents.summaries([row["doc_id"]])[row["doc_id"]])

    @staticmethod
    def _review_where(below: float, doc_id: int | None) -> tuple[str, list[Any]]:
        where = "q.verified = 0 AND q.confidence < ? AND d.status = 'active'"
        params: list[Any] = [below]
        if doc_id is not None:
            where += " AND q.doc_id = ?"
            params.append(doc_id)
        return where, params

    # -- a librarian's decision ------------------------------------------------------------

    def set_speaker(
        self,
        quote_id: int,
        speaker: str | None,
        *,
        actor: str,
        person_id: int | None = None,
        verified: bool = True,
    ) -> list[int]:
        """Attribute a quote to `person_id`, or to the person called `speaker` (matched like
        ingest does, else created), or to nobody when both are empty; a librarian's choice is
        verified unless `verified=False`. Returns the document to reindex."""
        speaker = (speaker or "").strip() or None
        people = self.catalog.people
        with self.db.transaction():
            row = self._row(quote_id)
            doc_id, old_id = int(row["doc_id"]), row["person_id"]
            if person_id is not None:
                new_id: int | None = people.get(person_id).id
            elif speaker is not None:
                new_id = people.called(speaker)
            else:
                new_id = None
            self.db.run("UPDATE quotes SET person_id = ? WHERE id = ?", (new_id, quote_id))
            self._mark(quote_id, row, actor, verified=verified, kind=people.kind_of(new_id))
            if new_id is not None:
                people.link(doc_id, new_id)
            if old_id is not None and old_id != new_id:
                people.unlink_if_unquoted(doc_id, old_id)
            self.catalog.audit.write(
                actor,
                "quote-speaker",
                f"quote:{quote_id}",
                _decision(doc_id, old_id, people.name_of(old_id), row),
                _decision(doc_id, new_id, people.name_of(new_id), None, verified=verified),
            )
        return [doc_id]

    def confirm(self, quote_id: int, *, actor: str) -> list[int]:
        """A librarian says the speaker (or "no speaker") attribution chose is right."""
        people = self.catalog.people
        with self.db.transaction():
            row = self._row(quote_id)
            kind = people.kind_of(row["person_id"])
            self._mark(quote_id, row, actor, verified=True, kind=kind)
            name = people.name_of(row["person_id"])
            self.catalog.audit.write(
                actor,
                "quote-confirm",
                f"quote:{quote_id}",
                _decision(int(row["doc_id"]), row["person_id"], name, row),
                _decision(int(row["doc_id"]), row["person_id"], name, None, verified=True),
            )
        return [int(row["doc_id"])]

    def _mark(
        self, quote_id: int, row: Row, actor: str, *, verified: bool, kind: str | None
    ) -> None:
        """Record who decided; the pipeline's own confidence stays in the evidence."""
        evidence = json.loads(row["evidence"]) if row["evidence"] else {}
        evidence.setdefault("model_confidence", row["confidence"])
        if verified:
            self.db.run(
                "UPDATE quotes SET verified = 1, source = 'librarian', verified_by = ?, "
                "verified_at = ?, confidence = 1, speaker_kind = ?, evidence = ? WHERE id = ?",
                (actor, now_iso(), kind, json.dumps(evidence, ensure_ascii=False), quote_id),
            )
        else:
            self.db.run(
                "UPDATE quotes SET verified = 0, source = 'attribution', verified_by = NULL, "
                "verified_at = NULL, speaker_kind = ?, evidence = ? WHERE id = ?",
                (kind, json.dumps(evidence, ensure_ascii=False), quote_id),
            )


def _within(passages: list[str] | None) -> tuple[str, list[str]]:
    """The SQL that keeps only quotes in some passages (ids), and its parameters."""
    if passages is None:
        return "", []
    return f" AND q.passage_id IN ({', '.join('?' for _ in passages) or 'NULL'})", passages


def _same_span(found: Quote, kept: Quote) -> bool:
    """Whether a newly found quote is the stretch a verified quote already stands for."""
    if found.passage_n != kept.passage_n:
        return False
    return found.start < kept.end and kept.start < found.end


def _decision(
    doc_id: int, person_id: int | None, name: str | None, row: Row | None, *, verified: bool = False
) -> dict[str, Any]:
    """What the audit log keeps of an attribution before or after a librarian's decision."""
    state = {"document": doc_id, "person": person_id, "speaker": name}
    if row is not None:
        return state | {"verified": bool(row["verified"]), "confidence": row["confidence"]}
    return state | {"verified": verified}


def _quote(row: Row) -> Quote:
    return Quote(
        text=row["text"],
        passage_n=row["passage_n"],
        speaker=row["speaker"],
        cue=row["cue"],
        start=row["span_start"],
        end=row["span_end"],
        nested_in=row["nested_in"],
        id=row["id"],
        confidence=float(row["confidence"] or 0.0),
        evidence=json.loads(row["evidence"]) if row["evidence"] else {},
        speaker_kind=(row["speaker_kind"] or row["person_kind"]) if row["person_id"] else None,
        verified=bool(row["verified"]),
        speaker_id=row["person_id"],
    )


def _for_review(row: Row, summary: dict[str, Any]) -> QuoteForReview:
    quote = _quote(row | {"passage_n": row["n"]})
    return QuoteForReview(
        id=row["id"],
        doc_id=row["doc_id"],
        passage_id=row["passage_id"],
        n=row["n"],
        text=row["text"],
        passage_text=row["passage_text"],
        span_start=row["span_start"],
        span_end=row["span_end"],
        speaker=quote.speaker,
        speaker_id=quote.speaker_id,
        speaker_kind=quote.speaker_kind,
        confidence=quote.confidence,
        evidence=quote.evidence,
        verified=quote.verified,
        **summary,
    )
