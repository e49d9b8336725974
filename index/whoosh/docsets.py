"""A query over document numbers already known (from the facts table): the passages with no
date or no outlet, which Whoosh could only find by reading every term of a field."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.searching import Searcher


class DocSet(wq.Query):
    """Matches exactly these (top-level) document numbers of one searcher, with no score."""

    def __init__(self, searcher: Searcher, docnums: Iterable[int]) -> None:
        wanted = sorted(set(docnums))
        self.by_reader: dict[int, array] = {}
        for subsearcher, offset in searcher.leaf_searchers():
            end = offset + subsearcher.doc_count_all()
            local = array("I", (d - offset for d in wanted if offset <= d < end))
            self.by_reader[id(subsearcher.reader())] = local
        self.boost = 1.0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocSet) and self.by_reader == other.by_reader

    def __hash__(self) -> int:
        return hash(tuple(sorted((key, len(local)) for key, local in self.by_reader.items())))

    def __repr__(self) -> str:
        return f"DocSet({sum(len(a) for a in self.by_reader.values())} documents)"

    def estimate_size(self, ixreader: Any) -> int:
        return sum(len(local) for local in self.by_reader.values())

    def estimate_min_size(self, ixreader: Any) -> int:
        return 0

    def matcher(self, searcher: Searcher, context: Any = None) -> Any:
        local = self.by_reader.get(id(searcher.reader()))
        if not local:
            return NullMatcher()
        reader = searcher.reader()
        live = array("I", (d for d in local if not reader.is_deleted(d)))
        return ListMatcher(live, all_weights=0.0) if live else NullMatcher()
