"""One passage by its id, as a hit with its copies, and every copy of its words in time
order (a passage's page, trace-a-quote)."""

from __future__ import annotations

from archive.catalog.database import Database
from index.postgres.hits import HIT_COLUMNS, Marks, build_hits, copy_of
from index.results import Copy, Hit
from index.travel import MAX_TIMELINE, earliest_first


def passage_hit(db: Database, passage_id: str) -> Hit | None:
    """The indexed passage in the hit shape, no words marked; None when it is not indexed."""
    rows = db.all(f"SELECT {HIT_COLUMNS} FROM search_passages WHERE passage_id = ?", (passage_id,))
    hits = build_hits(db, rows, Marks(db, None))
    return hits[0] if hits else None


def all_copies(db: Database, passage_id: str) -> list[Copy]:
    """Every passage with the same words, itself included, earliest first (at most
    MAX_TIMELINE: the earliest ones); [] for a passage not indexed."""
    rows = db.all(
        "SELECT c.passage_id, c.doc_id, c.n, c.outlet, c.host, c.published, c.title "
        "FROM search_passages p JOIN search_passages c ON c.fingerprint = p.fingerprint "
        "WHERE p.passage_id = ? "
        "ORDER BY c.day NULLS LAST, c.host IS NOT NULL, c.doc_id, c.n LIMIT ?",
        (passage_id, MAX_TIMELINE),
    )
    return earliest_first(copy_of(r) for r in rows)
