"""Hits from rows of the search tables: provenance, the query's words marked (whole passage
and snippet, index.snippets), and the other places the same words stand (copies, `also_in`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import Any

from archive.catalog.database import Database
from index.postgres.compile import Compiled
from index.postgres.schema import TEXT_CONFIG
from index.results import MAX_COPIES, Copy, Hit
from index.snippets import Span, highlight_html, snippet_html
from index.travel import earliest_first
from index.words import WORD

MAX_ALSO_IN = 1000  # document ids listed in a hit's `also_in`, as in Whoosh
# What a hit needs of its row (`fingerprint` finds its copies).
HIT_COLUMNS = (
    "passage_id, doc_id, n, kind, fingerprint, text, title, outlet, host, authors, published, "
    "url, speakers, attributions"
)
# The copies of some fingerprints, earliest first (undated last), the first few of each,
# with how many passages hold each fingerprint in all.
_COPIES = """
SELECT fingerprint, passage_id, doc_id, n, outlet, host, published, title, everywhere
FROM (
    SELECT fingerprint, passage_id, doc_id, n, outlet, host, published, title,
        row_number() OVER (
            PARTITION BY fingerprint ORDER BY day NULLS LAST, host IS NOT NULL, doc_id, n
        ) AS place,
        COUNT(*) OVER (PARTITION BY fingerprint) AS everywhere
    FROM search_passages WHERE fingerprint = ANY(?)
) ranked WHERE place <= ?
"""
_SHARING = (
    "SELECT fingerprint, array_agg(DISTINCT doc_id) AS docs FROM search_passages "
    "WHERE fingerprint = ANY(?) GROUP BY fingerprint"
)


def build_hits(db: Database, rows: list[dict[str, Any]], marks: Marks) -> list[Hit]:
    """Hits for rows of `search_passages` (HIT_COLUMNS), in their order, with their copies."""
    if not rows:
        return []
    fingerprints = sorted({r["fingerprint"] for r in rows})
    found: dict[str, list[dict[str, Any]]] = {}
    everywhere: dict[str, int] = {}
    for row in db.all(_COPIES, (fingerprints, MAX_COPIES * 4 + 1)):
        found.setdefault(row["fingerprint"], []).append(row)
        everywhere[row["fingerprint"]] = int(row["everywhere"])
    shared = [f for f, n in everywhere.items() if n > 1]
    docs = {
        r["fingerprint"]: sorted(int(d) for d in r["docs"])
        for r in (db.all(_SHARING, (shared,)) if shared else [])
    }
    marks.learn(r["text"] for r in rows)
    hits = []
    for row in rows:
        key = row["fingerprint"]
        others = [c for c in found.get(key, []) if c["passage_id"] != row["passage_id"]]
        copies = earliest_first(copy_of(c) for c in others)[:MAX_COPIES]
        doc_id = int(row["doc_id"])
        also_in = [d for d in docs.get(key, []) if d != doc_id][:MAX_ALSO_IN]
        total = max(0, everywhere.get(key, 1) - 1)
        hits.append(hit_of(row, marks, copies, total, also_in))
    return hits


def hit_of(
    row: dict[str, Any], marks: Marks, copies: list[Copy], copies_total: int, also_in: list[int]
) -> Hit:
    text = row["text"]
    spans = marks.spans(text)
    return Hit(
        passage_id=row["passage_id"],
        doc_id=int(row["doc_id"]),
        n=int(row["n"]),
        kind=row["kind"],
        text=text,
        highlight=highlight_html(text, spans),
        snippet=snippet_html(text, spans),
        speakers=list(row.get("speakers") or []),
        attributions=[dict(a) for a in row.get("attributions") or []],
        provenance={
            "outlet": row.get("outlet"),
            "host": row.get("host"),
            "published": row.get("published"),
            "title": row.get("title"),
            "authors": list(row.get("authors") or []),
            "url": row.get("url"),
        },
        also_in=also_in,
        copies=copies,
        copies_total=copies_total,
    )


def copy_of(row: dict[str, Any]) -> Copy:
    return Copy(
        doc_id=int(row["doc_id"]),
        passage_id=row["passage_id"],
        n=int(row["n"]),
        outlet=row.get("outlet"),
        host=row.get("host"),
        published=row.get("published"),
        title=row.get("title"),
    )


# -- marking the query's words ----------------------------------------------------------------

_analysed: dict[str, frozenset[str]] = {}
_analysed_lock = threading.Lock()
_TSVECTOR_LEXEME = re.compile(r"'((?:[^']|'')*)'")


class Marks:
    """Which words of a hit's text to mark: those whose lexemes the query searched for, as
    PostgreSQL analyses the passage text (each word analysed once per process)."""

    def __init__(self, db: Database, compiled: Compiled | None) -> None:
        self.db = db
        self.lexemes = frozenset(compiled.marks) if compiled else frozenset()
        self.prefixes = tuple(sorted(compiled.mark_prefixes)) if compiled else ()

    def spans(self, text: str) -> list[Span]:
        """Where the marked words stand in the text."""
        if not self.lexemes and not self.prefixes:
            return []
        self.learn([text])
        return [
            (m.start(), m.end())
            for m in WORD.finditer(text)
            if self._wanted(_analysed.get(m.group(), frozenset()))
        ]

    def _wanted(self, lexemes: frozenset[str]) -> bool:
        if lexemes & self.lexemes:
            return True
        return any(lex.startswith(p) for lex in lexemes for p in self.prefixes)

    def learn(self, texts: Iterable[str]) -> None:
        """Analyse the words of these texts not seen before, in one round trip."""
        if not self.lexemes and not self.prefixes:
            return
        new = sorted({m.group() for t in texts for m in WORD.finditer(t)} - _analysed.keys())
        if new:
            remember(analyse_words(self.db, new))


def analyse_words(db: Database, words: list[str]) -> dict[str, frozenset[str]]:
    """Each word's lexemes as the passage text is analysed (none for an empty analysis)."""
    rows = db.all(
        f"SELECT w, to_tsvector('{TEXT_CONFIG}', w)::text AS v FROM unnest(?::text[]) AS w",
        (words,),
    )
    return {
        row["w"]: frozenset(t.replace("''", "'") for t in _TSVECTOR_LEXEME.findall(row["v"] or ""))
        for row in rows
    }


def remember(analysed: dict[str, frozenset[str]]) -> None:
    with _analysed_lock:
        if len(_analysed) > 200_000:
            _analysed.clear()
        _analysed.update(analysed)
