"""Facet counts and collapsing keys, read from a per-segment cache of the `facets` column.

Each index document carries (fingerprint, outlet, year, speakers) in one column. A segment
never changes once written, so its column is read once per process and kept by segment id.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import NamedTuple

from whoosh.searching import Searcher

from index.results import FacetValue

FACET_LIMIT = 20


class Facts(NamedTuple):
    fingerprint: str
    outlet: str | None
    year: str | None
    speakers: tuple[str, ...]


_EMPTY = Facts("", None, None, ())
_segments: dict[str, list[Facts]] = {}
_segments_lock = threading.Lock()


def facts_table(searcher: Searcher) -> list[Facts]:
    """Facts for every document number of this searcher's reader (deleted ones included)."""
    table: list[Facts] = []
    for reader, _offset in searcher.reader().leaf_readers():
        table.extend(_segment_facts(reader))
    return table


def _segment_facts(reader) -> list[Facts]:
    key = f"{reader.segment().segment_id()}"
    with _segments_lock:
        cached = _segments.get(key)
    if cached is None:
        if reader.has_column("facets"):
            column = reader.column_reader("facets")
            cached = [Facts(*value) if value else _EMPTY for value in column]
        else:  # a segment written with no passage (an idle indexing worker) has no column
            cached = [_EMPTY] * reader.doc_count_all()
        with _segments_lock:
            if len(_segments) > 256:
                _segments.clear()
            _segments[key] = cached
    return cached


def tally(docnums: Iterable[int], table: list[Facts]) -> tuple[int, dict[str, list[FacetValue]]]:
    """Distinct passages matched, and per outlet, person and year the distinct passages."""
    seen: set[str] = set()
    outlets: dict[str, set[str]] = {}
    people: dict[str, set[str]] = {}
    years: dict[str, set[str]] = {}
    for docnum in docnums:
        facts = table[docnum]
        key = facts.fingerprint or f"#{docnum}"
        seen.add(key)
        if facts.outlet:
            outlets.setdefault(facts.outlet, set()).add(key)
        if facts.year:
            years.setdefault(facts.year, set()).add(key)
        for speaker in facts.speakers:
            people.setdefault(speaker, set()).add(key)
    return len(seen), {
        "outlet": _by_count(outlets),
        "person": _by_count(people),
        "year": sorted(
            (FacetValue(y, len(k)) for y, k in years.items()), key=lambda v: v.value, reverse=True
        ),
    }


def _by_count(groups: dict[str, set[str]]) -> list[FacetValue]:
    values = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0].casefold()))
    return [FacetValue(name, len(keys)) for name, keys in values[:FACET_LIMIT]]
