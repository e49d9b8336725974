"""Publication dates in the index: the yyyymmdd `day` number and cheap ranges over it.

A range reads the postings of a few dozen trie terms of `day` into one sorted list, where a
range over the DATETIME field walks one postings list per distinct date.
"""

from __future__ import annotations

import datetime as dt
from array import array
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher
from whoosh.searching import Searcher

from index.dates import day_number, published_date

__all__ = ["DayRange", "day_number", "day_range", "published_date"]


def day_range(first: dt.date | None, last: dt.date | None) -> wq.Query:
    """Passages published from day `first` to day `last`, both included (a filter: no score).
    A partial date is indexed as the first day of its period."""
    low = day_number(first) if first else None
    high = day_number(last) if last else None
    if low is not None and high is not None and low > high:
        return wq.NullQuery
    return DayRange("day", low, high, constantscore=True)


class DayRange(wq.NumericRange):
    """A NumericRange whose matcher reads each trie term's postings straight into one sorted
    list, instead of walking a union of dozens of matchers one document at a time."""

    def matcher(self, searcher: Searcher, context: Any = None) -> Any:
        if not self.constantscore:
            return super().matcher(searcher, context)
        reader = searcher.reader()
        compiled = self._compile_query(reader)
        if isinstance(compiled, wq.ConstantScoreQuery):
            compiled = compiled.child
        parts = compiled.subqueries if isinstance(compiled, wq.Or) else [compiled]
        ids: set[int] = set()
        for part in parts:
            if isinstance(part, wq.Term):
                texts = [part.text] if (self.fieldname, part.text) in reader else []
            elif isinstance(part, wq.TermRange):
                texts = part._btexts(reader)
            else:  # nothing else comes out of a NumericRange; be safe if it ever does
                return super().matcher(searcher, context)
            for text in texts:
                ids.update(reader.postings(self.fieldname, text).all_ids())
        if not ids:
            return NullMatcher
        return ListMatcher(array("I", sorted(ids)), all_weights=self.boost)
