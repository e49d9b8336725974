"""BM25 as Whoosh scores it, reading each passage's length from a list kept per segment.

Whoosh's scorer looks every matched passage's length up in the segment's length column (a
file read and a byte decoded each time: a seventh of a search's time on 100,000 passages).
A segment never changes once written, so its lengths are read once per process into a list.
The scores are Whoosh's own, to the last bit.
"""

from __future__ import annotations

import threading
from typing import Any

from whoosh.scoring import BM25F, BM25FScorer

_lengths: dict[tuple[str, str], list[int]] = {}
_lengths_lock = threading.Lock()
SCORED_FIELDS = ("text", "title")


class ListedLengthBM25F(BM25F):
    def scorer(self, searcher: Any, fieldname: str, text: bytes, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, BM25FScorer) and fieldname in SCORED_FIELDS:
            lengths = _segment_lengths(searcher.reader(), fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer


def _segment_lengths(reader: Any, fieldname: str) -> list[int] | None:
    """The field length of every document of one segment (None for a multi-segment reader)."""
    if not hasattr(reader, "segment"):
        return None
    key = (reader.segment().segment_id(), fieldname)
    with _lengths_lock:
        found = _lengths.get(key)
    if found is None:
        found = [reader.doc_field_length(d, fieldname, 1) for d in range(reader.doc_count_all())]
        with _lengths_lock:
            if len(_lengths) > 512:
                _lengths.clear()
            _lengths[key] = found
    return found
