"""What every index document carries for facets, collapsing and date order, as flat lists.

Each index document carries (fingerprint, outlet, year, speakers) in one column. A segment
never changes once written, so its column is read once per process and kept by segment id;
the lists for a whole index are put together once per index generation and shared by the
process's threads. Counting a result's facets is then a few C-level passes over its
document numbers (`Counter(map(...))`), corrected for the passages that stand in several
documents (counted once per value, as the hits are).
"""

from __future__ import annotations

import itertools
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from whoosh.searching import Searcher

from index.facets import FacetCounts
from index.limits import Deadline

MISSING_DATE = 2**64 - 1  # what the sortable date column holds for an undated passage


class Facts(NamedTuple):
    fingerprint: str
    outlet: str | None
    year: str | None
    speakers: tuple[str, ...]


_EMPTY = Facts("", None, None, ())
_segments: dict[str, tuple[list[Facts], list[int]]] = {}
_segments_lock = threading.Lock()


@dataclass
class Table:
    """Per document number of one index generation (deleted documents included)."""

    generation: Any
    fingerprint: list[str]
    outlet: list[str | None]
    year: list[str | None]
    speakers: list[tuple[str, ...]]
    oldest_key: list[int]  # sorts oldest first, undated last
    newest_key: list[int]  # sorts newest first, undated last
    shared: dict[str, list[int]]  # fingerprint -> live documents, when two or more hold it
    shared_docs: frozenset[int]

    def __len__(self) -> int:
        return len(self.fingerprint)

    def undated(self) -> list[int]:
        """Document numbers with no publication date."""
        return [d for d, key in enumerate(self.oldest_key) if key == MISSING_DATE]

    def without_outlet(self) -> list[int]:
        return [d for d, outlet in enumerate(self.outlet) if outlet is None]


MAX_TABLES = 8  # indexes whose tables one process keeps (a test run opens hundreds)
_tables: dict[str, Table] = {}
_tables_lock = threading.Lock()


def table_for(searcher: Searcher, place: str) -> Table:
    """The table of this searcher's index generation, built once per process."""
    generation = (searcher.reader().generation(), searcher.doc_count_all())
    with _tables_lock:
        found = _tables.get(place)
        if found is not None and found.generation == generation:
            return found
        table = _build_table(searcher, generation)
        _tables.pop(place, None)
        _tables[place] = table
        while len(_tables) > MAX_TABLES:
            del _tables[next(iter(_tables))]
        return table


def _build_table(searcher: Searcher, generation: Any) -> Table:
    facts: list[Facts] = []
    dates: list[int] = []
    for reader, _offset in searcher.reader().leaf_readers():
        segment_facts, segment_dates = _segment(reader)
        facts.extend(segment_facts)
        dates.extend(segment_dates)
    groups: dict[str, list[int]] = {}
    for docnum in searcher.reader().all_doc_ids():
        fingerprint = facts[docnum].fingerprint
        if fingerprint:
            groups.setdefault(fingerprint, []).append(docnum)
    shared = {fp: docnums for fp, docnums in groups.items() if len(docnums) > 1}
    return Table(
        generation=generation,
        fingerprint=[f.fingerprint for f in facts],
        outlet=[f.outlet for f in facts],
        year=[f.year for f in facts],
        speakers=[f.speakers for f in facts],
        oldest_key=dates,
        newest_key=[-d if d != MISSING_DATE else 1 for d in dates],
        shared=shared,
        shared_docs=frozenset(itertools.chain.from_iterable(shared.values())),
    )


def _segment(reader: Any) -> tuple[list[Facts], list[int]]:
    key = f"{reader.segment().segment_id()}"
    with _segments_lock:
        cached = _segments.get(key)
    if cached is None:
        count = reader.doc_count_all()
        if reader.has_column("facets"):
            column = reader.column_reader("facets")
            facts = [Facts(*value) if value else _EMPTY for value in column]
        else:  # a segment written with no passage (an idle indexing worker) has no column
            facts = [_EMPTY] * count
        if reader.has_column("date"):
            dates = list(reader.column_reader("date", translate=False))
        else:
            dates = [MISSING_DATE] * count
        cached = (facts, dates)
        with _segments_lock:
            if len(_segments) > 256:
                _segments.clear()
            _segments[key] = cached
    return cached


def distinct(docnums: Sequence[int], table: Table) -> int:
    """How many distinct passages these documents hold (copies counted once)."""
    shared = list(filter(table.shared_docs.__contains__, docnums))
    if not shared:
        return len(docnums)
    return len(docnums) - len(shared) + len(set(map(table.fingerprint.__getitem__, shared)))


def tally(docnums: Sequence[int], table: Table, deadline: Deadline) -> tuple[int, FacetCounts]:
    """Distinct passages matched, and per outlet, person and year the distinct passages
    (with the passages that have no outlet or no year counted apart)."""
    deadline.check()
    outlets = Counter(map(table.outlet.__getitem__, docnums))
    years = Counter(map(table.year.__getitem__, docnums))
    people = Counter(itertools.chain.from_iterable(map(table.speakers.__getitem__, docnums)))
    deadline.check()
    shared = list(filter(table.shared_docs.__contains__, docnums))
    if shared:
        # a passage in several documents counts once per value, as it is one hit
        fingerprint = table.fingerprint
        for counter, values in ((outlets, table.outlet), (years, table.year)):
            pairs = Counter((values[d], fingerprint[d]) for d in shared)
            for (value, _fp), times in pairs.items():
                counter[value] -= times - 1
        pairs = Counter((s, fingerprint[d]) for d in shared for s in table.speakers[d])
        for (speaker, _fp), times in pairs.items():
            people[speaker] -= times - 1
    counts = FacetCounts(
        values={
            "outlet": {k: v for k, v in outlets.items() if k is not None and v > 0},
            "person": {k: v for k, v in people.items() if v > 0},
            "year": {k: v for k, v in years.items() if k is not None and v > 0},
        },
        missing={"outlet": outlets.get(None, 0), "year": years.get(None, 0)},
    )
    return distinct(docnums, table), counts
