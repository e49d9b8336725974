"""Passages with the same words in several documents (reposts, syndication), from the index.

The facts table (index.whoosh.facets) groups the live documents by fingerprint once per
index generation, so "where else do these words stand" is a dictionary lookup for a hit;
only the copies found are read for their provenance.
"""

from __future__ import annotations

from whoosh.searching import Searcher

from index.results import MAX_COPIES, Copy
from index.travel import earliest_first

MAX_ALSO_IN = 1000  # document ids listed in a hit's `also_in`


def copies_of(
    searcher: Searcher, docnum: int, group: list[int], limit: int = MAX_COPIES
) -> tuple[list[Copy], int, list[int]]:
    """The other places of a passage: its copies (earliest first, at most `limit`), how many
    there are, and the other documents' ids (at most MAX_ALSO_IN)."""
    others = [d for d in group if d != docnum]
    if not others:
        return [], 0, []
    doc_ids = searcher.reader().column_reader("doc_id")
    own = int(doc_ids[docnum])
    also_in = sorted({int(doc_ids[d]) for d in others} - {own})[:MAX_ALSO_IN]
    if len(others) > limit * 4:  # read the earliest few only (undated ones sort last)
        dates = searcher.reader().column_reader("date", translate=False)
        others = sorted(others, key=lambda d: (dates[d], d))[: limit * 4]
    copies = earliest_first(copy_at(searcher, d) for d in others)
    return copies[:limit], len(others), also_in


def copy_at(searcher: Searcher, docnum: int) -> Copy:
    stored = searcher.stored_fields(docnum)
    return Copy(
        doc_id=int(stored["doc_id"]),
        passage_id=stored["passage_id"],
        n=int(stored["n"]),
        outlet=stored.get("outlet"),
        host=stored.get("host"),
        published=stored.get("published"),
        title=stored.get("title"),
    )
